import { describe, expect, it } from 'vitest';
import { waitUntil } from './waitUntil';

/** A sleep that returns at once (a wake-up), counting how often it was called. */
function wakeUps(onWake: (count: number) => void): (ms: number) => Promise<void> {
  let count = 0;
  return async () => {
    await Promise.resolve();
    onWake(++count);
  };
}

describe('waitUntil', () => {
  it('keeps waiting through wake-ups that bring nothing, and returns once something is there', async () => {
    let queued = 0;
    const sleep = wakeUps((count) => {
      if (count === 3) queued = 5;
    });
    await waitUntil(() => queued > 0, 10_000, sleep);
    expect(queued).toBe(5);
  });

  it('returns without sleeping when something is there already', async () => {
    let slept = 0;
    await waitUntil(() => true, 10_000, async () => void slept++);
    expect(slept).toBe(0);
  });

  it('gives up once the wait is over, with each sleep asked only for the time left', async () => {
    const asked: number[] = [];
    await waitUntil(() => false, 60, (ms) => {
      asked.push(ms);
      return new Promise((resolve) => setTimeout(resolve, ms));
    });
    expect(asked.length).toBeGreaterThanOrEqual(1);
    expect(asked.every((ms) => ms > 0 && ms <= 60)).toBe(true);
  });
});
