import { describe, expect, it } from 'vitest';
import type { TrafficRecord } from '../../../shared/records';
import { LoopTimeline } from './loopTimeline';

const T0 = Date.UTC(2026, 9, 1);
const QUARTER = 15 * 60_000;
const record = (time: number | null, line = 2): TrafficRecord => ({ line, values: [time], time });
/** `slots` 15-minute slots with `junctions` rows each (same time), as the sample writes them. */
const slots = (count: number, junctions = 1, from = 0): TrafficRecord[] =>
  Array.from({ length: count * junctions }, (_, i) => record(T0 + (from + Math.floor(i / junctions)) * QUARTER, i + 2));

describe('LoopTimeline', () => {
  it('shifts loop 2 so it starts one step after loop 1 ends, and loop 3 after loop 2', () => {
    const loops = new LoopTimeline(null);
    const file = slots(96, 4); // one day, four junctions per slot
    loops.observe(file);
    expect(loops.shift(file)).toBe(file); // loop 1 is not shifted
    expect(loops.count).toBe(0);

    loops.next();
    expect(loops.count).toBe(1);
    const second = loops.shift(file);
    const lastOfFirst = file.at(-1)!.time!;
    expect(second[0]!.time).toBe(lastOfFirst + QUARTER);
    expect(second.map((r) => r.time! - lastOfFirst - QUARTER)).toEqual(file.map((r) => r.time! - T0));
    expect(loops.offsetMs).toBe(96 * QUARTER);

    loops.next();
    expect(loops.count).toBe(2);
    const third = loops.shift(file);
    expect(third[0]!.time).toBe(second.at(-1)!.time! + QUARTER);
    // Only the time moves: lines and values are the file's.
    expect(third.map((r) => r.line)).toEqual(file.map((r) => r.line));
    expect(third.map((r) => r.values)).toEqual(file.map((r) => r.values));
  });

  it('leaves rows without a time as they are, and does not change the rows it was given', () => {
    const loops = new LoopTimeline(null);
    const file = [record(T0), record(null, 3), record(T0 + QUARTER, 4)];
    loops.observe(file);
    loops.next();
    const shifted = loops.shift(file);
    expect(shifted.map((r) => r.time)).toEqual([T0 + 2 * QUARTER, null, T0 + 3 * QUARTER]);
    expect(file.map((r) => r.time)).toEqual([T0, null, T0 + QUARTER]);
  });

  it('takes the smallest step between distinct times, out-of-order rows included', () => {
    const loops = new LoopTimeline(null);
    loops.observe([record(T0), record(T0 + 10 * 60_000), record(T0 + 15 * 60_000), record(T0 + 2 * 60_000), record(T0 + 30 * 60_000)]);
    loops.next();
    // Span 30 min, smallest forward step 5 min.
    expect(loops.offsetMs).toBe(35 * 60_000);
  });

  it('steps one second when the file shows no interval (a single time)', () => {
    const loops = new LoopTimeline(null);
    loops.observe([record(T0), record(T0), record(T0)]);
    loops.next();
    expect(loops.offsetMs).toBe(1000);
    expect(loops.shift([record(T0)])[0]!.time).toBe(T0 + 1000);
  });

  it('widens the range as rows are read beyond the one found when opening the file', () => {
    const loops = new LoopTimeline({ first: T0 + QUARTER, last: T0 + 4 * QUARTER });
    expect(loops.range).toEqual({ first: T0 + QUARTER, last: T0 + 4 * QUARTER });
    loops.observe(slots(3, 1, 2)); // inside
    expect(loops.range).toEqual({ first: T0 + QUARTER, last: T0 + 4 * QUARTER });
    loops.observe([record(T0), record(null), record(T0 + 9 * QUARTER)]);
    expect(loops.range).toEqual({ first: T0, last: T0 + 9 * QUARTER });
    loops.next();
    expect(loops.offsetMs).toBe(10 * QUARTER);
  });

  it('has no range and no shift for a file without time', () => {
    const loops = new LoopTimeline(null);
    loops.observe([record(null), record(null)]);
    expect(loops.range).toBeNull();
    loops.next();
    expect(loops.count).toBe(1);
    expect(loops.offsetMs).toBe(0);
  });

  it('starts a new run at loop 0 but keeps what it learnt about the file', () => {
    const loops = new LoopTimeline(null);
    const file = slots(10);
    loops.observe(file);
    loops.next();
    loops.next();
    loops.restart();
    expect(loops.count).toBe(0);
    expect(loops.offsetMs).toBe(0);
    expect(loops.shift(file)).toBe(file);
    expect(loops.range).toEqual({ first: T0, last: T0 + 9 * QUARTER });
    loops.next();
    expect(loops.offsetMs).toBe(10 * QUARTER);
  });

  it('does not count the jump from the end of one loop to the start of the next as a step', () => {
    const loops = new LoopTimeline(null);
    const file = slots(4);
    loops.observe(file);
    loops.next();
    loops.observe(file); // the second pass reads the file again, unshifted
    loops.next();
    expect(loops.offsetMs).toBe(2 * 4 * QUARTER);
  });
});
