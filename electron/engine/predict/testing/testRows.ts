/**
 * Rows for the prediction core's tests: batches built from plain objects, and a seeded generator of
 * traffic-like series (a daily rhythm with morning and evening peaks, quieter weekends, noise), so
 * a test failure replays exactly.
 */
import { mulberry32 } from '../../../../sample-data/generator/random';
import type { PredictBatch } from '../predictBatch';

export interface TestRow {
  location: number;
  /** Epoch ms; NaN (or left out) without time. */
  time?: number;
  /** One value per numeric column, NaN where missing. */
  values: readonly number[];
}

export function batchOf(rows: readonly TestRow[], columns: number): PredictBatch {
  const batch: PredictBatch = {
    count: rows.length,
    location: new Int32Array(rows.length),
    time: new Float64Array(rows.length),
    values: new Float64Array(rows.length * columns),
  };
  rows.forEach((row, i) => {
    if (row.values.length !== columns) throw new Error(`Row ${i} has ${row.values.length} values, not ${columns}.`);
    batch.location[i] = row.location;
    batch.time[i] = row.time ?? Number.NaN;
    batch.values.set(row.values, i * columns);
  });
  return batch;
}

/** A small seeded uniform generator: the same seed, the same numbers (the sample generator's mulberry32). */
export const seededRandom = mulberry32;

/** Standard normal from a uniform generator (Box–Muller). */
export function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
/** Monday 2026-03-02 00:00 UTC. */
export const MONDAY = Date.UTC(2026, 2, 2);

export interface TrafficOptions {
  days: number;
  locations: number;
  stepMinutes?: number;
  noise?: number;
  seed?: number;
  start?: number;
}

/**
 * Interleaved rows (every location at each step) with columns [Total, Cars, Bikes, Other]:
 * Total = Cars + Bikes + Other, a daily two-peak rhythm scaled per location, quieter weekends.
 */
export function trafficRows(options: TrafficOptions): TestRow[] {
  const { days, locations, stepMinutes = 15, noise = 4, seed = 1, start = MONDAY } = options;
  const random = seededRandom(seed);
  const rows: TestRow[] = [];
  const steps = (days * 24 * 60) / stepMinutes;
  for (let step = 0; step < steps; step++) {
    const time = start + step * stepMinutes * MINUTE_MS;
    const hour = (time % (24 * HOUR_MS)) / HOUR_MS;
    const weekday = new Date(time).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 0.6 : 1;
    const rhythm = 20 + 60 * Math.exp(-((hour - 8) ** 2) / 3) + 50 * Math.exp(-((hour - 17.5) ** 2) / 4);
    for (let location = 0; location < locations; location++) {
      const level = (1 + 0.5 * location) * weekend * rhythm;
      const cars = Math.max(0, 0.7 * level + noise * normal(random));
      const bikes = Math.max(0, 0.2 * level + (noise / 2) * normal(random));
      const other = Math.max(0, 0.1 * level + (noise / 2) * normal(random));
      rows.push({ location, time, values: [cars + bikes + other, cars, bikes, other] });
    }
  }
  return rows;
}
