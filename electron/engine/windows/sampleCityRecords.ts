/**
 * Test support: the sample city (sample-data/traffic-sample.csv) as the records the stages
 * receive, read with papaparse and timed by hand (day of month + 12-hour clock, anchored to
 * October 2026 whose 1st is a Thursday like the file's first row) rather than by the engine's own
 * decoder, so tests compare the windows and profiles with an independent reading of the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { TrafficRecord } from '../../../shared/records';
import type { ColumnInfo } from '../../../shared/schema';

export const SAMPLE_CSV = join(__dirname, '../../../sample-data/traffic-sample.csv');

export const SAMPLE_COLUMNS: ColumnInfo[] = [
  { name: 'Time', type: 'time', role: 'timestamp' },
  { name: 'Date', type: 'time', role: 'timestamp' },
  { name: 'Day of the week', type: 'time', role: 'timestamp' },
  { name: 'CarCount', type: 'number', role: 'measure' },
  { name: 'BikeCount', type: 'number', role: 'measure' },
  { name: 'BusCount', type: 'number', role: 'measure' },
  { name: 'TruckCount', type: 'number', role: 'measure' },
  { name: 'Total', type: 'number', role: 'measure' },
  { name: 'Traffic Situation', type: 'text', role: 'category' },
  { name: 'Junction', type: 'text', role: 'location' },
];

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

function clockMs(clock: string): number {
  const match = /^(\d{1,2}):(\d{2}):(\d{2}) (AM|PM)$/.exec(clock);
  if (!match) throw new Error(`Not a clock time: ${clock}`);
  const hour12 = Number(match[1]) % 12;
  const hour = match[4] === 'PM' ? hour12 + 12 : hour12;
  return ((hour * 60 + Number(match[2])) * 60 + Number(match[3])) * 1000;
}

let cached: SampleRow[] | null = null;

/** The file's rows, parsed once per test file. */
export function sampleRows(): SampleRow[] {
  if (cached) return cached;
  const parsed = Papa.parse<string[]>(readFileSync(SAMPLE_CSV, 'utf8'), { skipEmptyLines: true });
  const rows = parsed.data.slice(1);
  cached = rows.map((fields, index) => ({
    line: index + 2,
    time: Date.UTC(2026, 9, Number(fields[1])) + clockMs(fields[0] as string),
    car: Number(fields[3]),
    bike: Number(fields[4]),
    bus: Number(fields[5]),
    truck: Number(fields[6]),
    total: Number(fields[7]),
    junction: fields[9] as string,
  }));
  return cached;
}

export function sampleRecord(row: SampleRow): TrafficRecord {
  const values = ['', 0, '', row.car, row.bike, row.bus, row.truck, row.total, '', row.junction];
  return { line: row.line, values, time: row.time };
}

export function sampleRecords(): TrafficRecord[] {
  return sampleRows().map(sampleRecord);
}
