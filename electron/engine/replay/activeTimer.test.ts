import { describe, expect, it } from 'vitest';
import { ActiveTimer } from './activeTimer';

function fakeTime(start = 10_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe('ActiveTimer', () => {
  it('counts running time and leaves the pauses out', () => {
    const time = fakeTime();
    const timer = new ActiveTimer(time.now);
    expect(timer.elapsedMs()).toBe(0);
    timer.start();
    time.advance(1500);
    expect(timer.elapsedMs()).toBe(1500);
    timer.pause();
    time.advance(60_000);
    expect(timer.elapsedMs()).toBe(1500);
    timer.resume();
    time.advance(500);
    expect(timer.elapsedMs()).toBe(2000);
  });

  it('ignores a second pause or resume', () => {
    const time = fakeTime();
    const timer = new ActiveTimer(time.now);
    timer.start();
    time.advance(100);
    timer.pause();
    time.advance(100);
    timer.pause();
    expect(timer.elapsedMs()).toBe(100);
    timer.resume();
    time.advance(100);
    timer.resume();
    time.advance(100);
    expect(timer.elapsedMs()).toBe(300);
  });

  it('starts again from zero', () => {
    const time = fakeTime();
    const timer = new ActiveTimer(time.now);
    timer.start();
    time.advance(5000);
    timer.pause();
    timer.start();
    time.advance(10);
    expect(timer.elapsedMs()).toBe(10);
  });
});
