/**
 * Test-only helpers: small CSV files in the shape of the original Traffic.csv, written to a
 * throw-away folder. Rows come from a seeded generator so every expectation in a test is computed
 * from the same rows it wrote, never copied from an earlier run.
 */
import type { ColumnInfo } from '../../../shared/records';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TRAFFIC_COLUMNS = [
  'Time',
  'Date',
  'Day of the week',
  'CarCount',
  'BikeCount',
  'BusCount',
  'TruckCount',
  'Total',
  'Traffic Situation',
] as const;
export const TRAFFIC_HEADER = TRAFFIC_COLUMNS.join(',');

/** The schema the engine should infer for the original data set's columns. */
export const TRAFFIC_SCHEMA: ColumnInfo[] = [
  { name: 'Time', type: 'time' },
  { name: 'Date', type: 'number' },
  { name: 'Day of the week', type: 'text' },
  { name: 'CarCount', type: 'number' },
  { name: 'BikeCount', type: 'number' },
  { name: 'BusCount', type: 'number' },
  { name: 'TruckCount', type: 'number' },
  { name: 'Total', type: 'number' },
  { name: 'Traffic Situation', type: 'text' },
];
export const TOTAL_INDEX = TRAFFIC_COLUMNS.indexOf('Total');

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export interface TrafficRow {
  time: string;
  date: number;
  day: string;
  car: number;
  bike: number;
  bus: number;
  truck: number;
  total: number;
  situation: string;
}

/** Deterministic pseudo-random integers (LCG), so fixtures are the same on every run. */
export function seededInts(seed: number): (maxExclusive: number) => number {
  let state = seed >>> 0 || 1;
  return (maxExclusive) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % maxExclusive;
  };
}

/** `12:15:00 AM` style time for the n-th 15-minute slot. */
export function slotTime(slot: number): string {
  const minutes = (slot * 15) % (24 * 60);
  const h24 = Math.floor(minutes / 60);
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
  const mm = String(minutes % 60).padStart(2, '0');
  return `${h12}:${mm}:00 ${h24 < 12 ? 'AM' : 'PM'}`;
}

export function trafficRows(count: number, seed = 7): TrafficRow[] {
  const next = seededInts(seed);
  const rows: TrafficRow[] = [];
  for (let i = 0; i < count; i++) {
    const car = next(120);
    const bike = next(30);
    const bus = next(25);
    const truck = next(30);
    const total = car + bike + bus + truck;
    const dayIndex = Math.floor(i / 96);
    rows.push({
      time: slotTime(i),
      date: (dayIndex % 31) + 1,
      day: DAYS[dayIndex % 7] as string,
      car,
      bike,
      bus,
      truck,
      total,
      situation: total > 120 ? 'heavy' : total > 60 ? 'normal' : 'low',
    });
  }
  return rows;
}

export function rowFields(row: TrafficRow): string[] {
  return [row.time, String(row.date), row.day, String(row.car), String(row.bike), String(row.bus), String(row.truck), String(row.total), row.situation];
}

/** The typed values the engine should decode for a row (schema: time, number, text, numbers…, text). */
export function rowValues(row: TrafficRow): (string | number)[] {
  return [row.time, row.date, row.day, row.car, row.bike, row.bus, row.truck, row.total, row.situation];
}

export interface CsvOptions {
  delimiter?: string;
  newline?: string;
  bom?: boolean;
  /** Ends the last line with a newline (default true). */
  trailingNewline?: boolean;
}

/** Joins already-formatted lines (header included) into file text. */
export function joinLines(lines: readonly string[], options: CsvOptions = {}): string {
  const newline = options.newline ?? '\n';
  const body = lines.join(newline) + (options.trailingNewline === false ? '' : newline);
  return (options.bom ? '\uFEFF' : '') + body;
}

export function trafficCsv(rows: readonly TrafficRow[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  return joinLines([TRAFFIC_COLUMNS.join(delimiter), ...rows.map((row) => rowFields(row).join(delimiter))], options);
}

/** A temp folder (`tm-…`) for one test file; call `cleanup` in afterEach/afterAll. */
export class TempDir {
  readonly path = mkdtempSync(join(tmpdir(), 'tm-'));
  private count = 0;

  write(content: string | Buffer, name = `file-${++this.count}.csv`): string {
    const file = join(this.path, name);
    writeFileSync(file, content);
    return file;
  }

  cleanup(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}
