import { describe, expect, it } from 'vitest';
import { MIN_RESIDUALS } from './residualScale';
import { LISTED_ANOMALIES, Scoreboard } from './scoreboard';
import { normal, seededRandom } from './testing/testRows';

/** Scores `count` forecasts off by ±1 alternately at a location: σ settles at 1. */
function steady(board: Scoreboard, location: number, count: number, from = 0): void {
  for (let i = 0; i < count; i++) board.score(location, from + i, 100, 100 + (i % 2 === 0 ? 1 : -1), Number.NaN, Number.NaN);
}

describe('the scoreboard', () => {
  it('draws no band and flags nothing until the location has enough residuals', () => {
    const board = new Scoreboard(3);
    steady(board, 0, MIN_RESIDUALS - 1);
    board.score(0, 99, 1000, 100, Number.NaN, Number.NaN);
    expect(board.anomalyCount).toBe(0);
    const last = board.series.series(0, 'J1').points.at(-1)!;
    expect(last).toMatchObject({ predicted: 100, lower: 100, upper: 100 });
  });

  it('flags a residual beyond k σ of the residuals before it, with its z, and draws the band predicted ∓ kσ', () => {
    const board = new Scoreboard(3);
    steady(board, 0, 100);
    board.score(0, 100, 110, 100, Number.NaN, Number.NaN);
    expect(board.anomalyCount).toBe(1);
    const [anomaly] = board.recentAnomalies(['J1']);
    expect(anomaly).toMatchObject({ time: 100, location: 'J1', actual: 110, predicted: 100 });
    expect(anomaly!.z).toBeGreaterThan(9);
    expect(anomaly!.z).toBeLessThan(11);
    const point = board.series.series(0, 'J1').points.at(-1)!;
    expect(point.upper - point.predicted).toBeCloseTo(3 * (10 / anomaly!.z), 9);
    expect(point.predicted - point.lower).toBeCloseTo(point.upper - point.predicted, 9);
    // Within 3σ is ordinary.
    board.score(0, 101, 102, 100, Number.NaN, Number.NaN);
    expect(board.anomalyCount).toBe(1);
  });

  it('never flags a forecast that equals the actual value up to rounding noise, however tiny the usual miss', () => {
    const board = new Scoreboard(3);
    const random = seededRandom(4);
    // A model that reconstructs the target from its same-row parts: misses of 10⁻¹² from floating point.
    for (let i = 0; i < 5000; i++) board.score(0, i, 1000 + (i % 300), 1000 + (i % 300) + 1e-12 * normal(random), Number.NaN, Number.NaN);
    expect(board.anomalyCount).toBe(0);
    // Counts are whole: a miss of one vehicle is visible, and against that scale a miss of 40 is an anomaly.
    board.score(0, 5000, 1040, 1000, Number.NaN, Number.NaN);
    expect(board.anomalyCount).toBe(1);
  });

  it('judges a miss against the same hour of the day: a morning ramp that is always missed by ~50 is not an anomaly, the same miss at night is', () => {
    const board = new Scoreboard(3, { byHour: true });
    const random = seededRandom(8);
    const hour = 3_600_000;
    const day = 24 * hour;
    const start = Date.UTC(2026, 2, 2);
    // 10 days, 15-minute rows: misses of σ 2 all day, except 05:00–06:00 where the forecast lags the ramp by 50 ± 10.
    for (let t = start; t < start + 10 * day; t += hour / 4) {
      const ramp = (t - start) % day >= 5 * hour && (t - start) % day < 6 * hour;
      board.score(0, t, 500, 500 - (ramp ? 50 + 10 * normal(random) : 2 * normal(random)), Number.NaN, Number.NaN);
    }
    // After two days of learning, 8 days × 96 rows: by hour about 0.3 % (2) are beyond 3σ. One scale
    // per location (√((4·50² + 92·2²)/96) ≈ 10.4, band ≈ 31) flags nearly all 32 ramp rows.
    const late = board.recentAnomalies(['J1']).filter((a) => a.time >= start + 2 * day);
    expect(late.length).toBeLessThanOrEqual(6);
    const before = board.anomalyCount;
    board.score(0, start + 10 * day + 5.5 * hour, 550, 500, Number.NaN, Number.NaN);
    expect(board.anomalyCount).toBe(before);
    board.score(0, start + 10 * day + 23 * hour, 550, 500, Number.NaN, Number.NaN);
    expect(board.anomalyCount).toBe(before + 1);
  });

  it('judges each location against its own scale', () => {
    const board = new Scoreboard(3);
    steady(board, 0, 50);
    for (let i = 0; i < 50; i++) board.score(1, i, 100, 100 + (i % 2 === 0 ? 20 : -20), Number.NaN, Number.NaN);
    board.score(1, 50, 130, 100, Number.NaN, Number.NaN); // 1.5σ at a noisy junction
    board.score(0, 50, 130, 100, Number.NaN, Number.NaN); // 30σ at a steady one
    expect(board.recentAnomalies(['quiet', 'noisy']).map((a) => a.location)).toEqual(['quiet']);
    expect(board.scored(0)).toBe(51);
    expect(board.scored(1)).toBe(51);
  });

  it('lists the newest anomalies across locations, newest first, and counts them all', () => {
    const board = new Scoreboard(3);
    steady(board, 0, 30);
    steady(board, 1, 30);
    for (let i = 0; i < 3 * LISTED_ANOMALIES; i++) board.score(i % 2, 1000 + i, 1e6, 100, Number.NaN, Number.NaN);
    expect(board.anomalyCount).toBe(3 * LISTED_ANOMALIES);
    const listed = board.recentAnomalies(['A', 'B']);
    expect(listed).toHaveLength(LISTED_ANOMALIES);
    expect(listed[0]).toMatchObject({ time: 1000 + 3 * LISTED_ANOMALIES - 1, location: 'B' });
    expect(listed[1]!.location).toBe('A');
  });

  it('keeps each location’s metrics beside the pooled ones', () => {
    const board = new Scoreboard(3);
    // J1 is missed by 1 every time, J2 by 3: pooled MAE 2, RMSE √((1 + 9) / 2) = √5.
    for (let i = 0; i < 10; i++) {
      board.score(0, i, 100, 101, 100, Number.NaN);
      board.score(1, i, 100, 97, 90, Number.NaN);
    }
    expect(board.metricsAt(0).model).toMatchObject({ rows: 10, mae: 1, rmse: 1 });
    expect(board.metricsAt(1).model).toMatchObject({ rows: 10, mae: 3, rmse: 3 });
    expect(board.metricsAt(1).lastValue).toMatchObject({ rows: 10, mae: 10 });
    expect(board.metrics().model).toMatchObject({ rows: 20, mae: 2, rmse: expect.closeTo(Math.sqrt(5), 12) });
    expect(board.metricsAt(2).model).toEqual({ rows: 0, mae: null, rmse: null, r2: null, mape: null });
  });

  it('scores a naive forecast only where it has a value', () => {
    const board = new Scoreboard(3);
    board.score(0, 0, 10, 9, 8, Number.NaN);
    board.score(0, 1, 12, 12, Number.NaN, 6);
    const metrics = board.metrics();
    expect(metrics.model).toMatchObject({ rows: 2, mae: 0.5 });
    expect(metrics.lastValue).toMatchObject({ rows: 1, mae: 2 });
    expect(metrics.sameTimeYesterday).toMatchObject({ rows: 1, mae: 6 });
  });
});
