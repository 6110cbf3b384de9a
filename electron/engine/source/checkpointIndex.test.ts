import { describe, expect, it } from 'vitest';
import type { ReaderCheckpoint } from './csvBatchReader';
import { CheckpointIndex } from './checkpointIndex';

const T0 = Date.UTC(2026, 9, 1);
const HOUR = 3_600_000;
const point = (byte: number, row: number, firstTime: number | null = T0 + row * HOUR): ReaderCheckpoint => ({
  byte,
  line: row + 2,
  row,
  timeline: null,
  firstTime,
});

describe('CheckpointIndex', () => {
  it('finds the last checkpoint at or before a row, or none before the first', () => {
    const index = new CheckpointIndex();
    for (const p of [point(100, 10), point(200, 20), point(300, 30)]) index.add(p);
    expect(index.before({ kind: 'row', row: 0 })).toBeUndefined();
    expect(index.before({ kind: 'row', row: 9 })).toBeUndefined();
    expect(index.before({ kind: 'row', row: 10 })).toEqual(point(100, 10));
    expect(index.before({ kind: 'row', row: 29 })).toEqual(point(200, 20));
    expect(index.before({ kind: 'row', row: 30 })).toEqual(point(300, 30));
    expect(index.before({ kind: 'row', row: 1_000_000 })).toEqual(point(300, 30));
  });

  it('finds the last checkpoint whose block starts at or before a time', () => {
    const index = new CheckpointIndex();
    for (const p of [point(100, 10), point(200, 20), point(300, 30)]) index.add(p);
    expect(index.before({ kind: 'time', time: T0 })).toBeUndefined();
    expect(index.before({ kind: 'time', time: T0 + 10 * HOUR })).toEqual(point(100, 10));
    expect(index.before({ kind: 'time', time: T0 + 25 * HOUR })).toEqual(point(200, 20));
    expect(index.before({ kind: 'time', time: T0 + 99 * HOUR })).toEqual(point(300, 30));
  });

  it('stops at a block without a time (it cannot tell where that block lies)', () => {
    const index = new CheckpointIndex();
    for (const p of [point(100, 10), point(200, 20, null), point(300, 30)]) index.add(p);
    expect(index.before({ kind: 'time', time: T0 + 99 * HOUR })).toEqual(point(100, 10));
    expect(index.before({ kind: 'row', row: 35 })).toEqual(point(300, 30));
  });

  it('keeps checkpoints sorted and unique whatever order they arrive in (loops and seeks read blocks again)', () => {
    const index = new CheckpointIndex();
    for (const p of [point(300, 30), point(100, 10), point(200, 20), point(100, 10), point(300, 30), point(250, 25)]) index.add(p);
    expect(index.size).toBe(4);
    expect(index.before({ kind: 'row', row: 24 })).toEqual(point(200, 20));
    expect(index.before({ kind: 'row', row: 26 })).toEqual(point(250, 25));
  });

  it('never stores the start of the file', () => {
    const index = new CheckpointIndex();
    index.add(point(0, 0));
    expect(index.size).toBe(0);
    expect(index.before({ kind: 'row', row: 5 })).toBeUndefined();
  });
});
