import { describe, expect, it } from 'vitest';
import { passesThreshold, THRESHOLD_OPERATORS } from '../../../shared/records';
import { seededInts } from '../testing/trafficFixture';
import { ValueCounts } from './valueCounts';

describe('ValueCounts', () => {
  it('counts exactly how many values pass each operator, for any threshold', () => {
    const next = seededInts(3);
    const values = Array.from({ length: 5000 }, () => next(200) - 20);
    const counts = new ValueCounts();
    for (const value of values) counts.add(value);

    expect(counts.total).toBe(values.length);
    expect(counts.min).toBe(Math.min(...values));
    expect(counts.max).toBe(Math.max(...values));
    expect(counts.approximate).toBe(false);
    for (const operator of THRESHOLD_OPERATORS) {
      for (const threshold of [-100, -1, 0, 50, 50.5, 120, 179, 500]) {
        const expected = values.filter((v) => passesThreshold(v, operator, threshold)).length;
        expect(counts.countPassing(operator, threshold), `${operator} ${threshold}`).toBe(expected);
      }
    }
  });

  it('has no min or max before the first value', () => {
    const counts = new ValueCounts();
    expect(counts.min).toBeNull();
    expect(counts.max).toBeNull();
    expect(counts.countPassing('>', 0)).toBe(0);
  });

  it('switches to approximate counts past its distinct-value bound but still counts every row', () => {
    const counts = new ValueCounts();
    const values = Array.from({ length: 60_000 }, (_, i) => i * 1.37 + 0.001);
    for (const value of values) counts.add(value);

    expect(counts.approximate).toBe(true);
    expect(counts.total).toBe(values.length);
    expect(counts.distinct).toBeLessThan(20_000);
    expect(counts.countPassing('>=', Number.NEGATIVE_INFINITY)).toBe(values.length);
    expect(counts.min).toBe(values[0]);
    expect(counts.max).toBe(values.at(-1));
    // Approximate, but close: within 1 % of the exact answer.
    const threshold = 40_000;
    const exact = values.filter((v) => v > threshold).length;
    expect(Math.abs(counts.countPassing('>', threshold) - exact)).toBeLessThan(values.length * 0.01);
  });

  it('stays exact for traffic-like data with few distinct values, however many rows', () => {
    const counts = new ValueCounts();
    const next = seededInts(8);
    let above = 0;
    for (let i = 0; i < 100_000; i++) {
      const value = next(300);
      if (value > 50) above++;
      counts.add(value);
    }
    expect(counts.approximate).toBe(false);
    expect(counts.countPassing('>', 50)).toBe(above);
  });
});
