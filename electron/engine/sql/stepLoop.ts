/**
 * What the SQL worker's loops share: turning SQLite values into cells, and giving the worker's
 * message loop a turn between slices of stepping so page requests are answered while a long
 * result is still being counted.
 */
import type { SqlValue } from 'sql.js';
import type { CellValue } from '../../../shared/records';

/** Rows between looks at the stop flags and the clock (cheap, but not free per row). */
export const CHECK_EVERY_ROWS = 256;
/** Longest stretch of stepping before the worker reads its messages. */
export const SLICE_MS = 25;

/** Blobs never cross as bytes: a result is for reading, and the page cannot show binary. */
export function toCells(values: SqlValue[]): CellValue[] {
  const cells = values as CellValue[];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value instanceof Uint8Array) cells[i] = `<blob ${value.length} bytes>`;
  }
  return cells;
}

/** setImmediate runs after pending I/O, so messages that arrived meanwhile are handled first. */
export function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** sql.js throws Errors from SQLite, but plain strings from its own checks ("Nothing to prepare"). */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
