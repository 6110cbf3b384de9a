import { describe, expect, it } from 'vitest';
import { ReplayClock } from './replayClock';

/** A hand-driven clock: time moves only when the test says so. */
function fakeTime(start = 1_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe('ReplayClock', () => {
  it('allows rows in proportion to elapsed time at the target rate', () => {
    const time = fakeTime();
    const clock = new ReplayClock(time.now);
    clock.start(100);
    expect(clock.allowance(0)).toBe(0);
    time.advance(500);
    expect(clock.allowance(0)).toBe(50);
    expect(clock.allowance(30)).toBe(20);
    expect(clock.allowance(50)).toBe(0);
    // Rows emitted ahead of schedule do not make the allowance negative.
    expect(clock.allowance(80)).toBe(0);
    time.advance(1_500);
    expect(clock.allowance(50)).toBe(150);
    expect(clock.targetRate).toBe(100);
  });

  it('after a long stall (the bus away) goes back to its pace instead of sending the missed rows in a burst (issue 19 #14)', () => {
    const time = fakeTime();
    const clock = new ReplayClock(time.now);
    clock.start(1_000);
    time.advance(1_000);
    expect(clock.allowance(0)).toBe(1_000);
    // Nothing could be produced for a minute: 60,000 rows are "due" by the clock.
    time.advance(60_000);
    const afterStall = clock.allowance(1_000);
    expect(afterStall).toBe(2_000); // at most two seconds' rows, not 60,000
    // Then the pace again: one second later, one second's rows.
    time.advance(1_000);
    expect(clock.allowance(1_000 + afterStall)).toBe(1_000);
    time.advance(500);
    expect(clock.allowance(1_000 + afterStall + 1_000)).toBe(500);
  });

  it('is unbounded at full speed (rate null)', () => {
    const time = fakeTime();
    const clock = new ReplayClock(time.now);
    clock.start(null);
    expect(clock.allowance(0)).toBe(Number.POSITIVE_INFINITY);
    expect(clock.allowance(1_000_000)).toBe(Number.POSITIVE_INFINITY);
    expect(clock.msUntilNext(123)).toBe(0);
    expect(clock.targetRate).toBeNull();
  });

  it('allows nothing while paused, and does not burst to catch up on resume', () => {
    const time = fakeTime();
    const clock = new ReplayClock(time.now);
    clock.start(100);
    time.advance(200);
    const emitted = clock.allowance(0); // 20
    clock.pause();
    expect(clock.paused).toBe(true);
    time.advance(10_000);
    expect(clock.allowance(emitted)).toBe(0);
    expect(clock.msUntilNext(emitted)).toBe(Number.POSITIVE_INFINITY);

    clock.resume(emitted);
    expect(clock.paused).toBe(false);
    expect(clock.allowance(emitted)).toBe(0);
    time.advance(100);
    expect(clock.allowance(emitted)).toBe(10);
  });

  it('ignores a second pause and a resume when not paused', () => {
    const time = fakeTime();
    const clock = new ReplayClock(time.now);
    clock.start(10);
    time.advance(1_000); // 10 rows due
    clock.resume(0); // not paused: changes nothing
    expect(clock.allowance(0)).toBe(10);
    clock.pause();
    time.advance(500);
    clock.pause();
    time.advance(500);
    clock.resume(10);
    time.advance(1_000);
    expect(clock.allowance(10)).toBe(10);
  });

  it('changes pace from the moment of setRate without catching up', () => {
    const time = fakeTime();
    const clock = new ReplayClock(time.now);
    clock.start(10);
    time.advance(1_000);
    expect(clock.allowance(10)).toBe(0);
    clock.setRate(1_000, 10);
    // Had the new rate applied from the start, 990 rows would be due now.
    expect(clock.allowance(10)).toBe(0);
    time.advance(100);
    expect(clock.allowance(10)).toBe(100);
    clock.setRate(null, 110);
    expect(clock.allowance(110)).toBe(Number.POSITIVE_INFINITY);
    clock.setRate(50, 5_000);
    time.advance(1_000);
    expect(clock.allowance(5_000)).toBe(50);
  });

  it('restarts from zero on start', () => {
    const time = fakeTime();
    const clock = new ReplayClock(time.now);
    clock.start(100);
    clock.pause();
    time.advance(5_000);
    clock.start(100);
    expect(clock.paused).toBe(false);
    time.advance(100);
    expect(clock.allowance(0)).toBe(10);
  });

  it('says how long until the next row is due', () => {
    const time = fakeTime();
    const clock = new ReplayClock(time.now);
    clock.start(100);
    expect(clock.msUntilNext(0)).toBeCloseTo(10);
    time.advance(4);
    expect(clock.msUntilNext(0)).toBeCloseTo(6);
    time.advance(46); // 5 rows due, none emitted
    expect(clock.msUntilNext(0)).toBe(0);
    expect(clock.msUntilNext(5)).toBeCloseTo(10);
  });

  it('always has a row due once msUntilNext has passed, whatever the rate', () => {
    for (const rate of [1, 3, 7, 19, 23, 60, 99, 333, 997, 2_500]) {
      const time = fakeTime(12_345.678);
      const clock = new ReplayClock(time.now);
      clock.start(rate);
      let emitted = 0;
      for (let step = 0; step < 40; step++) {
        time.advance(clock.msUntilNext(emitted));
        const allowance = clock.allowance(emitted);
        expect(allowance, `rate ${rate}, row ${emitted + 1}`).toBe(1);
        emitted += allowance;
      }
      expect(emitted).toBe(40);
    }
  });
});
