import { describe, expect, it } from 'vitest';
import { PartitionLog, type StoredMessage } from './partitionLog';

function filled(count: number, retention = 1_000_000): PartitionLog<number> {
  const log = new PartitionLog<number>(retention);
  for (let i = 0; i < count; i++) log.append({ topic: 't', partition: 0, key: null, value: i * 10, timestamp: 0 }, i);
  return log;
}

function read(log: PartitionLog<number>, offset: number, max: number): StoredMessage<number>[] {
  const out: StoredMessage<number>[] = [];
  log.read(offset, max, out);
  return out;
}

describe('PartitionLog', () => {
  it('reads every message back in order, across segment boundaries', () => {
    const log = filled(10_000);
    const all = read(log, 0, 20_000);
    expect(all).toHaveLength(10_000);
    expect(all.every((m, i) => m.offset === i && m.value === i * 10)).toBe(true);
  });

  it('reads a window that straddles a segment boundary without gaps or repeats', () => {
    const log = filled(10_000);
    // Wherever the segment boundaries are, some window of 700 around 4000 and 8000 crosses them.
    for (const start of [3_900, 4_090, 8_100, 8_190, 9_999]) {
      const window = read(log, start, 700);
      const expected = Math.min(700, 10_000 - start);
      expect(window.map((m) => m.offset)).toEqual(Array.from({ length: expected }, (_, i) => start + i));
    }
  });

  it('appends after a read continue at the next offset', () => {
    const log = filled(3);
    expect(log.high).toBe(3);
    log.append({ topic: 't', partition: 0, key: 'k', value: 99, timestamp: 5 }, 42);
    const [message] = read(log, 3, 10);
    expect(message).toMatchObject({ offset: 3, value: 99, key: 'k', timestamp: 5, topic: 't', partition: 0, sequence: 42 });
    expect(log.at(3)).toBe(message);
  });

  it('reads nothing at or past the end, and nothing from an empty log', () => {
    expect(read(filled(5000), 5000, 10)).toEqual([]);
    expect(read(new PartitionLog<number>(100), 0, 10)).toEqual([]);
    expect(new PartitionLog<number>(100).low).toBe(0);
  });

  it('drops the oldest messages past the retention bound and clamps reads to what is kept', () => {
    const log = filled(30_000, 6000);
    expect(log.high).toBe(30_000);
    expect(log.low).toBeGreaterThan(0);
    expect(log.high - log.low).toBeGreaterThanOrEqual(6000);
    const kept = read(log, 0, 100_000);
    expect(kept[0]?.offset).toBe(log.low);
    expect(kept).toHaveLength(log.high - log.low);
    expect(kept.every((m, i) => m.offset === log.low + i)).toBe(true);
  });

  it('finds a single message by offset, across segments, and nothing outside what is kept', () => {
    const log = filled(10_000);
    for (const offset of [0, 4095, 4096, 8191, 8192, 9_999]) expect(log.at(offset)?.value).toBe(offset * 10);
    expect(log.at(10_000)).toBeUndefined();
    expect(log.at(-1)).toBeUndefined();
    const trimmed = filled(30_000, 6000);
    expect(trimmed.at(trimmed.low - 1)).toBeUndefined();
    expect(trimmed.at(trimmed.low)?.offset).toBe(trimmed.low);
  });

  it('never drops what was just written, even with a tiny bound', () => {
    const log = filled(10_000, 1);
    expect(read(log, 9_999, 1)[0]?.value).toBe(99_990);
  });
});
