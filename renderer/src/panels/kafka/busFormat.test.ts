import { describe, expect, it } from 'vitest';
import { formatRetry, listedTopics, maxLagPartitions, nextRetryAnchor, reconcile, retryRemainingSeconds } from './busFormat';

const partition = (n: number, lag: number) => ({ partition: n, low: 0, high: 100, committed: 100 - lag, lag });
const topic = (name: string) => ({ name, partitions: [], messages: 0 });

describe('retry countdown', () => {
  it('counts down from when the announcement arrived, never below zero', () => {
    const anchor = { seconds: 5, at: 10_000 };
    expect(retryRemainingSeconds(anchor, 10_000)).toBe(5);
    expect(retryRemainingSeconds(anchor, 10_001)).toBe(5);
    expect(retryRemainingSeconds(anchor, 11_000)).toBe(4);
    expect(retryRemainingSeconds(anchor, 14_999)).toBe(1);
    expect(retryRemainingSeconds(anchor, 15_000)).toBe(0);
    expect(retryRemainingSeconds(anchor, 60_000)).toBe(0);
  });

  it('treats a clock read before the anchor as no time passed', () => {
    expect(retryRemainingSeconds({ seconds: 3, at: 5_000 }, 4_000)).toBe(3);
  });

  it('keeps counting when the same figure is repeated, restarts for a new one', () => {
    const first = nextRetryAnchor(null, 8, 1_000);
    expect(first).toEqual({ seconds: 8, at: 1_000 });
    expect(nextRetryAnchor(first, 8, 3_000)).toBe(first);
    expect(nextRetryAnchor(first, 6, 3_000)).toEqual({ seconds: 6, at: 3_000 });
    expect(nextRetryAnchor(first, null, 3_000)).toBeNull();
  });

  it('takes the same figure after its countdown ran out as a new attempt (capped back-off)', () => {
    const first = { seconds: 30, at: 0 };
    expect(nextRetryAnchor(first, 30, 31_000)).toEqual({ seconds: 30, at: 31_000 });
  });

  it('says what happens next', () => {
    expect(formatRetry(4)).toBe('next attempt in 4 s');
    expect(formatRetry(0)).toBe('trying again now…');
  });
});

describe('reconcile', () => {
  it('consumed = produced − lag when the counters agree', () => {
    const result = reconcile({ produced: 1_000, consumed: 940, lostToRetention: 0, partitions: [partition(0, 10), partition(1, 50)] });
    expect(result).toEqual({ totalLag: 60, expected: 940, difference: 0 });
  });

  it('reports what is read but not yet committed', () => {
    expect(reconcile({ produced: 1_000, consumed: 990, lostToRetention: 0, partitions: [partition(0, 60)] }).difference).toBe(50);
  });

  it('does not expect the messages retention removed before they were read', () => {
    const result = reconcile({ produced: 20_000, consumed: 6_000, lostToRetention: 14_000, partitions: [partition(0, 0)] });
    expect(result).toEqual({ totalLag: 0, expected: 6_000, difference: 0 });
  });

  it('never expects a negative count', () => {
    expect(reconcile({ produced: 0, consumed: 0, lostToRetention: 0, partitions: [partition(0, 25)] }).expected).toBe(0);
  });
});

describe('maxLagPartitions', () => {
  it('marks every partition holding the largest lag', () => {
    expect([...maxLagPartitions([partition(0, 5), partition(1, 9), partition(2, 9), partition(3, 0)])]).toEqual([1, 2]);
  });

  it('marks nothing when nothing lags', () => {
    expect(maxLagPartitions([partition(0, 0), partition(1, 0)]).size).toBe(0);
    expect(maxLagPartitions([]).size).toBe(0);
  });
});

describe('listedTopics', () => {
  it('sorts by name and leaves out Kafka’s internal topics', () => {
    const { shown, internal } = listedTopics([topic('traffic.b'), topic('__consumer_offsets'), topic('traffic.a')]);
    expect(shown.map((t) => t.name)).toEqual(['traffic.a', 'traffic.b']);
    expect(internal).toBe(1);
  });
});
