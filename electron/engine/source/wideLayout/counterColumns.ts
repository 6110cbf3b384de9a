/**
 * A file with a column per counter: `Date;Berri 1;Côte-Sainte-Catherine;Maisonneuve 1;…` (Montréal's
 * bicycle counters), `,773869,767541,…` (METR-LA's sensors). Read as it is, every counter is a
 * measure of its own, the file has no location, and the graph, the per-location health checks,
 * profiles and windows have nothing to tell apart. Where the file has a time, no location column,
 * and at least three numeric columns whose names say nothing of a quantity (no count, class,
 * direction, total, speed, weather or calendar word: such columns are the counts of one place),
 * each counter's column is a place: the file is unfolded into a working copy with a record per
 * row and counter, `Counter` (the column's name) and `Value` (its cell: a count at a bicycle
 * counter, a speed in METR-LA; the names do not say which), the other columns kept.
 *
 * A counter's cells are counts or speeds, never below zero (a column of signed values is an
 * offset or a coordinate of the row). A minority of the counters may name what they count
 * (Ottawa's `ADAWE BIKE` beside `1_ALEX`, `2_ORPY`…), never a total, a confidence or a size.
 */
import { isGeneratedName } from '../headerNames';
import { namesNoQuantity, namesTrafficCount } from '../mainMeasure';
import { TOTAL_NAME } from '../mainMeasure';
import type { SniffedCsv } from '../sniffCsv';
import type { TableSchema } from '../tableSchema';
import { fieldWriter, freeNames, writeWorkingCopy, type UnfoldResult } from './workingCopy';

/** Fewer counters than this are as likely two directions or a before/after pair: read as they are. */
const MIN_COUNTERS = 3;
/** Rows whose records are written before their lines are noted as one group. */
const ROWS_PER_GROUP = 4096;

export const COUNTER_COLUMN = 'Counter';
export const COUNTER_VALUE = 'Value';

export interface CounterLayout {
  counters: { column: string; index: number }[];
  /** The copy's new columns: the one naming the column a record came from, and its cell. */
  label: string;
  value: string;
}

/** A number not below zero, as counters and speeds are written (a decimal point or comma allowed). */
const NOT_NEGATIVE = /^\+?(\d+([.,]\d*)?|[.,]\d+)$/;
/** Any other number: a negative one, or one in exponent form. */
const ANY_NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;

/**
 * True when no sampled number in column `index` is below zero. A stray text cell (the row of
 * descriptions some exports put under the header, rejected when read) is no number at all and is
 * passed over, if it is one of few.
 */
function holdsCounterValues(sampleRows: readonly (readonly string[])[], index: number): boolean {
  let text = 0;
  let filled = 0;
  for (const row of sampleRows) {
    const cell = (row[index] ?? '').trim();
    if (cell === '') continue;
    filled++;
    if (NOT_NEGATIVE.test(cell)) continue;
    if (ANY_NUMBER.test(cell)) return false;
    text++;
  }
  return text <= Math.max(1, filled * 0.02);
}

/** The counters to unfold, or null when the file is not in this layout. `sampleRows` are the first rows as written. */
export function detectCounterLayout(schema: TableSchema, sampleRows: readonly (readonly string[])[]): CounterLayout | null {
  if (schema.time === null || schema.location !== null) return null;
  const counters = schema.columns.flatMap((column, index) => (column.role === 'measure' ? [{ column: column.name, index }] : []));
  if (counters.length < MIN_COUNTERS) return null;
  // Names a file gave its columns say nothing of a quantity, but saying nothing is no sign of a
  // place when the app made the names up (a headerless radar log's `Column 2 … Column 5`).
  const unnamed = counters.filter(({ column, index }) => namesNoQuantity(column) && !isGeneratedName(column, index));
  const namedCounts = counters.filter(({ column }) => namesTrafficCount(column) && !TOTAL_NAME.test(column));
  if (unnamed.length + namedCounts.length < counters.length || namedCounts.length * 2 >= counters.length) return null;
  if (!counters.every(({ index }) => holdsCounterValues(sampleRows, index))) return null;
  return { counters, label: COUNTER_COLUMN, value: COUNTER_VALUE };
}

/** The copy's columns: the original's other columns, then the counter and its count. */
export function counterColumns(names: readonly string[], layout: CounterLayout): string[] {
  const counters = new Set(layout.counters.map((counter) => counter.index));
  const kept = names.filter((_, index) => !counters.has(index));
  const free = freeNames(kept);
  return [...kept, free(layout.label), free(layout.value)];
}

/** Writes the unfolded copy of `sniffed` to `target`: each row's counters one after another, so the copy keeps the file's order. */
export async function unfoldCounterFile(sniffed: SniffedCsv, layout: CounterLayout, target: string, signal?: AbortSignal): Promise<UnfoldResult> {
  const { names, dialect } = sniffed;
  const counters = new Set(layout.counters.map((counter) => counter.index));
  const keptIndexes = names.flatMap((_, index) => (counters.has(index) ? [] : [index]));
  const field = fieldWriter(dialect.delimiter);
  const counterNames = layout.counters.map((counter) => field(counter.column.trim()));
  const perRow = layout.counters.length;
  const result: UnfoldResult = { rows: 0, records: 0, unreadable: 0, firstUnreadable: [], lineMap: { groups: [] } };
  let copyLine = 2;
  let lines: number[] = [];
  const closeGroup = (): string => {
    if (lines.length === 0) return '';
    result.lineMap.groups.push({ copyStart: copyLine, lines, recordsPerRow: perRow });
    copyLine += lines.length * perRow;
    lines = [];
    return '';
  };
  const header = `${counterColumns(names, layout).map(field).join(dialect.delimiter)}\n`;
  const row = (values: (string | null)[], line: number): string => {
    const kept = keptIndexes.map((index) => field(values[index] ?? '')).join(dialect.delimiter);
    const before = kept === '' ? '' : `${kept}${dialect.delimiter}`;
    let text = '';
    for (const [c, counter] of layout.counters.entries()) text += `${before}${counterNames[c] as string}${dialect.delimiter}${field(values[counter.index] ?? '')}\n`;
    result.rows++;
    result.records += perRow;
    lines.push(line);
    if (lines.length >= ROWS_PER_GROUP) closeGroup();
    return text;
  };
  return Object.assign(result, await writeWorkingCopy(sniffed, target, header, row, closeGroup, signal));
}
