/**
 * Test-only: a CSV file of sensor counts written newest first (as "latest first" exports are),
 * with the things a backward read must not lose: rows a reader rejects (text in the count column),
 * a quoted note running over two lines, and a line whose quote never closes followed by a good row.
 * Every expectation a test checks is computed here from the rows as written, never by the engine.
 */
import type { SchemaOverrides } from '../../../../shared/schema';
import { seededInts } from '../../testing/trafficFixture';

export const NEWEST_FIRST_HEADER = 'timestamp,junction,vehicles,note';
export const NEWEST_FIRST_OVERRIDES: SchemaOverrides = {
  roles: { timestamp: 'timestamp', junction: 'location', vehicles: 'measure', note: 'category' },
  timeFormat: null,
  anchor: null,
};
export const NEWEST_FIRST_START = Date.UTC(2025, 2, 1);
export const NEWEST_FIRST_STEP_MS = 15 * 60_000;

export interface NewestFirstRow {
  /** The line the row starts on (1 = the header). */
  line: number;
  junction: string;
  /** Null for a row the reader rejects. */
  time: number | null;
  vehicles: number;
  note: string;
}

export interface NewestFirstFile {
  text: string;
  /** Every data row, in file order (newest first). */
  rows: NewestFirstRow[];
}

/**
 * `slots` time slots for each of `junctions`, newest slot first. Every `rejectEvery`-th row has
 * "12abc" for its count, every `multilineEvery`-th a note over two lines, and `brokenAt` (row
 * indexes) rows end with a quote that never closes (each followed by an ordinary row).
 */
export function newestFirstFile(options: { junctions: number; slots: number; rejectEvery: number; multilineEvery: number; brokenAt: readonly number[] }): NewestFirstFile {
  const next = seededInts(23);
  const broken = new Set(options.brokenAt);
  let text = `${NEWEST_FIRST_HEADER}\n`;
  let line = 2;
  const rows: NewestFirstRow[] = [];
  for (let slot = options.slots - 1; slot >= 0; slot--) {
    for (let j = 0; j < options.junctions; j++) {
      const index = rows.length;
      const time = NEWEST_FIRST_START + slot * NEWEST_FIRST_STEP_MS;
      const junction = `J${j + 1}`;
      const vehicles = next(500);
      const rejected = index % options.rejectEvery === options.rejectEvery - 1 || broken.has(index);
      const multiline = !broken.has(index) && index % options.multilineEvery === options.multilineEvery - 1;
      const note = multiline ? 'lane closed\nreopened' : `n${index}`;
      const noteField = broken.has(index) ? '"broken note' : multiline ? `"${note}"` : note;
      const count = rejected && !broken.has(index) ? '12abc' : String(vehicles);
      text += `${new Date(time).toISOString()},${junction},${count},${noteField}\n`;
      rows.push({ line, junction, time: rejected ? null : time, vehicles, note });
      line += multiline ? 2 : 1;
    }
  }
  return { text, rows };
}
