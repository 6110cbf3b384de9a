/**
 * Test-only: rows shaped like the sample city's (a dozen columns: a few counts, short texts, a
 * time) as the stages hand them to the SQL live table, and batches of them as the worker receives.
 */
import type { CellValue } from '../../../shared/records';
import type { ColumnInfo } from '../../../shared/schema';
import { RowBatchBuilder, type RowBatch } from '../sql/rowBatch';
import type { FeedEntry } from '../stages/feedWindow';
import { slotFields, TRAFFIC_SCHEMA } from './trafficFixture';

/** The original data set's columns plus the junction id the sample city adds. */
export const CITY_COLUMNS: ColumnInfo[] = [...TRAFFIC_SCHEMA, { name: 'Junction', type: 'text', role: 'location' }];

const JUNCTIONS = 4;
const SITUATIONS = ['low', 'normal', 'high', 'heavy'];

/** Row `n` (0-based): a 15-minute slot per four junctions, counts derived from n. */
export function cityValues(n: number): CellValue[] {
  const slot = slotFields(Math.floor(n / JUNCTIONS));
  const cars = (n * 7) % 60;
  const bikes = n % 5;
  const buses = (n * 3) % 7;
  const trucks = n % 9;
  const total = cars + bikes + buses + trucks;
  return [
    slot.time,
    String(slot.date),
    slot.day,
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
  return slotFields(Math.floor(n / JUNCTIONS)).epoch;
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
