import { describe, expect, it } from 'vitest';
import type { TrafficRecord } from '../../../shared/records';
import { SAMPLE_COLUMNS, sampleRecords, sampleRows } from '../testing/sampleCity';
import { profileColumns } from './measureReading';
import { TypicalDay } from './typicalDay';

const DAY = 86_400_000;
const MIN = 60_000;

/** Exact quantile by its definition: sort, then interpolate between the ranks around (n - 1) q. */
function exactQuantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * q;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (rank - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Each junction's Totals per 15-minute bin of the day, day by day (day 1 to 28). */
function historyOf(junction: string, bin: number, days: readonly number[]): number[] {
  return sampleRows()
    .filter((row) => {
      const date = new Date(row.time);
      return row.junction === junction && days.includes(date.getUTCDate()) && date.getUTCHours() * 4 + date.getUTCMinutes() / 15 === bin;
    })
    .map((row) => row.total);
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('a day with more readings than bins', () => {
  it('keeps every one of them for the history (1-minute readings in hourly bins)', () => {
    const columns = profileColumns(SAMPLE_COLUMNS, 'Total');
    const profile = new TypicalDay(columns, { binMinutes: 60 });
    const reading = (minute: number, total: number): TrafficRecord => ({ line: minute, time: minute * MIN, values: [null, null, null, null, null, null, null, total, null, 'J01'] });
    // Day 0: a reading a minute for 260 minutes (hours 0–4), each reading its minute; then day 1 commits them.
    for (let minute = 0; minute < 260; minute++) profile.add(reading(minute, minute));
    profile.add(reading(DAY / MIN, 0));
    // Capacity 56: hour 0 keeps its last 56 readings, 4…59.
    expect(profile.profileAt('J01', 0)).toEqual({ median: 31.5, p10: 9.5, p90: 53.5, samples: 56 });
    // Hour 4 holds minutes 240–259.
    const hour4 = profile.profileAt('J01', 4 * 60 * MIN);
    expect(hour4?.samples).toBe(20);
    expect(hour4?.median).toBeCloseTo(249.5, 9);
    expect(hour4?.p10).toBeCloseTo(241.9, 9);
    expect(hour4?.p90).toBeCloseTo(257.1, 9);
  });
});

describe('the typical day on the sample city', () => {
  const columns = profileColumns(SAMPLE_COLUMNS, 'Total');

  // Tolerance: every reading of a bin is kept (27 days ≤ capacity), so the quantiles are exact and
  // only floating-point rounding of the interpolation (1e-12 relative) can differ.
  it('median and 10/90 % per 15-minute bin from the days before the current one, as exact quantiles', () => {
    const profile = new TypicalDay(columns, { binMinutes: 15 });
    for (const record of sampleRecords()) profile.add(record);
    for (const junction of ['J01', 'J05', 'J10']) {
      const view = profile.snapshot(junction);
      expect(view.binsPerDay).toBe(96);
      for (const bin of [0, 17, 32, 33, 70, 95]) {
        const history = historyOf(junction, bin, range(1, 27));
        expect(view.samples[bin]).toBe(27);
        expect(view.median[bin]).toBeCloseTo(exactQuantile(history, 0.5), 9);
        expect(view.p10[bin]).toBeCloseTo(exactQuantile(history, 0.1), 9);
        expect(view.p90[bin]).toBeCloseTo(exactQuantile(history, 0.9), 9);
        // Today is day 28: its one reading per bin, drawn over the band.
        expect(view.todayMean[bin]).toBe(historyOf(junction, bin, [28])[0]);
      }
      expect(view.today).toBe(Date.UTC(2026, 9, 28));
    }
  });

  it('keeps only the last `capacity` days per bin', () => {
    const profile = new TypicalDay(columns, { binMinutes: 15, capacity: 10 });
    for (const record of sampleRecords()) profile.add(record);
    const view = profile.snapshot('J04');
    for (let bin = 0; bin < 96; bin++) {
      const history = historyOf('J04', bin, range(18, 27));
      expect(view.samples[bin]).toBe(10);
      expect(view.median[bin]).toBeCloseTo(exactQuantile(history, 0.5), 9);
      expect(view.p10[bin]).toBeCloseTo(exactQuantile(history, 0.1), 9);
      expect(view.p90[bin]).toBeCloseTo(exactQuantile(history, 0.9), 9);
    }
  });

  it('hourly bins hold the most recent readings, four a day: the default 56 is the last 14 days', () => {
    const profile = new TypicalDay(columns, { binMinutes: 60 });
    for (const record of sampleRecords()) profile.add(record);
    const view = profile.snapshot('J02');
    // In arrival order: day by day, the hour's four quarters.
    const hour8 = range(1, 27).flatMap((day) => range(32, 35).flatMap((bin) => historyOf('J02', bin, [day])));
    expect(hour8).toHaveLength(108);
    expect(view.samples[8]).toBe(56);
    for (const q of [0.1, 0.5, 0.9] as const) {
      const expected = exactQuantile(hour8.slice(-56), q);
      expect(q === 0.5 ? view.median[8] : q === 0.1 ? view.p10[8] : view.p90[8]).toBeCloseTo(expected, 9);
    }
  });
});

const at = (day: number, minute: number, value: number, place = 'A'): TrafficRecord => ({
  line: 0,
  values: [place, value],
  time: day * DAY + minute * MIN,
});

describe('the typical day by hand', () => {
  const columns = { measureIndex: 1, measureName: 'Flow', locationIndexes: [0] };

  it("compares a reading with the days before, never with its own day's readings", () => {
    const profile = new TypicalDay(columns, { binMinutes: 60 });
    for (const [day, value] of [[0, 10], [1, 20], [2, 30]] as const) profile.add(at(day, 5, value));
    profile.add(at(3, 10, 1000));
    // Days 0–2 are history (day 3 is today): median 20, p10 12, p90 28.
    expect(profile.profileAt('A', 3 * DAY)).toEqual({ median: 20, p10: 12, p90: 28, samples: 3 });
    const deviation = profile.deviationAt('A', 3 * DAY + 10 * MIN, 1000)!;
    expect(deviation.score).toBeCloseTo((1000 - 20) / (16 / 2.5631), 9);
    expect(deviation.band).toBe('above');
    expect(profile.snapshot('A').todayMean[0]).toBe(1000);
    // A new day: day 3's reading joins the history.
    profile.add(at(4, 0, 5));
    expect(profile.profileAt('A', 0)!.samples).toBe(4);
    expect(profile.snapshot('A').todayMean[0]).toBe(5);
  });

  it('rows of an earlier day that come late go straight into the history', () => {
    const profile = new TypicalDay(columns, { binMinutes: 60 });
    profile.add(at(5, 0, 1));
    profile.add(at(2, 0, 7));
    expect(profile.profileAt('A', 0)).toEqual({ median: 7, p10: 7, p90: 7, samples: 1 });
    expect(profile.snapshot('A').todayMean[0]).toBe(1);
  });

  it('today is the mean of its readings per bin; no history is null', () => {
    const profile = new TypicalDay(columns, { binMinutes: 60 });
    expect(profile.snapshot('A')).toMatchObject({ today: null });
    profile.add(at(1, 0, 4));
    profile.add(at(1, 30, 8));
    const view = profile.snapshot('A');
    expect(view.todayMean[0]).toBe(6);
    expect(view.median[0]).toBeNull();
    expect(profile.deviationAt('A', DAY, 6)).toBeNull();
  });
});
