import { describe, expect, it } from 'vitest';
import { SERIES_MAX_POINTS } from '../../../shared/predict/predictContract';
import { LocationSeries, POINTS_PER_LOCATION, SCATTER_POINTS, SERIES_ANOMALIES, type ScoredPoint } from './locationSeries';

const point = (time: number, actual: number, anomalyZ = Number.NaN): ScoredPoint => ({ time, actual, predicted: actual + 1, lower: actual - 2, upper: actual + 4, anomalyZ });

describe('the chart’s series per location', () => {
  it('sends every point while they fit, oldest first, with the band', () => {
    const series = new LocationSeries();
    for (let i = 0; i < 10; i++) series.push(0, point(i * 1000, i));
    const view = series.series(0, 'J1');
    expect(view.location).toBe('J1');
    expect(view.heldPoints).toBe(10);
    expect(view.points.map((p) => p.time)).toEqual(Array.from({ length: 10 }, (_, i) => i * 1000));
    expect(view.points[3]).toEqual({ time: 3000, actual: 3, predicted: 4, lower: 1, upper: 7 });
    expect(view.scatter[9]).toEqual({ actual: 9, predicted: 10 });
  });

  it('downsamples 20,000 points to at most 1000 and keeps every anomaly among them', () => {
    const series = new LocationSeries();
    const anomalyTimes = new Set([777, 5_000, 12_345, 19_999]);
    for (let i = 0; i < 20_000; i++) series.push(0, point(i, Math.sin(i / 50) * 100, anomalyTimes.has(i) ? 4.2 : Number.NaN));
    const view = series.series(0, 'J1');
    expect(view.heldPoints).toBe(20_000);
    expect(view.points.length).toBeLessThanOrEqual(SERIES_MAX_POINTS);
    expect(view.points.length).toBeGreaterThan(SERIES_MAX_POINTS * 0.9);
    const times = view.points.map((p) => p.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const time of anomalyTimes) expect(times).toContain(time);
    expect(view.anomalies.map((a) => a.time)).toEqual([...anomalyTimes]);
    expect(view.anomalies[0]).toMatchObject({ location: 'J1', z: 4.2, actual: expect.any(Number), predicted: expect.any(Number) });
    // The extremes of the wave survive: LTTB keeps the shape.
    const actuals = view.points.map((p) => p.actual);
    expect(Math.max(...actuals)).toBeGreaterThan(99.9);
    expect(Math.min(...actuals)).toBeLessThan(-99.9);
    expect(view.scatter).toHaveLength(SCATTER_POINTS);
  });

  it('holds the newest points per location and lists at most the newest anomalies', () => {
    const series = new LocationSeries();
    for (let i = 0; i < POINTS_PER_LOCATION + 500; i++) series.push(1, point(i, i, i % 10 === 0 ? 5 : Number.NaN));
    series.push(0, point(0, 1));
    const view = series.series(1, 'J2');
    expect(view.heldPoints).toBe(POINTS_PER_LOCATION);
    expect(view.points[0]!.time).toBe(500);
    expect(view.anomalies).toHaveLength(SERIES_ANOMALIES);
    expect(view.anomalies[SERIES_ANOMALIES - 1]!.time).toBe(POINTS_PER_LOCATION + 490);
    expect(view.points.length).toBeLessThanOrEqual(SERIES_MAX_POINTS);
    expect(series.held(0)).toBe(1);
  });

  it('is empty for a location without scored points, and after clear', () => {
    const series = new LocationSeries();
    expect(series.series(3, 'J4')).toEqual({ location: 'J4', heldPoints: 0, points: [], anomalies: [], scatter: [] });
    series.push(0, point(1, 1));
    series.clear();
    expect(series.held(0)).toBe(0);
  });
});
