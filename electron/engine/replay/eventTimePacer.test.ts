import { describe, expect, it } from 'vitest';
import type { TrafficRecord } from '../../../shared/records';
import { EventTimePacer } from './eventTimePacer';

/** A hand-driven clock: time moves only when the test says so. */
function fakeTime(start = 5_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

const T0 = Date.UTC(2026, 9, 1);
const MINUTE = 60_000;
const at = (...minutes: (number | null)[]): TrafficRecord[] =>
  minutes.map((minute, i) => ({ line: i + 2, values: [], time: minute === null ? null : T0 + minute * MINUTE }));

/** How many rows from `from` the replay loop may send now. */
function drain(pacer: EventTimePacer, rows: readonly TrafficRecord[], from: number): number {
  return pacer.allowance(rows, from);
}

describe('EventTimePacer', () => {
  it('at 1× lets a row go when as much wall time has passed as data time', () => {
    const time = fakeTime();
    const pacer = new EventTimePacer(1, null, time.now);
    const rows = at(0, 0, 0, 1, 2);
    expect(drain(pacer, rows, 0)).toBe(3); // the first timestamp sets the origin; rows at the same time go together
    expect(pacer.msUntilNext(rows, 3)).toBe(MINUTE);
    time.advance(MINUTE - 1);
    expect(drain(pacer, rows, 3)).toBe(0);
    expect(pacer.msUntilNext(rows, 3)).toBe(1);
    time.advance(1);
    expect(drain(pacer, rows, 3)).toBe(1);
    time.advance(MINUTE);
    expect(drain(pacer, rows, 4)).toBe(1);
    expect(pacer.dataNow()).toBe(T0 + 2 * MINUTE);
  });

  it('at 60× one minute of data takes one second', () => {
    const time = fakeTime();
    const pacer = new EventTimePacer(60, null, time.now);
    const rows = at(0, 1, 2, 3, 10);
    expect(drain(pacer, rows, 0)).toBe(1);
    expect(pacer.msUntilNext(rows, 1)).toBe(1000);
    time.advance(999);
    expect(drain(pacer, rows, 1)).toBe(0);
    time.advance(1);
    expect(drain(pacer, rows, 1)).toBe(1);
    time.advance(2000);
    expect(drain(pacer, rows, 2)).toBe(2); // minutes 2 and 3
    // A 7-minute gap is honoured: 7 s at 60×.
    expect(pacer.msUntilNext(rows, 4)).toBe(7000);
    time.advance(6999);
    expect(drain(pacer, rows, 4)).toBe(0);
    time.advance(1);
    expect(drain(pacer, rows, 4)).toBe(1);
  });

  it('shortens a gap longer than the cap to the cap, and keeps pace after it', () => {
    const time = fakeTime();
    const pacer = new EventTimePacer(60, 5 * MINUTE, time.now);
    const rows = at(0, 600, 601, 610); // a 10-hour hole in the data
    expect(drain(pacer, rows, 0)).toBe(1);
    // Waits 5 data minutes (5 s at 60×), not 10 hours (10 min).
    expect(pacer.msUntilNext(rows, 1)).toBe(5000);
    time.advance(4999);
    expect(drain(pacer, rows, 1)).toBe(0);
    time.advance(1);
    expect(drain(pacer, rows, 1)).toBe(1);
    expect(pacer.dataNow()).toBe(T0 + 600 * MINUTE);
    // Gaps under the cap are honoured as usual after it.
    expect(pacer.msUntilNext(rows, 2)).toBe(1000);
    time.advance(1000);
    expect(drain(pacer, rows, 2)).toBe(1);
    // 9 minutes is over the cap again: 5 s.
    expect(pacer.msUntilNext(rows, 3)).toBe(5000);
  });

  it('honours every gap when there is no cap', () => {
    const time = fakeTime();
    const pacer = new EventTimePacer(3600, null, time.now);
    const rows = at(0, 600);
    expect(drain(pacer, rows, 0)).toBe(1);
    expect(pacer.msUntilNext(rows, 1)).toBe(10_000); // 10 h at 3600× is 10 s
  });

  it('sends rows without a time, and rows behind the data clock (out of order), at once', () => {
    const time = fakeTime();
    const pacer = new EventTimePacer(1, null, time.now);
    const rows = at(10, null, 5, 9, 10, null, 11);
    expect(drain(pacer, rows, 0)).toBe(6);
    expect(pacer.msUntilNext(rows, 6)).toBe(MINUTE);
    expect(pacer.msUntilNext(at(null), 0)).toBe(0);
    // An out-of-order row does not move the clock back: the next row is still due a minute on.
    time.advance(MINUTE);
    expect(drain(pacer, rows, 6)).toBe(1);
  });

  it('stands still while paused and carries on from the same data time after resuming', () => {
    const time = fakeTime();
    const pacer = new EventTimePacer(60, null, time.now);
    const rows = at(0, 1, 2);
    expect(drain(pacer, rows, 0)).toBe(1);
    time.advance(500);
    pacer.pause();
    expect(drain(pacer, rows, 1)).toBe(0);
    expect(pacer.msUntilNext(rows, 1)).toBe(Number.POSITIVE_INFINITY);
    time.advance(60_000); // a long pause
    expect(drain(pacer, rows, 1)).toBe(0);
    expect(pacer.dataNow()).toBe(T0 + 30_000);
    pacer.resume();
    // No burst: only the 500 ms left before the pause are owed.
    expect(drain(pacer, rows, 1)).toBe(0);
    expect(pacer.msUntilNext(rows, 1)).toBe(500);
    time.advance(500);
    expect(drain(pacer, rows, 1)).toBe(1);
    pacer.resume(); // resuming twice changes nothing
    expect(pacer.msUntilNext(rows, 2)).toBe(1000);
  });

  it('changes speed from the current data time, without a burst', () => {
    const time = fakeTime();
    const pacer = new EventTimePacer(1, null, time.now);
    const rows = at(0, 10, 20, 30);
    expect(drain(pacer, rows, 0)).toBe(1);
    time.advance(5 * MINUTE); // half-way to the next row at 1×
    pacer.setSpeed(600, null);
    // The remaining 5 data minutes take 0.5 s at 600×; nothing is owed for the time at 1×.
    expect(drain(pacer, rows, 1)).toBe(0);
    expect(pacer.msUntilNext(rows, 1)).toBe(500);
    time.advance(500);
    expect(drain(pacer, rows, 1)).toBe(1);
    // Slowing down never sends rows already "due" by the faster clock.
    pacer.setSpeed(1, null);
    expect(drain(pacer, rows, 2)).toBe(0);
    expect(pacer.msUntilNext(rows, 2)).toBe(10 * MINUTE);
  });

  it('changes speed while paused; the new speed counts from the resume', () => {
    const time = fakeTime();
    const pacer = new EventTimePacer(1, null, time.now);
    const rows = at(0, 10);
    drain(pacer, rows, 0);
    time.advance(MINUTE);
    pacer.pause();
    pacer.setSpeed(60, 5 * MINUTE);
    time.advance(10 * MINUTE);
    expect(drain(pacer, rows, 1)).toBe(0);
    pacer.resume();
    // 9 data minutes are left, over the new 5-minute cap: 5 data minutes at 60× take 5 s.
    expect(pacer.msUntilNext(rows, 1)).toBe(5000);
  });

  it('has no clock before the first timed row', () => {
    const time = fakeTime();
    const pacer = new EventTimePacer(1, null, time.now);
    expect(pacer.dataNow()).toBeNull();
    pacer.setSpeed(2, null);
    expect(drain(pacer, at(null, null), 0)).toBe(2);
    expect(pacer.dataNow()).toBeNull();
  });

  it('after a stall, skipping its time stops the data clock for it: no burst of the rows it passed', () => {
    const time = fakeTime();
    const pacer = new EventTimePacer(60, null, time.now);
    const rows = at(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    expect(drain(pacer, rows, 0)).toBe(1);
    // At 60×, 10 s of wall time would let 10 minutes of rows go at once; with 9 s skipped, one.
    time.advance(10_000);
    expect(drain(pacer, rows, 1)).toBe(10);
    pacer.skip(9000);
    expect(drain(pacer, rows, 1)).toBe(1);
    time.advance(1000);
    expect(drain(pacer, rows, 2)).toBe(1);
  });
});
