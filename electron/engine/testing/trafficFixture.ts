/**
 * Test-only helpers: small CSV files in the shape of the original Traffic.csv, written to a
 * throw-away folder. Rows come from a seeded generator so every expectation in a test is computed
 * from the same rows it wrote, never copied from an earlier run.
 *
 * Rows follow a real calendar (15-minute slots from 1 October 2026, a Thursday), so the split form
 * `Time, Date, Day of the week` rolls from October 31 to November 1 like a real export would.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ColumnInfo, SchemaOverrides } from '../../../shared/schema';
import type { OpenedFile } from '../replay/replaySession';
import { openSniffedFile } from '../source/openFile';
import { sniffCsv } from '../source/sniffCsv';

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

/** The schema the engine should infer for the original data set's columns (the split time form). */
export const TRAFFIC_SCHEMA: ColumnInfo[] = [
  { name: 'Time', type: 'time', role: 'timestamp' },
  { name: 'Date', type: 'time', role: 'timestamp' },
  { name: 'Day of the week', type: 'time', role: 'timestamp' },
  { name: 'CarCount', type: 'number', role: 'measure' },
  { name: 'BikeCount', type: 'number', role: 'measure' },
  { name: 'BusCount', type: 'number', role: 'measure' },
  { name: 'TruckCount', type: 'number', role: 'measure' },
  { name: 'Total', type: 'number', role: 'measure' },
  { name: 'Traffic Situation', type: 'text', role: 'category' },
];
export const TOTAL_INDEX = TRAFFIC_COLUMNS.indexOf('Total');

/** The month the fixture's first row falls in. */
export const TRAFFIC_ANCHOR = { year: 2026, month: 10 } as const;
/** Epoch ms (UTC wall clock) of the fixture's first slot: 1 October 2026, 00:00. */
export const TRAFFIC_START = Date.UTC(TRAFFIC_ANCHOR.year, TRAFFIC_ANCHOR.month - 1, 1);
export const SLOT_MS = 15 * 60_000;

/**
 * Overrides that pin the split form's month, so a test does not depend on today's date (the
 * engine otherwise picks the latest month, up to now, whose day 1 is a Thursday).
 */
export const TRAFFIC_OVERRIDES: SchemaOverrides = { roles: {}, timeFormat: null, anchor: { ...TRAFFIC_ANCHOR } };

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

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
  /** The event time the engine should read from time, date and day (epoch ms, UTC wall clock). */
  epoch: number;
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

/** Time, day of month and weekday of the n-th slot from `start`, as the original file writes them. */
export function slotFields(slot: number, start = TRAFFIC_START): { time: string; date: number; day: string; epoch: number } {
  const epoch = start + slot * SLOT_MS;
  const date = new Date(epoch);
  return { time: slotTime(slot), date: date.getUTCDate(), day: WEEKDAYS[date.getUTCDay()] as string, epoch };
}

/** One row per 15-minute slot from 1 October 2026 (2,976 rows fill October). */
export function trafficRows(count: number, seed = 7): TrafficRow[] {
  const next = seededInts(seed);
  const rows: TrafficRow[] = [];
  for (let i = 0; i < count; i++) {
    const car = next(120);
    const bike = next(30);
    const bus = next(25);
    const truck = next(30);
    const total = car + bike + bus + truck;
    rows.push({
      ...slotFields(i),
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

/**
 * The typed values the engine should decode for a row: the timestamp columns as written (the
 * event time is the record's `time`), the counts as numbers, the situation as text.
 */
export function rowValues(row: TrafficRow): (string | number)[] {
  return [row.time, String(row.date), row.day, row.car, row.bike, row.bus, row.truck, row.total, row.situation];
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

export interface JunctionRow extends TrafficRow {
  junction: string;
}

/** Several junctions per slot, slot after slot, as the bundled sample writes them. */
export function junctionRows(slots: number, junctions: readonly string[], seed = 3): JunctionRow[] {
  const counts = trafficRows(slots * junctions.length, seed);
  return counts.map((row, i) => {
    const slot = Math.floor(i / junctions.length);
    return { ...row, ...slotFields(slot), junction: junctions[i % junctions.length] as string };
  });
}

export const JUNCTION_HEADER = `${TRAFFIC_HEADER},Junction`;

export function junctionFields(row: JunctionRow): string[] {
  return [...rowFields(row), row.junction];
}

export function junctionCsv(rows: readonly JunctionRow[], options: CsvOptions = {}): string {
  return joinLines([JUNCTION_HEADER, ...rows.map((row) => junctionFields(row).join(','))], options);
}

/** Sniffs and opens a file as the engine does, with the split form pinned to October 2026. */
export async function openFixture(path: string, overrides: SchemaOverrides = TRAFFIC_OVERRIDES): Promise<OpenedFile> {
  return openSniffedFile(await sniffCsv(path), overrides);
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

  /** A path in the folder that nothing has written yet. */
  file(name = `file-${++this.count}`): string {
    return join(this.path, name);
  }

  cleanup(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}
