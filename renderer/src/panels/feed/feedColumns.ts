/**
 * Which columns the Live Feed shows, in which order. By default what a reader looks for first
 * comes first: the event time, the location, the main measure, then the other data columns, the
 * columns the event time was read from, and the bus's line and offset last (at 1440 px the measure
 * and the location used to be off-screen behind them). The user's order and hidden columns are
 * kept per header (the same columns in the same order), so each kind of file keeps its own.
 */
import type { FileInfo } from '../../../../shared/contract';

/** 'line', 'offset', 'time' (the event time), or 'c:' and a data column's name. */
export type FeedColumnKey = string;

export interface FeedColumnPrefs {
  order: FeedColumnKey[];
  hidden: FeedColumnKey[];
}

export const dataKey = (name: string): FeedColumnKey => `c:${name}`;

/** The header a preference belongs to: the column names in file order. */
export function headerKey(file: Pick<FileInfo, 'columns'>): string {
  return file.columns.map((column) => column.name).join('\u0001');
}

export function defaultOrder(file: Pick<FileInfo, 'columns' | 'time' | 'location' | 'measure'>): FeedColumnKey[] {
  const first = [file.location, file.measure].filter((name): name is string => name !== null && file.columns.some((column) => column.name === name));
  const timeSources = file.columns.filter((column) => column.role === 'timestamp' && !first.includes(column.name)).map((column) => column.name);
  const rest = file.columns.map((column) => column.name).filter((name) => !first.includes(name) && !timeSources.includes(name));
  return [...(file.time !== null ? ['time'] : []), ...[...new Set(first)].map(dataKey), ...rest.map(dataKey), ...timeSources.map(dataKey), 'line', 'offset'];
}

/**
 * The columns to draw: the saved order where it names columns this file has, then any column it
 * does not know in the default order; hidden ones left out (never all of them).
 */
export function shownColumns(defaults: readonly FeedColumnKey[], prefs: FeedColumnPrefs | undefined): FeedColumnKey[] {
  const ordered = orderedColumns(defaults, prefs);
  const shown = ordered.filter((key) => !(prefs?.hidden ?? []).includes(key));
  return shown.length > 0 ? shown : ordered.slice(0, 1);
}

/** Every column, in the user's order (hidden ones included). */
export function orderedColumns(defaults: readonly FeedColumnKey[], prefs: FeedColumnPrefs | undefined): FeedColumnKey[] {
  const known = new Set(defaults);
  const saved = (prefs?.order ?? []).filter((key) => known.has(key));
  return [...new Set([...saved, ...defaults])];
}

/** Moves a column one place earlier (-1) or later (+1) in the full order. */
export function moveColumn(order: readonly FeedColumnKey[], key: FeedColumnKey, by: -1 | 1): FeedColumnKey[] {
  const from = order.indexOf(key);
  const to = from + by;
  if (from === -1 || to < 0 || to >= order.length) return [...order];
  const next = [...order];
  next.splice(from, 1);
  next.splice(to, 0, key);
  return next;
}
