import { describe, expect, it } from 'vitest';
import { RateMeter } from './rateMeter';

function fakeTime(): { now: () => number; advance: (ms: number) => void } {
  let time = 0;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe('RateMeter', () => {
  it('reports 0 until it has two samples apart in time', () => {
    const time = fakeTime();
    const meter = new RateMeter(2000, time.now);
    expect(meter.perSecond()).toBe(0);
    meter.record(0);
    expect(meter.perSecond()).toBe(0);
    meter.record(100); // same instant
    expect(meter.perSecond()).toBe(0);
  });

  it('measures rows per second from cumulative counts', () => {
    const time = fakeTime();
    const meter = new RateMeter(2000, time.now);
    meter.record(0);
    for (let i = 1; i <= 10; i++) {
      time.advance(100);
      meter.record(i * 50); // 50 rows every 100 ms
    }
    expect(meter.perSecond()).toBeCloseTo(500);
  });

  it('follows a change of pace within its window instead of averaging the whole run', () => {
    const time = fakeTime();
    const meter = new RateMeter(1000, time.now);
    let count = 0;
    meter.record(count);
    for (let i = 0; i < 50; i++) {
      time.advance(100);
      meter.record((count += 1000)); // 10,000 rows/s for 5 s
    }
    for (let i = 0; i < 30; i++) {
      time.advance(100);
      meter.record((count += 10)); // then 100 rows/s for 3 s
    }
    expect(meter.perSecond()).toBeGreaterThan(90);
    expect(meter.perSecond()).toBeLessThan(200);
  });

  it('drops to 0 when the count stops growing for a whole window', () => {
    const time = fakeTime();
    const meter = new RateMeter(2000, time.now);
    meter.record(0);
    time.advance(1000);
    meter.record(1000);
    time.advance(2500);
    meter.record(1000);
    expect(meter.perSecond()).toBe(0);
  });

  it('forgets everything on reset', () => {
    const time = fakeTime();
    const meter = new RateMeter(2000, time.now);
    meter.record(0);
    time.advance(1000);
    meter.record(1000);
    expect(meter.perSecond()).toBeCloseTo(1000);
    meter.reset();
    expect(meter.perSecond()).toBe(0);
  });
});
