/**
 * Turns a result into chart series: which columns can be plotted, sensible defaults, and an
 * evenly thinned set of points so a chart never draws more than about a thousand of them.
 */
import type { CellValue } from '../../../../shared/records';
import { plainCell } from './cellText';
import type { ResultRow } from './pageCache';

export const CHART_MAX_POINTS = 1000;

export type ChartKind = 'line' | 'bar';

export interface ChartSettings {
  kind: ChartKind;
  /** Column names; null: use the defaults for the current result. */
  x: string | null;
  y: string[] | null;
}

/** Columns whose held values are all numbers (nulls aside), with at least one number. */
export function numericColumns(columns: readonly string[], rows: readonly ResultRow[]): string[] {
  return columns.filter((_, index) => {
    let sawNumber = false;
    for (const row of rows) {
      const value = row[index];
      if (value === null || value === undefined) continue;
      if (typeof value !== 'number') return false;
      sawNumber = true;
    }
    return sawNumber;
  });
}

/**
 * x: the chosen column if the result still has it, else the first column. y: the chosen
 * numeric columns still present, else the first numeric column other than x.
 */
export function resolveAxes(settings: ChartSettings, columns: readonly string[], rows: readonly ResultRow[]): { x: string | null; y: string[] } {
  const x = settings.x !== null && columns.includes(settings.x) ? settings.x : (columns[0] ?? null);
  const numeric = numericColumns(columns, rows);
  const chosen = (settings.y ?? []).filter((name) => numeric.includes(name) && name !== x);
  if (chosen.length > 0) return { x, y: chosen };
  const first = numeric.find((name) => name !== x);
  return { x, y: first === undefined ? [] : [first] };
}

/** At most `max` items spread evenly over the list, first and last included. */
export function downsampleEvenly<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return items.slice();
  if (max <= 1) return items.slice(0, Math.max(0, max));
  const picked: T[] = [];
  const step = (items.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) picked.push(items[Math.round(i * step)] as T);
  return picked;
}

/** Recharts reads keys with dots as paths, so series get positional keys and keep their names as labels. */
export type ChartPoint = Record<string, CellValue>;
export const X_KEY = 'x';
export const seriesKey = (index: number): string => `y${index}`;

export interface ChartData {
  points: ChartPoint[];
  /** Rows the points were taken from (more than points.length when thinned). */
  sourceRows: number;
  sampled: boolean;
}

export function chartData(columns: readonly string[], rows: readonly ResultRow[], x: string, y: readonly string[], max = CHART_MAX_POINTS): ChartData {
  const xIndex = columns.indexOf(x);
  const yIndexes = y.map((name) => columns.indexOf(name));
  const picked = downsampleEvenly(rows, max);
  const points = picked.map((row) => {
    const point: ChartPoint = { [X_KEY]: plainCell(row[xIndex]) };
    yIndexes.forEach((column, series) => {
      point[seriesKey(series)] = plainCell(row[column]);
    });
    return point;
  });
  return { points, sourceRows: rows.length, sampled: picked.length < rows.length };
}

/** Says what part of the result the chart shows, or null when it shows every row. */
export function chartNote(data: ChartData, resultRows: number): string | null {
  const parts: string[] = [];
  if (data.sourceRows < resultRows) parts.push(`first ${data.sourceRows.toLocaleString('en-US')} of ${resultRows.toLocaleString('en-US')} rows`);
  if (data.sampled) parts.push(`${data.points.length.toLocaleString('en-US')} points evenly sampled from ${data.sourceRows.toLocaleString('en-US')} rows`);
  return parts.length === 0 ? null : `Chart of ${parts.join('; ')}`;
}
