import { describe, expect, it } from 'vitest';
import type { TrafficRecord } from '../../../shared/records';
import { parseReplayTag, REPLAY_TAG_HEADER } from '../bus/kafka/replayTag';
import { toBusRecords } from './busRecords';
import { ReplayRunTag } from './replayRunTag';

const records: TrafficRecord[] = [
  { line: 2, values: ['A1', 10], time: 1000 },
  { line: 3, values: [7, 11], time: null },
  { line: 5, values: [null, 12], time: 3000 },
];

describe('toBusRecords', () => {
  it('keys each row by its location as text and stamps it with its event time', () => {
    const out = toBusRecords(records, 0, null);
    expect(out.map((r) => r.key)).toEqual(['A1', '7', '']);
    expect(out.map((r) => r.timestamp)).toEqual([1000, undefined, 3000]);
    expect('timestamp' in (out[1] as object)).toBe(false);
    expect(out.map((r) => r.value)).toEqual(records);
    expect(out.every((r) => r.headers === undefined)).toBe(true);
  });

  it('leaves rows unkeyed without a location column', () => {
    expect(toBusRecords(records, -1, null).map((r) => r.key)).toEqual([null, null, null]);
  });

  it("tags each row with the replay's id, a sequence running on across batches, and its line", () => {
    const tags = new ReplayRunTag();
    tags.restart();
    const first = toBusRecords(records.slice(0, 2), 0, tags);
    const second = toBusRecords(records.slice(2), 0, tags);
    const parsed = [...first, ...second].map((r) => parseReplayTag(r.headers?.[REPLAY_TAG_HEADER]));
    expect(parsed).toEqual([
      { run: tags.id, seq: 0, line: 2 },
      { run: tags.id, seq: 1, line: 3 },
      { run: tags.id, seq: 2, line: 5 },
    ]);
    expect(tags.nextSeq).toBe(3);
  });
});
