import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Throttle } from './throttle';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('throttle', () => {
  it('runs at most once per interval', () => {
    const throttle = new Throttle(250, () => undefined);
    expect(throttle.tryRun(1_000)).toBe(true);
    expect(throttle.tryRun(1_100)).toBe(false);
    expect(throttle.tryRun(1_249)).toBe(false);
    expect(throttle.tryRun(1_250)).toBe(true);
    expect(throttle.tryRun(1_250)).toBe(false);
    throttle.dispose();
  });

  it('wakes its owner once when the refused interval has passed, however many tries were refused', () => {
    const wake = vi.fn();
    const throttle = new Throttle(250, wake);
    throttle.tryRun(1_000);
    throttle.tryRun(1_100); // 150 ms to go
    throttle.tryRun(1_200);
    vi.advanceTimersByTime(149);
    expect(wake).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(wake).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1_000);
    expect(wake).toHaveBeenCalledTimes(1);

    // Once woken, a later refusal arranges a new wake.
    expect(throttle.tryRun(1_300)).toBe(true);
    expect(throttle.tryRun(1_400)).toBe(false);
    vi.advanceTimersByTime(150);
    expect(wake).toHaveBeenCalledTimes(2);
    throttle.dispose();
  });

  it('sets no timer for a try that runs', () => {
    const wake = vi.fn();
    const throttle = new Throttle(250, wake);
    throttle.tryRun(1_000);
    throttle.tryRun(2_000);
    expect(vi.getTimerCount()).toBe(0);
    throttle.dispose();
  });

  it('wakes no one after it is disposed', () => {
    const wake = vi.fn();
    const throttle = new Throttle(250, wake);
    throttle.tryRun(1_000);
    throttle.tryRun(1_010);
    throttle.dispose();
    vi.advanceTimersByTime(1_000);
    expect(wake).not.toHaveBeenCalled();
  });
});
