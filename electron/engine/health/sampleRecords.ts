/**
 * Test support: the generator's CSV read with papaparse into the records the engine would send
 * (values in column order, counts as numbers, the event time from Time + Date anchored at the
 * file's first month), plus the schema the engine infers for it. Kept apart from the engine's
 * own reader so the health tests do not depend on the parts being restructured.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { CellValue, TrafficRecord } from '../../../shared/records';
import type { HealthSchema } from './healthChecker';

export const SAMPLE_SCHEMA: HealthSchema = {
  columns: [
    { name: 'Time', role: 'timestamp' },
    { name: 'Date', role: 'timestamp' },
    { name: 'Day of the week', role: 'timestamp' },
    { name: 'CarCount', role: 'measure' },
    { name: 'BikeCount', role: 'measure' },
    { name: 'BusCount', role: 'measure' },
    { name: 'TruckCount', role: 'measure' },
    { name: 'Total', role: 'measure' },
    { name: 'Traffic Situation', role: 'category' },
    { name: 'Junction', role: 'location' },
  ],
  location: 'Junction',
  measure: 'Total',
};

const NUMERIC = new Set([3, 4, 5, 6, 7]);

/** "1:15:00 PM" -> ms since midnight. */
function clockMs(text: string): number {
  const match = /^(\d{1,2}):(\d{2}):(\d{2}) (AM|PM)$/.exec(text);
  if (match === null) throw new Error(`bad time ${text}`);
  const hour = (Number(match[1]) % 12) + (match[4] === 'PM' ? 12 : 0);
  return ((hour * 60 + Number(match[2])) * 60 + Number(match[3])) * 1000;
}

/** Records in file order; `startDate` (YYYY-MM-DD) anchors the first row's month. */
export function readSampleRecords(path: string, startDate: string): TrafficRecord[] {
  const parsed = Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true });
  const rows = parsed.data.slice(1);
  let year = Number(startDate.slice(0, 4));
  let month = Number(startDate.slice(5, 7)) - 1;
  let previousDay = 0;
  return rows.map((row, i) => {
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
