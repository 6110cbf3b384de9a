import { describe, expect, it } from 'vitest';
import type { TrafficRecord } from '../../../shared/records';
import { EventTimePacer } from './eventTimePacer';
import { RowRatePacer, createPacer, repace } from './pacer';

function fakeTime(start = 1_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

const T0 = Date.UTC(2026, 9, 1);
const rows: TrafficRecord[] = Array.from({ length: 100 }, (_, i) => ({ line: i + 2, values: [], time: T0 + i * 60_000 }));

describe('createPacer', () => {
  it('builds the pacer for each mode', () => {
    const time = fakeTime();
    const fast = createPacer({ mode: 'fast' }, time.now);
    expect(fast).toBeInstanceOf(RowRatePacer);
    expect(fast.allowance(rows, 0, 0)).toBe(Number.POSITIVE_INFINITY);

    const rate = createPacer({ mode: 'rows', rowsPerSecond: 10 }, time.now);
    expect(rate.allowance(rows, 0, 0)).toBe(0);
    time.advance(1000);
    expect(rate.allowance(rows, 0, 0)).toBe(10);

    const event = createPacer({ mode: 'event', speed: 60, maxGapSeconds: 30 }, time.now);
    expect(event).toBeInstanceOf(EventTimePacer);
    expect(event.allowance(rows, 0, 0)).toBe(1);
    // Rows are a minute apart, over the 30 s cap: 30 data seconds at 60× take 0.5 s.
    expect(event.msUntilNext(rows, 1, 1)).toBe(500);
  });

  it('an event pacer without a gap cap honours every gap', () => {
    const time = fakeTime();
    const event = createPacer({ mode: 'event', speed: 60, maxGapSeconds: null }, time.now);
    event.allowance(rows, 0, 0);
    expect(event.msUntilNext(rows, 1, 1)).toBe(1000);
  });
});

describe('repace', () => {
  it('keeps a row pacer and its position when only the rate changes', () => {
    const time = fakeTime();
    const pacer = createPacer({ mode: 'rows', rowsPerSecond: 10 }, time.now);
    time.advance(10_000);
    expect(pacer.allowance(rows, 0, 100)).toBe(0);
    const next = repace(pacer, { mode: 'rows', rowsPerSecond: 1000 }, 100, false, time.now);
    expect(next).toBe(pacer);
    expect(next.allowance(rows, 0, 100)).toBe(0); // no burst for the time already passed
    time.advance(100);
    expect(next.allowance(rows, 0, 100)).toBe(100);
    expect(repace(next, { mode: 'fast' }, 200, false, time.now).allowance(rows, 0, 200)).toBe(Number.POSITIVE_INFINITY);
  });

  it('keeps an event pacer and its data clock when only the speed changes', () => {
    const time = fakeTime();
    const pacer = createPacer({ mode: 'event', speed: 1, maxGapSeconds: null }, time.now);
    expect(pacer.allowance(rows, 0, 0)).toBe(1);
    time.advance(30_000);
    const next = repace(pacer, { mode: 'event', speed: 60, maxGapSeconds: null }, 1, false, time.now);
    expect(next).toBe(pacer);
    expect(next.msUntilNext(rows, 1, 1)).toBe(500); // the 30 data seconds left, at 60×
  });

  it('from event time to a row rate, counts the rate from the rows already sent (no stall)', () => {
    const time = fakeTime();
    const pacer = createPacer({ mode: 'event', speed: 1_000_000, maxGapSeconds: null }, time.now);
    expect(pacer.allowance(rows, 0, 0)).toBe(1); // the first row sets the data clock's origin
    time.advance(10);
    expect(pacer.allowance(rows, 1, 1)).toBe(rows.length - 1);
    const emitted = 5000; // rows sent at event time before the change
    time.advance(1000);
    const next = repace(pacer, { mode: 'rows', rowsPerSecond: 10 }, emitted, false, time.now);
    expect(next).toBeInstanceOf(RowRatePacer);
    expect(next.allowance(rows, 0, emitted)).toBe(0);
    time.advance(1000);
    // 10 rows a second from here, not nothing until the new rate has "caught up" with 5,000 rows.
    expect(next.allowance(rows, 0, emitted)).toBe(10);
    expect(next.msUntilNext(rows, 0, emitted + 10)).toBe(100);
  });

  it('from a row rate to event time starts the data clock at the next row', () => {
    const time = fakeTime();
    const pacer = createPacer({ mode: 'rows', rowsPerSecond: 100 }, time.now);
    time.advance(1000);
    const next = repace(pacer, { mode: 'event', speed: 60, maxGapSeconds: null }, 100, false, time.now);
    expect(next).toBeInstanceOf(EventTimePacer);
    expect(next.allowance(rows, 50, 100)).toBe(1);
    expect(next.msUntilNext(rows, 51, 101)).toBe(1000);
  });

  it('a new pacer made while paused stays paused until resumed', () => {
    const time = fakeTime();
    const pacer = createPacer({ mode: 'fast' }, time.now);
    pacer.pause();
    const next = repace(pacer, { mode: 'event', speed: 1, maxGapSeconds: null }, 10, true, time.now);
    expect(next.allowance(rows, 0, 10)).toBe(0);
    next.resume(10);
    expect(next.allowance(rows, 0, 10)).toBe(1);

    const rated = repace(createPacer({ mode: 'event', speed: 1, maxGapSeconds: null }, time.now), { mode: 'rows', rowsPerSecond: 10 }, 10, true, time.now);
    time.advance(5000);
    expect(rated.allowance(rows, 0, 10)).toBe(0);
    rated.resume(10);
    time.advance(1000);
    expect(rated.allowance(rows, 0, 10)).toBe(10);
  });
});
