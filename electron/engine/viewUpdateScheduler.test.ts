import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MIN_UPDATE_INTERVAL_MS, ViewUpdateScheduler } from './viewUpdateScheduler';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function scheduler(): { schedule: ViewUpdateScheduler; flushes: number[] } {
  const flushes: number[] = [];
  const schedule = new ViewUpdateScheduler(() => flushes.push(Date.now()), MIN_UPDATE_INTERVAL_MS, () => Date.now());
  return { schedule, flushes };
}

describe('ViewUpdateScheduler', () => {
  it('flushes at most about 20 times in a second however often something changes', () => {
    const { schedule, flushes } = scheduler();
    const start = Date.now();
    // 10 changes every millisecond for a second: 10,000 markDirty calls.
    for (let ms = 0; ms < 1000; ms++) {
      for (let i = 0; i < 10; i++) schedule.markDirty();
      vi.advanceTimersByTime(1);
    }
    const inFirstSecond = flushes.filter((t) => t - start < 1000);
    expect(inFirstSecond.length).toBeLessThanOrEqual(21);
    // …and it does keep updating while changes keep coming.
    expect(inFirstSecond.length).toBeGreaterThanOrEqual(19);
    for (let i = 1; i < flushes.length; i++) {
      expect((flushes[i] as number) - (flushes[i - 1] as number)).toBeGreaterThanOrEqual(MIN_UPDATE_INTERVAL_MS);
    }
  });

  it('always delivers the last change', () => {
    const { schedule, flushes } = scheduler();
    schedule.markDirty();
    vi.advanceTimersByTime(10);
    schedule.markDirty(); // arrives right after a flush
    const lastChangeAt = Date.now();
    vi.advanceTimersByTime(200);
    expect(flushes.at(-1)).toBeGreaterThanOrEqual(lastChangeAt);
    expect(flushes).toHaveLength(2);
  });

  it('flushes at once after a quiet spell instead of waiting an interval', () => {
    const { schedule, flushes } = scheduler();
    schedule.markDirty();
    vi.advanceTimersByTime(1000);
    expect(flushes).toHaveLength(1);
    schedule.markDirty();
    vi.advanceTimersByTime(0);
    expect(flushes).toHaveLength(2);
  });

  it('does nothing when nothing changed, and nothing after dispose', () => {
    const { schedule, flushes } = scheduler();
    vi.advanceTimersByTime(1000);
    expect(flushes).toHaveLength(0);
    schedule.markDirty();
    schedule.dispose();
    vi.advanceTimersByTime(1000);
    expect(flushes).toHaveLength(0);
  });
});
