import { describe, expect, it } from 'vitest';
import { SAMPLE_COLUMNS, sampleRecords, sampleRows, type SampleRow } from '../testing/sampleCity';
import { profileColumns } from './measureReading';
import { TimeOfWeekHeatmap } from './timeOfWeekHeatmap';

/** Brute force with Date's own calendar: the mean Total per (Monday-first weekday, bin) of the rows given. */
function bruteForce(rows: readonly SampleRow[], binMinutes: number): { mean: (number | null)[]; count: number[] } {
  const bins = 1440 / binMinutes;
  const sum = Array<number>(7 * bins).fill(0);
  const count = Array<number>(7 * bins).fill(0);
  for (const row of rows) {
    const date = new Date(row.time);
    const weekday = (date.getUTCDay() + 6) % 7;
    const bin = Math.floor((date.getUTCHours() * 60 + date.getUTCMinutes()) / binMinutes);
    sum[weekday * bins + bin]! += row.total;
    count[weekday * bins + bin]!++;
  }
  return { mean: sum.map((s, i) => (count[i] === 0 ? null : s / count[i]!)), count };
}

function expectClose(actual: readonly (number | null)[], expected: readonly (number | null)[]): void {
  expect(actual.map((value) => value === null)).toEqual(expected.map((value) => value === null));
  const worst = Math.max(...actual.map((value, i) => (value === null ? 0 : Math.abs(value - expected[i]!))));
  expect(worst).toBeLessThan(1e-9);
}

describe('the time-of-week heatmap on the sample city', () => {
  const columns = profileColumns(SAMPLE_COLUMNS, 'Total');

  it('hourly cells: mean and count per location and for all, as a brute-force group-by', () => {
    const heatmap = new TimeOfWeekHeatmap(columns);
    for (const record of sampleRecords()) heatmap.add(record);
    const all = heatmap.snapshot();
    const expected = bruteForce(sampleRows(), 60);
    expect(all.count).toEqual(expected.count);
    expectClose(all.mean, expected.mean);
    // Hand count: 28 days are 4 of each weekday; 4 rows an hour; 10 junctions.
    expect(new Set(all.count)).toEqual(new Set([4 * 4 * 10]));
    expect(all).toMatchObject({ binMinutes: 60, binsPerDay: 24, location: null, measure: 'Total' });
    expect(all.locations).toEqual(['J01', 'J02', 'J03', 'J04', 'J05', 'J06', 'J07', 'J08', 'J09', 'J10']);
    for (const junction of ['J01', 'J07']) {
      const one = heatmap.snapshot(junction);
      const expectedOne = bruteForce(sampleRows().filter((row) => row.junction === junction), 60);
      expect(one.count).toEqual(expectedOne.count);
      expectClose(one.mean, expectedOne.mean);
    }
  });

  it('15-minute cells', () => {
    const heatmap = new TimeOfWeekHeatmap(columns, 15);
    for (const record of sampleRecords()) heatmap.add(record);
    const expected = bruteForce(sampleRows().filter((row) => row.junction === 'J03'), 15);
    const one = heatmap.snapshot('J03');
    expect(one.binsPerDay).toBe(96);
    expect(one.count).toEqual(expected.count);
    expectClose(one.mean, expected.mean);
  });

  it('skips rows without a time or a number; an unknown location is empty', () => {
    const heatmap = new TimeOfWeekHeatmap(columns);
    const values = ['', 0, '', 1, 1, 1, 1, null, '', 'J01'];
    heatmap.add({ line: 2, values, time: 0 });
    heatmap.add({ line: 3, values: [...values.slice(0, 7), 5, '', 'J01'], time: null });
    expect(heatmap.snapshot().count.every((n) => n === 0)).toBe(true);
    expect(heatmap.snapshot('J99').mean.every((mean) => mean === null)).toBe(true);
  });

  it('refuses a bin that does not divide a day', () => {
    expect(() => new TimeOfWeekHeatmap(columns, 7)).toThrow(RangeError);
  });
});
