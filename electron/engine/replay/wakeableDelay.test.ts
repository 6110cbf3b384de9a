import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WakeableDelay } from './wakeableDelay';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('WakeableDelay', () => {
  it('ends after its time when nobody pokes it', async () => {
    const delay = new WakeableDelay();
    let done = false;
    void delay.wait(100).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(99);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it('ends every pending wait at once when poked, so pause and stop act immediately', async () => {
    const delay = new WakeableDelay();
    let done = 0;
    void delay.wait(60_000).then(() => done++);
    void delay.wait(Number.POSITIVE_INFINITY).then(() => done++);
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(0);
    delay.poke();
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(2);
    expect(vi.getTimerCount()).toBe(0);
  });
});
