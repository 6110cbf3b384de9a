/**
 * Test support: the generator's CSV shape (the sample city, sample-data/traffic-sample.csv, and the
 * files the generator writes for benchmarks) read with papaparse and timed by hand (day of month
 * + 12-hour clock, the month rolling over when the day number falls) rather than by the engine's
 * own reader, so tests compare the engine's windows, profiles, health checks and alarms with an
 * independent reading of the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { CellValue, TrafficRecord } from '../../../shared/records';
import type { ColumnInfo } from '../../../shared/schema';
import type { HealthSchema } from '../health';
import { TRAFFIC_SCHEMA } from './trafficFixture';

export const SAMPLE_CSV = join(__dirname, '../../../sample-data/traffic-sample.csv');
/** The sample city's first day (a Thursday, like the file's first row). */
export const SAMPLE_START_DATE = '2026-10-01';

/** The original data set's columns, plus the junction the generator adds. */
export const SAMPLE_COLUMNS: ColumnInfo[] = [...TRAFFIC_SCHEMA, { name: 'Junction', type: 'text', role: 'location' }];

export const SAMPLE_SCHEMA: HealthSchema = {
  columns: SAMPLE_COLUMNS.map(({ name, role }) => ({ name, role })),
  location: 'Junction',
  measure: 'Total',
};

const NUMERIC = new Set(SAMPLE_COLUMNS.flatMap((column, index) => (column.type === 'number' ? [index] : [])));

/** "1:15:00 PM" → ms since midnight. */
function clockMs(clock: string): number {
  const match = /^(\d{1,2}):(\d{2}):(\d{2}) (AM|PM)$/.exec(clock);
  if (!match) throw new Error(`Not a clock time: ${clock}`);
  const hour = (Number(match[1]) % 12) + (match[4] === 'PM' ? 12 : 0);
  return ((hour * 60 + Number(match[2])) * 60 + Number(match[3])) * 1000;
}

/** Records in file order; `startDate` (YYYY-MM-DD) anchors the first row's month. */
export function readSampleRecords(path: string, startDate: string): TrafficRecord[] {
  const parsed = Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true });
  let year = Number(startDate.slice(0, 4));
  let month = Number(startDate.slice(5, 7)) - 1;
  let previousDay = 0;
  return parsed.data.slice(1).map((row, i) => {
    const day = Number(row[1]);
    if (day < previousDay) {
      month++;
      if (month === 12) {
        month = 0;
        year++;
      }
    }
    previousDay = day;
    const values: CellValue[] = row.map((cell, c) => (NUMERIC.has(c) ? Number(cell) : cell));
    return { line: i + 2, values, time: Date.UTC(year, month, day) + clockMs(row[0] ?? '') };
  });
}

/** One row of the sample city with its counts by name, for brute-force expectations. */
export interface SampleRow {
  line: number;
  time: number;
  junction: string;
  car: number;
  bike: number;
  bus: number;
  truck: number;
  total: number;
}

let cached: TrafficRecord[] | null = null;

/** The sample city's records, parsed once per test file. */
export function sampleRecords(): TrafficRecord[] {
  cached ??= readSampleRecords(SAMPLE_CSV, SAMPLE_START_DATE);
  return cached;
}

export function sampleRows(): SampleRow[] {
  return sampleRecords().map(({ line, time, values }) => ({
    line,
    time: time as number,
    car: values[3] as number,
    bike: values[4] as number,
    bus: values[5] as number,
    truck: values[6] as number,
    total: values[7] as number,
    junction: values[9] as string,
  }));
}
