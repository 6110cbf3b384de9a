import { describe, expect, it } from 'vitest';
import { DEFAULT_PREDICT_SETTINGS, type PredictSettings } from '../../../shared/predict/predictContract';
import { PredictionCore } from './predictionCore';
import { batchOf, HOUR_MS, MINUTE_MS, MONDAY, seededRandom, trafficRows, type TestRow } from './testing/testRows';
import { DAY_MS } from './timeFeatures';

const COLUMNS = ['Total', 'Cars', 'Bikes', 'Other'];
const JUNCTIONS = ['J1', 'J2', 'J3'];
const STEP = 15 * MINUTE_MS;

/** Stream-only settings (history is the wrapper's business), refitting every 100 rows. */
function settings(change: Partial<PredictSettings> = {}): PredictSettings {
  return { ...DEFAULT_PREDICT_SETTINGS, history: { kind: 'none' }, refit: { everyRows: 100, everySeconds: 3600, windowRows: 50_000 }, ...change };
}

/** A core on the traffic columns with a clock the test moves (time-based refits only when it says so). */
function newCore(change: Partial<PredictSettings> = {}, options: { hasTime?: boolean; columns?: string[] } = {}): { core: PredictionCore; clock: { now: number } } {
  const clock = { now: 1_000_000 };
  const core = new PredictionCore({ now: () => clock.now });
  core.reset({ numericColumns: options.columns ?? COLUMNS, hasTime: options.hasTime ?? true });
  core.configure(settings(change));
  core.addLocations(JUNCTIONS);
  return { core, clock };
}

const feed = (core: PredictionCore, rows: readonly TestRow[], columns = COLUMNS.length): void => core.process(batchOf(rows, columns));

describe('the prediction core', () => {
  it('forecasts each row before learning it: the row’s own value cannot change its forecast', () => {
    const rows = trafficRows({ days: 3, locations: 2, seed: 5 });
    const t = 400;
    const target = rows[t]!;
    const runs = [target.values[0]!, 1e9].map((actual) => {
      // Refits every 100 rows: one may well happen right after row t.
      const { core } = newCore({ derived: ['timeOfDay', 'lag1', 'lag2'] });
      feed(core, rows.slice(0, t));
      feed(core, [{ ...target, values: [actual, ...target.values.slice(1)] }]);
      const afterT = core.view(true);
      feed(core, rows.slice(t + 1, t + 2 * 2 + 1)); // the next row of the same location
      core.selectLocation(JUNCTIONS[target.location]!);
      const later = core.view(true);
      return { afterT, later };
    });
    const [normal, spiked] = runs.map(({ afterT }) => {
      const point = afterT.series!.points.find((p) => p.time === target.time);
      expect(point).toBeDefined();
      return { point: point!, view: afterT };
    });
    expect(spiked!.point.predicted).toBe(normal!.point.predicted);
    // …and it is scored against the actual value it did not see.
    expect(normal!.point.actual).toBe(target.values[0]);
    expect(spiked!.point.actual).toBe(1e9);
    expect(spiked!.view.metrics.model.mae! - normal!.view.metrics.model.mae!).toBeCloseTo((1e9 - target.values[0]!) / spiked!.view.metrics.model.rows, -2);
    expect(spiked!.view.anomalies[0]).toMatchObject({ time: target.time, location: JUNCTIONS[target.location], actual: 1e9 });
    // Once learnt, the spike is the next interval's lag: that forecast does change.
    const nextTime = target.time! + STEP;
    const next = runs.map(({ later }) => later.series!.points.find((p) => p.time === nextTime)!.predicted);
    expect(Math.abs(next[1]! - next[0]!)).toBeGreaterThan(1e6);
  });

  it('scores the naive forecasts on the model’s rows: hand-worked metrics on a tiny stream', () => {
    // One junction, a row every 12 hours rising by 1: the last value is 1 short, yesterday's 2 short.
    const { core } = newCore({ derived: ['lag1'] });
    const rows = Array.from({ length: 80 }, (_, i): TestRow => ({ location: 0, time: MONDAY + i * 12 * HOUR_MS, values: [10 + i, 0, 0, 0] }));
    feed(core, rows);
    const view = core.view(false);
    // Row 0 has no lag; rows 1–50 train the first model (50 rows); rows 51–79 are scored.
    expect(view.rows).toMatchObject({ processed: 80, warmingUp: 51, scored: 29, noTarget: 0 });
    const actuals = rows.slice(51).map((row) => row.values[0]!);
    const n = actuals.length;
    const sst = (n * (n * n - 1)) / 12; // consecutive integers
    const { model, lastValue, sameTimeYesterday } = view.metrics;
    expect(model.rows).toBe(n);
    expect(model.mae).toBeCloseTo(0, 6);
    expect(lastValue).toEqual({
      rows: n,
      mae: 1,
      rmse: 1,
      r2: expect.closeTo(1 - n / sst, 12),
      mape: expect.closeTo(actuals.reduce((s, a) => s + 1 / a, 0) / n, 12),
    });
    expect(sameTimeYesterday).toMatchObject({ rows: n, mae: 2, rmse: 2, r2: expect.closeTo(1 - (4 * n) / sst, 12) });
  });

  it('scores a baseline only where it has a value (no previous interval after a gap)', () => {
    const { core } = newCore({ derived: ['timeOfDay'] });
    const rows = Array.from({ length: 120 }, (_, i): TestRow => ({ location: 0, time: MONDAY + i * STEP + (i >= 100 ? 2 * HOUR_MS : 0), values: [i % 7, 0, 0, 0] }));
    feed(core, rows);
    const { metrics } = core.view(false);
    // Rows 50–119 are scored; row 100 comes after a two-hour gap, so it has no "last value".
    expect(metrics.model.rows).toBe(70);
    expect(metrics.lastValue.rows).toBe(69);
    // A day earlier exists only for the rows of the second day (96–119).
    expect(metrics.sameTimeYesterday.rows).toBe(24);
  });

  it('counts rows without a target, which still take up their interval', () => {
    const { core } = newCore({ derived: ['lag1'] });
    const rows = Array.from({ length: 70 }, (_, i): TestRow => ({ location: 0, time: MONDAY + i * STEP, values: [i === 65 ? Number.NaN : i, 0, 0, 0] }));
    feed(core, rows);
    // Row 66's previous interval is row 65, which had no value: it cannot be forecast.
    expect(core.view(false).rows).toMatchObject({ processed: 70, noTarget: 1, warmingUp: 52, scored: 17 });
  });

  it('says what it waits for until it can forecast', () => {
    const { core } = newCore({ derived: ['lag1'] });
    expect(core.view(false).waitingFor).toBe('Waiting for 50 training rows (0 so far).');
    feed(core, Array.from({ length: 13 }, (_, i): TestRow => ({ location: 0, time: MONDAY + i * STEP, values: [i, 0, 0, 0] })));
    expect(core.view(false)).toMatchObject({ waitingFor: 'Waiting for 50 training rows (12 so far).', model: null });
    const empty = new PredictionCore();
    empty.reset({ numericColumns: [], hasTime: true });
    expect(empty.view(false)).toMatchObject({ target: null, waitingFor: 'The data has no numeric column to forecast.' });
    empty.process(batchOf([{ location: 0, time: MONDAY, values: [] }], 0));
    expect(empty.view(false).rows.noTarget).toBe(1);
  });

  it('refits at once from the rows it holds when the settings change, and starts the scoring over', () => {
    const { core } = newCore();
    feed(core, trafficRows({ days: 2, locations: 3 }));
    const before = core.view(true);
    expect(before.model?.target).toBe('Total');
    expect(before.metrics.model.rows).toBeGreaterThan(0);

    core.configure(settings({ target: 'Cars', rawColumns: ['Total', 'Bikes', 'Nope'] }));
    const after = core.view(true);
    expect(after.target).toBe('Cars');
    expect(after.settings.target).toBe('Cars');
    expect(after.settings.rawColumns).toEqual(['Total', 'Bikes']); // an unknown column is dropped
    expect(after.model?.target).toBe('Cars');
    expect(after.model?.refits).toBe(before.model!.refits + 1);
    expect(after.model?.coefficients.map((c) => c.name)).toEqual(expect.arrayContaining(['Cars[t−1]', 'Cars[t−1 day]', 'Total', 'Bikes']));
    // Every row of the second day (the first has no "yesterday"), not only those since the last refit.
    expect(after.model?.windowRows).toBe(96 * 3);
    expect(after.metrics.model.rows).toBe(0);
    expect(after.rows).toMatchObject({ processed: before.rows.processed, scored: 0, warmingUp: 0 });
    expect(after.series?.heldPoints).toBe(0);
    expect(after.anomalyCount).toBe(0);
  });

  it('flags raw columns that add up to the target as leakage', () => {
    const { core } = newCore({ derived: ['lag1'], rawColumns: ['Cars', 'Bikes', 'Other'] });
    const random = seededRandom(9);
    const rows = Array.from({ length: 300 }, (_, i): TestRow => {
      const parts = [40 * random(), 20 * random(), 10 * random()];
      return { location: i % 2, time: MONDAY + Math.floor(i / 2) * STEP, values: [parts[0]! + parts[1]! + parts[2]!, ...parts] };
    });
    feed(core, rows);
    const { leakage } = core.view(false);
    expect(leakage?.columns).toEqual(['Cars', 'Bikes', 'Other']);
    expect(leakage?.message).toMatch(/^Total is reconstructed from Cars, Bikes, Other in the same interval \(R² 1\.000\)/);
    core.configure(settings());
    expect(core.view(false).leakage).toBeNull();
  });

  it('trains on the history first: a model right after finishHistory, and replayed history rows are not scored', () => {
    const { core } = newCore({ history: { kind: 'fileDays', days: 7 } });
    const rows = trafficRows({ days: 9, locations: 3 });
    const historyEnd = MONDAY + 7 * DAY_MS;
    const history = rows.filter((row) => row.time! < historyEnd);
    core.addHistory(batchOf(history.slice(0, 1000), 4));
    core.addHistory(batchOf(history.slice(1000), 4));
    expect(core.view(false).model).toBeNull();
    core.finishHistory();
    const ready = core.view(false);
    expect(ready.waitingFor).toBeNull();
    // The first history day has no "yesterday" yet: it cannot train the model.
    expect(ready.model).toMatchObject({ historyRows: 6 * 96 * 3, windowRows: 0, windowFrom: null, trainingRows: 6 * 96 * 3 });
    expect(ready.rows.historyRows).toBe(7 * 96 * 3);

    feed(core, rows);
    const view = core.view(true);
    expect(view.rows).toMatchObject({ processed: rows.length, inHistoryPeriod: history.length, warmingUp: 0, scored: rows.length - history.length });
    // The replayed history days kept the lags going, so the first day after them is forecast at once.
    expect(view.series!.points[0]!.time).toBe(historyEnd);
    expect(view.series!.points.every((point) => point.time >= historyEnd)).toBe(true);
    expect(view.model?.windowFrom).toBe(historyEnd);
  });

  it('forgets the history when told, refitting on the stream window alone', () => {
    const { core } = newCore();
    const rows = trafficRows({ days: 4, locations: 2 });
    const history = rows.filter((row) => row.time! < MONDAY + 2 * DAY_MS);
    core.addHistory(batchOf(history, 4));
    core.finishHistory();
    feed(core, rows);
    expect(core.view(false).rows.inHistoryPeriod).toBe(history.length);
    core.clearHistory();
    const view = core.view(false);
    expect(view.rows.historyRows).toBe(0);
    // The stream rows inside the old history span train the model now (after a day for "yesterday").
    expect(view.model).toMatchObject({ historyRows: 0, windowRows: 3 * 96 * 2, windowFrom: MONDAY + DAY_MS });
  });

  it('starts a new run of the replay over, keeping only what the history taught', () => {
    const { core } = newCore();
    const rows = trafficRows({ days: 4, locations: 2 });
    const history = rows.filter((row) => row.time! < MONDAY + 2 * DAY_MS);
    core.addHistory(batchOf(history, 4));
    core.finishHistory();
    const historyModel = core.view(false).model!;
    feed(core, rows);
    expect(core.view(false).model!.windowRows).toBeGreaterThan(0);

    core.restartStream();
    const view = core.view(true);
    // The model had learnt from the rows about to be replayed: it is refitted on the history alone.
    expect(view.model).toMatchObject({ windowRows: 0, historyRows: historyModel.historyRows, intercept: historyModel.intercept });
    expect(view.rows).toMatchObject({ processed: 0, scored: 0, inHistoryPeriod: 0 });
    expect(view.metrics.model.rows).toBe(0);
    expect(view.anomalyCount).toBe(0);
    feed(core, rows);
    expect(core.view(false).rows.inHistoryPeriod).toBe(history.length);
  });

  it('refits after T seconds when rows trickle in, and not without new rows', () => {
    const { core, clock } = newCore({ derived: ['lag1'], refit: { everyRows: 10_000, everySeconds: 2, windowRows: 50_000 } });
    const rows = Array.from({ length: 60 }, (_, i): TestRow => ({ location: 0, time: MONDAY + i * STEP, values: [i % 5, 0, 0, 0] }));
    feed(core, rows.slice(0, 55));
    const fitted = core.view(false).model!;
    expect(fitted.lastRefitAt).toBe(clock.now);
    feed(core, rows.slice(55, 56));
    expect(core.refitIfDue()).toBe(false);
    clock.now += 2000;
    expect(core.refitIfDue()).toBe(true);
    expect(core.view(false).model).toMatchObject({ refits: fitted.refits + 1, lastRefitAt: clock.now, windowRows: 55 });
    clock.now += 5000;
    expect(core.refitIfDue()).toBe(false);
  });

  it('shows the chosen location’s series, or the first one with scored points', () => {
    const { core } = newCore({ derived: ['lag1'] });
    const rows = Array.from({ length: 100 }, (_, i): TestRow => ({ location: 1 + (i % 2), time: MONDAY + Math.floor(i / 2) * STEP, values: [i % 9, 0, 0, 0] }));
    feed(core, rows);
    const view = core.view(true);
    expect(view.locations).toEqual([
      { name: 'J1', scored: 0 },
      { name: 'J2', scored: view.locations[1]!.scored },
      { name: 'J3', scored: view.locations[2]!.scored },
    ]);
    expect(view.locations[1]!.scored + view.locations[2]!.scored).toBe(view.rows.scored);
    expect(view.location).toBe('J2');
    expect(view.series?.location).toBe('J2');
    core.selectLocation('J3');
    expect(core.view(true).series?.location).toBe('J3');
    core.selectLocation('J1');
    expect(core.view(true).series).toMatchObject({ location: 'J1', heldPoints: 0 });
    core.selectLocation('nowhere');
    expect(core.view(true).location).toBe('J2');
    expect(core.view(false).series).toBeNull();
  });

  it('works without time: sequence lags only, the time features reported unavailable', () => {
    const { core } = newCore({}, { hasTime: false, columns: ['Count'] });
    const rows = Array.from({ length: 200 }, (_, i): TestRow => ({ location: 0, values: [(i % 4) * 10] }));
    feed(core, rows, 1);
    const view = core.view(true);
    expect(view.target).toBe('Count');
    expect(view.settings.derived).toEqual(['lag1', 'lag2', 'lag4']);
    expect(view.features.filter((f) => !f.available).map((f) => f.reason)).toEqual(Array(3).fill('The data has no timestamp.'));
    expect(view.model?.coefficients.map((c) => c.name)).toEqual(['Count[t−1]', 'Count[t−2]', 'Count[t−4]']);
    expect(view.model?.windowFrom).toBeNull();
    // A period-4 pattern is exactly its own 4th lag.
    expect(view.metrics.model.mae).toBeLessThan(1e-6);
    // Points are placed by the row's sequence number.
    expect(view.series!.points.at(-1)!.time).toBe(200);
  });

  it('fits the polynomial and the ridge models the settings ask for', () => {
    const rows = trafficRows({ days: 2, locations: 2 });
    const polynomial = newCore({ derived: ['timeOfDay', 'lag1', 'lag2'], model: { kind: 'polynomial', lambda: 5 } }).core;
    feed(polynomial, rows);
    expect(polynomial.view(false).model).toMatchObject({ kind: 'polynomial', lambda: 0 });
    expect(polynomial.view(false).model?.coefficients).toHaveLength(4 + 2 + 3);
    const ridge = newCore({ model: { kind: 'ridge', lambda: 5 } }).core;
    feed(ridge, rows);
    expect(ridge.view(false).model).toMatchObject({ kind: 'ridge', lambda: 5 });
  });

  it('forgets everything but the settings on reset', () => {
    const { core } = newCore({ derived: ['lag1', 'lag2'] });
    feed(core, trafficRows({ days: 1, locations: 3 }));
    core.reset({ numericColumns: ['Flow'], hasTime: true });
    const view = core.view(true);
    expect(view).toMatchObject({ target: 'Flow', numericColumns: ['Flow'], locations: [], location: null, model: null, series: null, anomalies: [], anomalyCount: 0 });
    expect(view.settings.derived).toEqual(['lag1', 'lag2']);
    expect(view.rows).toEqual({ processed: 0, historyRows: 0, scored: 0, warmingUp: 0, inHistoryPeriod: 0, noTarget: 0 });
  });

  it('leaves the time of day out of a fit on a few hours of rows, so it cannot extrapolate them', () => {
    const { core } = newCore({ derived: ['timeOfDay', 'lag1'] });
    const rows = trafficRows({ days: 2, locations: 1 });
    feed(core, rows.slice(0, 60)); // 00:00–15:00
    const early = core.view(false).model!;
    expect(early.coefficients.slice(0, 4).map((c) => c.value)).toEqual([0, 0, 0, 0]);
    expect(early.coefficients[4]!.value).not.toBe(0);
    feed(core, rows.slice(60));
    const later = core.view(false).model!;
    expect(later.coefficients.slice(0, 4).some((c) => c.value !== 0)).toBe(true);
  });

  it('with the default settings and a week of history, beats both naive forecasts on the second week', () => {
    const core = new PredictionCore({ now: () => 0 });
    core.reset({ numericColumns: COLUMNS, hasTime: true });
    core.configure(DEFAULT_PREDICT_SETTINGS);
    core.addLocations(JUNCTIONS);
    const rows = trafficRows({ days: 14, locations: 3, noise: 5, seed: 42 });
    // What the worker does for the default history (the file's first 7 days).
    core.addHistory(batchOf(rows.filter((row) => row.time! < MONDAY + 7 * DAY_MS), 4));
    core.finishHistory();
    for (let from = 0; from < rows.length; from += 500) feed(core, rows.slice(from, from + 500));
    const { metrics, rows: counts, anomalyCount, model, leakage } = core.view(true);
    expect(counts).toMatchObject({ inHistoryPeriod: rows.length / 2, scored: rows.length / 2, warmingUp: 0 });
    expect(metrics.model.mae!).toBeLessThan(metrics.lastValue.mae!);
    expect(metrics.model.mae!).toBeLessThan(metrics.sameTimeYesterday.mae!);
    expect(metrics.model.r2!).toBeGreaterThan(0.9);
    expect(model?.trainingR2).toBeGreaterThan(0.9);
    expect(leakage).toBeNull();
    // Gaussian noise beyond 3σ is rare: a handful of anomalies, not hundreds.
    expect(anomalyCount).toBeLessThan(counts.scored * 0.02);
  });

  it('learning from the stream alone, still beats the last value over two weeks at several junctions', () => {
    const core = new PredictionCore({ now: () => 0 });
    core.reset({ numericColumns: COLUMNS, hasTime: true });
    core.configure({ ...DEFAULT_PREDICT_SETTINGS, history: { kind: 'none' } });
    core.addLocations(JUNCTIONS);
    const rows = trafficRows({ days: 14, locations: 3, noise: 5, seed: 42 });
    for (let from = 0; from < rows.length; from += 500) feed(core, rows.slice(from, from + 500));
    const { metrics, rows: counts } = core.view(false);
    // The first day has no "same time yesterday" yet.
    expect(counts).toMatchObject({ warmingUp: 96 * 3 + 50, scored: rows.length - 96 * 3 - 50 });
    expect(metrics.model.mae!).toBeLessThan(metrics.lastValue.mae!);
  });
});
