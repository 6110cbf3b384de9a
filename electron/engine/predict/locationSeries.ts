/**
 * The scored points the chart draws, per location: the newest 20,000 (time, actual, forecast, band,
 * anomaly). The page is sent at most SERIES_MAX_POINTS of them, picked by LTTB on the actual
 * values (the shape of the traffic survives: peaks and dips stay, flat stretches thin out); the
 * anomalies among the held points are always drawn, whatever the downsampling drops.
 */
import { createLTTB } from 'downsample';
import { SERIES_MAX_POINTS, type Anomaly, type PredictSeries, type SeriesPoint } from '../../../shared/predict/predictContract';
import { grownFloat64, grownSlots, RingIndex } from './ringIndex';

export const POINTS_PER_LOCATION = 20_000;
/** Newest anomalies sent with a series. */
export const SERIES_ANOMALIES = 200;
/** Newest (actual, forecast) pairs for the scatter. */
export const SCATTER_POINTS = 500;

export interface ScoredPoint {
  /** Event time, or the row's sequence number without time. */
  time: number;
  actual: number;
  predicted: number;
  lower: number;
  upper: number;
  /** Residual in standard deviations when the point is an anomaly, else NaN. */
  anomalyZ: number;
}

class LocationPoints {
  readonly ring = new RingIndex(POINTS_PER_LOCATION);
  time = new Float64Array(0);
  actual = new Float64Array(0);
  predicted = new Float64Array(0);
  lower = new Float64Array(0);
  upper = new Float64Array(0);
  anomalyZ = new Float64Array(0);

  push(point: ScoredPoint): void {
    const slot = this.ring.push();
    if (slot >= this.time.length) {
      const slots = grownSlots(slot, this.time.length, this.ring.capacity);
      this.time = grownFloat64(this.time, slots);
      this.actual = grownFloat64(this.actual, slots);
      this.predicted = grownFloat64(this.predicted, slots);
      this.lower = grownFloat64(this.lower, slots);
      this.upper = grownFloat64(this.upper, slots);
      this.anomalyZ = grownFloat64(this.anomalyZ, slots);
    }
    this.time[slot] = point.time;
    this.actual[slot] = point.actual;
    this.predicted[slot] = point.predicted;
    this.lower[slot] = point.lower;
    this.upper[slot] = point.upper;
    this.anomalyZ[slot] = point.anomalyZ;
  }
}

export class LocationSeries {
  private byLocation: (LocationPoints | undefined)[] = [];

  push(location: number, point: ScoredPoint): void {
    let points = this.byLocation[location];
    if (points === undefined) {
      points = new LocationPoints();
      this.byLocation[location] = points;
    }
    points.push(point);
  }

  /** Points held for a location. */
  held(location: number): number {
    return this.byLocation[location]?.ring.size ?? 0;
  }

  /**
   * Visits a location's held points, oldest first, for an export. One object is reused for every
   * point (no copy of 20,000 points per location): `visit` must not keep it.
   */
  forEachHeld(location: number, visit: (point: Readonly<ScoredPoint>) => void): void {
    const points = this.byLocation[location];
    if (points === undefined) return;
    const point: ScoredPoint = { time: 0, actual: 0, predicted: 0, lower: 0, upper: 0, anomalyZ: Number.NaN };
    for (let age = 0; age < points.ring.size; age++) {
      const s = points.ring.slot(age);
      point.time = points.time[s] as number;
      point.actual = points.actual[s] as number;
      point.predicted = points.predicted[s] as number;
      point.lower = points.lower[s] as number;
      point.upper = points.upper[s] as number;
      point.anomalyZ = points.anomalyZ[s] as number;
      visit(point);
    }
  }

  /** The chart's series for a location (`name` labels it and its anomalies). */
  series(location: number, name: string): PredictSeries {
    const points = this.byLocation[location];
    const held = points?.ring.size ?? 0;
    if (points === undefined || held === 0) return { location: name, heldPoints: 0, points: [], anomalies: [], scatter: [] };
    const slot = (age: number): number => points.ring.slot(age);

    const anomalyAges: number[] = [];
    for (let age = held - 1; age >= 0 && anomalyAges.length < SERIES_ANOMALIES; age--) {
      if (!Number.isNaN(points.anomalyZ[slot(age)] as number)) anomalyAges.push(age);
    }
    anomalyAges.reverse();

    const drawn = drawnAges(held, anomalyAges, (age) => points.time[slot(age)] as number, (age) => points.actual[slot(age)] as number);
    const pointAt = (age: number): SeriesPoint => {
      const s = slot(age);
      return {
        time: points.time[s] as number,
        actual: points.actual[s] as number,
        predicted: points.predicted[s] as number,
        lower: points.lower[s] as number,
        upper: points.upper[s] as number,
      };
    };
    const anomalies = anomalyAges.map((age): Anomaly => {
      const s = slot(age);
      return {
        time: points.time[s] as number,
        location: name,
        actual: points.actual[s] as number,
        predicted: points.predicted[s] as number,
        z: points.anomalyZ[s] as number,
      };
    });
    const scatter: PredictSeries['scatter'] = [];
    for (let age = Math.max(0, held - SCATTER_POINTS); age < held; age++) {
      scatter.push({ actual: points.actual[slot(age)] as number, predicted: points.predicted[slot(age)] as number });
    }
    return { location: name, heldPoints: held, points: drawn.map(pointAt), anomalies, scatter };
  }

  clear(): void {
    this.byLocation = [];
  }
}

/**
 * Which held points (by age, oldest first) the chart gets: all when they fit, else LTTB's pick
 * with room left for the anomalies, which are then added back.
 */
function drawnAges(held: number, anomalyAges: readonly number[], timeAt: (age: number) => number, actualAt: (age: number) => number): number[] {
  if (held <= SERIES_MAX_POINTS) return Array.from({ length: held }, (_, age) => age);
  const lttb = createLTTB<number>({ x: timeAt, y: actualAt });
  const ages = Array.from({ length: held }, (_, age) => age);
  const picked = Array.from(lttb(ages, SERIES_MAX_POINTS - anomalyAges.length) as ArrayLike<number>);
  return [...new Set([...picked, ...anomalyAges])].sort((a, b) => a - b);
}
