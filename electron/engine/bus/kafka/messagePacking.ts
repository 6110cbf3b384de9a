/**
 * Several rows of one key in one Kafka message ("Rows per message" in the bus settings). A Kafka
 * client spends a fixed share of JavaScript on every message, whatever its size (kafkajs about 30 µs
 * a message end to end here, the producer the replay uses now about half that); 64 rows to a message
 * share it once, which is what lets a Kafka replay run several times faster. Off (1) by default,
 * because other consumers of the topic then read JSON arrays instead of one object per message.
 *
 * A packed message's value is a JSON array of the rows' objects, so any Kafka tool still shows it
 * readably. Its one header lists, per row in order, the row's replay tag and its own timestamp
 * (`tag@ms`, comma-separated). The message's timestamp is its latest row's: Kafka's lookup by time
 * answers the first offset stamped at or after the time, so every message before that offset then
 * holds only earlier rows, and none with a row at or after the time is skipped (stamped with its
 * first row's, a message whose later rows were wanted was passed over on a real broker). Rows of one key stay in their order; rows of different keys may be packed apart.
 */
import type { ProducerRecord } from '../bus';
import { sendStamp } from './messageTimestamps';
import { REPLAY_TAG_HEADER } from './replayTag';

export const PACKED_ROWS_HEADER = 'traffic-monitor-rows';

export interface KafkaMessageOut {
  key: string | null;
  value: string;
  timestamp: string;
  headers?: Record<string, string>;
}

/** One row of a packed message, as read back: the parsed object with its own header and time. */
export interface UnpackedRow {
  value: unknown;
  headers: Record<string, string>;
  timestamp: number;
}

/**
 * Replay tags are `run:seq:line` with a hex run id: they never hold the separators. Anything else is
 * refused when packing rather than read back wrong.
 */
const SEPARATORS = /[,@]/;

function entryOf<T>(record: ProducerRecord<T>): string {
  const tag = record.headers?.[REPLAY_TAG_HEADER] ?? '';
  if (SEPARATORS.test(tag)) throw new Error(`a replay tag with "," or "@" cannot be packed: ${tag}`);
  return `${tag}@${record.timestamp === undefined ? '' : Math.round(record.timestamp)}`;
}

/** Records as messages of up to `rowsPerMessage` rows each, grouped by key in arrival order. */
export function packMessages<T>(records: readonly ProducerRecord<T>[], encode: (value: T) => string, rowsPerMessage: number, now: string): KafkaMessageOut[] {
  const byKey = new Map<string | null, ProducerRecord<T>[]>();
  for (const record of records) {
    const list = byKey.get(record.key);
    if (list) list.push(record);
    else byKey.set(record.key, [record]);
  }
  const messages: KafkaMessageOut[] = [];
  for (const [key, list] of byKey) {
    for (let start = 0; start < list.length; start += rowsPerMessage) {
      const rows = list.slice(start, start + rowsPerMessage);
      const latest = rows.reduce((max, row) => (row.timestamp !== undefined && row.timestamp > max ? row.timestamp : max), -Infinity);
      messages.push({
        key,
        value: `[${rows.map((row) => encode(row.value)).join(',')}]`,
        // Each row's own time is in the header; the message is stamped as one row would be (messageTimestamps.ts).
        timestamp: latest === -Infinity ? now : String(sendStamp(Math.round(latest), Number(now)) ?? Math.round(latest)),
        headers: { [PACKED_ROWS_HEADER]: rows.map(entryOf).join(',') },
      });
    }
  }
  return messages;
}

/** The rows of a packed message; throws with a plain reason when it is not one this app wrote. */
export function unpackMessage(payload: Buffer, rowsHeader: string, messageTimestamp: number): UnpackedRow[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload.toString('utf8'));
  } catch {
    throw new Error('packed rows that are not JSON');
  }
  if (!Array.isArray(parsed)) throw new Error('packed rows that are not a JSON array');
  const entries = rowsHeader.split(',');
  if (entries.length !== parsed.length) throw new Error(`packed rows: ${parsed.length} rows but ${entries.length} entries in the ${PACKED_ROWS_HEADER} header`);
  return parsed.map((value: unknown, i): UnpackedRow => {
    const entry = entries[i] as string;
    const at = entry.lastIndexOf('@');
    const tag = at < 0 ? '' : entry.slice(0, at);
    const time = at < 0 ? '' : entry.slice(at + 1);
    const headers: Record<string, string> = tag === '' ? {} : { [REPLAY_TAG_HEADER]: tag };
    return { value, headers, timestamp: time === '' ? messageTimestamp : Number(time) };
  });
}
