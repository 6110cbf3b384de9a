/**
 * Test-only: rows shaped like the sample city's (a dozen columns: a few counts, short texts, a
 * time) as the stages hand them to the SQL live table, and batches of them as the worker receives.
 */
import type { CellValue } from '../../../shared/records';
import type { ColumnInfo } from '../../../shared/schema';
import { RowBatchBuilder, type RowBatch } from '../sql/rowBatch';
import type { FeedEntry } from '../stages/feedWindow';

export const CITY_COLUMNS: ColumnInfo[] = [
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

/** 1 October 2026 00:00 UTC, a Thursday. */
export const CITY_START_MS = Date.UTC(2026, 9, 1);
const SLOT_MS = 15 * 60_000;
const JUNCTIONS = 4;
const WEEKDAYS = ['Thursday', 'Friday', 'Saturday', 'Sunday', 'Monday', 'Tuesday', 'Wednesday'];
const SITUATIONS = ['low', 'normal', 'high', 'heavy'];

function clockText(ms: number): string {
  const date = new Date(ms);
  const hours = date.getUTCHours();
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${h12}:${String(date.getUTCMinutes()).padStart(2, '0')}:00 ${hours < 12 ? 'AM' : 'PM'}`;
}

/** Row `n` (0-based): a 15-minute slot per four junctions, counts derived from n. */
export function cityValues(n: number): CellValue[] {
  const time = CITY_START_MS + Math.floor(n / JUNCTIONS) * SLOT_MS;
  const date = new Date(time);
  const cars = (n * 7) % 60;
  const bikes = n % 5;
  const buses = (n * 3) % 7;
  const trucks = n % 9;
  const total = cars + bikes + buses + trucks;
  return [
    clockText(time),
    String(date.getUTCDate()),
    WEEKDAYS[Math.floor((time - CITY_START_MS) / 86_400_000) % 7] as string,
    cars,
    bikes,
    buses,
    trucks,
    total,
    SITUATIONS[Math.min(3, Math.floor(total / 25))] as string,
    `J0${(n % JUNCTIONS) + 1}`,
  ];
}

export function cityTime(n: number): number {
  return CITY_START_MS + Math.floor(n / JUNCTIONS) * SLOT_MS;
}

/** Rows `from` … `from + count − 1` as the stages consume them (offset = row number). */
export function cityEntries(from: number, count: number): FeedEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    return { offset: n, partition: n % JUNCTIONS, record: { line: n + 2, values: cityValues(n), time: cityTime(n) } };
  });
}

/** The entries as one batch for the worker; all rows ingested at `ingestedMs`. */
export function batchOf(entries: readonly FeedEntry[], ingestedMs = Date.now()): RowBatch {
  const builder = new RowBatchBuilder(Math.max(1, entries.length));
  for (const entry of entries) builder.add(entry, ingestedMs);
  return builder.take();
}
