import { describe, expect, it } from 'vitest';
import { windowStartsOf } from './windowAssignment';

const MIN = 60_000;

describe('the windows a time falls in', () => {
  it('one tumbling window, aligned to the epoch', () => {
    expect(windowStartsOf(Date.UTC(2026, 9, 1, 8, 14, 59), 15 * MIN, 15 * MIN)).toEqual([Date.UTC(2026, 9, 1, 8, 0)]);
    expect(windowStartsOf(Date.UTC(2026, 9, 1, 8, 15), 15 * MIN, 15 * MIN)).toEqual([Date.UTC(2026, 9, 1, 8, 15)]);
  });

  it('size / hop hopping windows, oldest first, each holding the time (checked by the inequality)', () => {
    const time = Date.UTC(2026, 9, 1, 8, 20);
    const starts = windowStartsOf(time, 60 * MIN, 15 * MIN);
    expect(starts.map((start) => new Date(start).toISOString().slice(11, 16))).toEqual(['07:30', '07:45', '08:00', '08:15']);
    for (const start of starts) expect(start <= time && time < start + 60 * MIN).toBe(true);
  });

  it('before 1970 too', () => {
    expect(windowStartsOf(-1, 30 * MIN, 15 * MIN)).toEqual([-30 * MIN, -15 * MIN]);
  });
});
