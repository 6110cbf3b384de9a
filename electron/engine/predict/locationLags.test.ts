import { describe, expect, it } from 'vitest';
import { emptyLagValues, LocationLags, type LagValues } from './locationLags';
import { MINUTE_MS, MONDAY } from './testing/testRows';
import { DAY_MS } from './timeFeatures';

const STEP = 15 * MINUTE_MS;

function read(lags: LocationLags, location: number, time: number): LagValues {
  const out = emptyLagValues();
  lags.read(location, time, out);
  return { ...out };
}

describe('lags per location', () => {
  it('gives the previous, the second and the fourth previous value of the same location', () => {
    const lags = new LocationLags(true);
    [10, 11, 12, 13, 14].forEach((value, i) => lags.learn(0, MONDAY + i * STEP, value));
    expect(read(lags, 0, MONDAY + 5 * STEP)).toMatchObject({ lag1: 14, lag2: 13, lag4: 11 });
  });

  it('keeps interleaved locations apart', () => {
    const lags = new LocationLags(true);
    for (let i = 0; i < 4; i++) {
      lags.learn(0, MONDAY + i * STEP, 100 + i);
      lags.learn(1, MONDAY + i * STEP, 200 + i);
    }
    expect(read(lags, 0, MONDAY + 4 * STEP)).toMatchObject({ lag1: 103, lag2: 102, lag4: 100 });
    expect(read(lags, 1, MONDAY + 4 * STEP)).toMatchObject({ lag1: 203, lag2: 202, lag4: 200 });
    expect(read(lags, 2, MONDAY + 4 * STEP).lag1).toBeNaN();
  });

  it('has no lag k before k rows were seen', () => {
    const lags = new LocationLags(true);
    lags.learn(0, MONDAY, 5);
    lags.learn(0, MONDAY + STEP, 6);
    const seen = read(lags, 0, MONDAY + 2 * STEP);
    expect(seen.lag1).toBe(6);
    expect(seen.lag2).toBe(5);
    expect(seen.lag4).toBeNaN();
  });

  it('drops lags after a gap in the location’s rows: the previous row is not the previous interval', () => {
    const lags = new LocationLags(true);
    for (let i = 0; i < 4; i++) lags.learn(0, MONDAY + i * STEP, i);
    // The next row comes an hour after the last one (3 intervals missing).
    const afterGap = read(lags, 0, MONDAY + 7 * STEP);
    expect(afterGap.lag1).toBeNaN();
    expect(afterGap.lag2).toBeNaN();
    // On time, all there; a little late (within half an interval) still trusted.
    expect(read(lags, 0, MONDAY + 4 * STEP).lag1).toBe(3);
    expect(read(lags, 0, MONDAY + 4 * STEP + 5 * MINUTE_MS).lag1).toBe(3);
    // After the gap row is learnt, lag1 is back but lag2 reaches across the gap.
    lags.learn(0, MONDAY + 7 * STEP, 7);
    const next = read(lags, 0, MONDAY + 8 * STEP);
    expect(next.lag1).toBe(7);
    expect(next.lag2).toBeNaN();
  });

  it('lets a row without a value occupy its interval: the next row’s previous value is missing', () => {
    const lags = new LocationLags(true);
    lags.learn(0, MONDAY, 1);
    lags.learn(0, MONDAY + STEP, 2);
    lags.learn(0, MONDAY + 2 * STEP, Number.NaN);
    const seen = read(lags, 0, MONDAY + 3 * STEP);
    expect(seen.lag1).toBeNaN();
    expect(seen.lag2).toBe(2);
  });

  it('follows the row sequence only when the data has no time', () => {
    const lags = new LocationLags(false);
    [1, 2, 3, 4].forEach((value) => lags.learn(0, Number.NaN, value));
    expect(read(lags, 0, Number.NaN)).toEqual({ lag1: 4, lag2: 3, lag4: 1, yesterday: Number.NaN });
  });

  it('finds the value at the same time one day earlier, and forgets days long gone', () => {
    const lags = new LocationLags(true);
    for (let i = 0; i < 200; i++) lags.learn(0, MONDAY + i * STEP, i);
    // 96 intervals of 15 minutes a day.
    expect(read(lags, 0, MONDAY + 200 * STEP).yesterday).toBe(200 - 96);
    expect(read(lags, 0, MONDAY + 200 * STEP + MINUTE_MS).yesterday).toBeNaN(); // no row at exactly that time
    expect(read(lags, 1, MONDAY + 200 * STEP).yesterday).toBeNaN(); // another location
    // Two days on, the first day's values are no longer kept.
    lags.learn(0, MONDAY + 3 * DAY_MS, 1);
    expect(read(lags, 0, MONDAY + DAY_MS + STEP).yesterday).toBeNaN();
    expect(read(lags, 0, MONDAY + 3 * DAY_MS + DAY_MS).yesterday).toBe(1);
  });

  it('forgets everything on clear', () => {
    const lags = new LocationLags(true);
    lags.learn(0, MONDAY, 1);
    lags.clear();
    expect(read(lags, 0, MONDAY + STEP).lag1).toBeNaN();
  });
});
