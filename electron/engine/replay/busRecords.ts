/**
 * Rows as the bus takes them: keyed by location (so a location's rows stay in order on one
 * partition), stamped with their event time, and on a shared topic tagged with this replay's id and
 * sequence number. Runs once per row, so it stays a single plain map.
 */
import type { TrafficRecord } from '../../../shared/records';
import type { ProducerRecord } from '../bus';
import { formatReplayTag, REPLAY_TAG_HEADER } from '../bus';
import type { ReplayRunTag } from './replayRunTag';

/** `locationColumn` -1: no location, no key. `tag` null: rows go untagged (the embedded log). */
export function toBusRecords(
  records: readonly TrafficRecord[],
  locationColumn: number,
  tag: ReplayRunTag | null,
): ProducerRecord<TrafficRecord>[] {
  return records.map((record) => ({
    key: locationColumn >= 0 ? String(record.values[locationColumn] ?? '') : null,
    value: record,
    ...(record.time === null ? {} : { timestamp: record.time }),
    ...(tag ? { headers: { [REPLAY_TAG_HEADER]: formatReplayTag(tag.id, tag.nextSeq++, record.line) } } : {}),
  }));
}
