/**
 * Opens a file with a column per time of day (unfoldWideFile.ts) or a column per counter
 * (counterColumns.ts) through its unfolded copy: the copy is written to a folder of its own under the system's temporary folder, and the caller
 * removes it (`remove`) once the file is closed. The page is shown the original's name with a note
 * that says how it was unfolded; everything else (columns, preview, roles, notes) is the copy's.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SchemaOverrides } from '../../../../shared/schema';
import { openSniffedFile } from '../openFile';
import type { OpenedFile } from '../openedFile';
import { sniffCsv } from '../sniffCsv';
import { clockText, unfoldWideFile, UNFOLDED_INTERVAL, UNFOLDED_TIME, UNFOLDED_VALUE, type UnfoldResult } from './unfoldWideFile';
import { detectWideLayout, type WideLayout } from './wideTimeOfDay';
import { counterColumns, detectCounterLayout, unfoldCounterFile, type CounterLayout } from './counterColumns';
import { detectMovementLayout } from './movementColumns';
import type { SniffedCsv } from '../sniffCsv';
import type { TableSchema } from '../tableSchema';

/**
 * Past this the file is read as it is: the copy is several times the original (each row's other
 * columns repeat per interval; 8 MB of quarter hours became 67 MB) and is written while the user
 * waits for the file to open (about a million records a second).
 */
export const MAX_UNFOLD_BYTES = 64 * 1024 * 1024;

export interface UnfoldedFile {
  opened: OpenedFile;
  /** Shows the copy opened again (other roles) as the original, with the note on how it was unfolded. */
  present(reopened: OpenedFile): OpenedFile;
  /** Removes the working copy. */
  remove(): Promise<void>;
}

const count = (n: number): string => n.toLocaleString('en-US');

/** Where each record's day comes from, for the note. */
function dayOf(layout: WideLayout): string {
  if (layout.dateColumn !== null) return JSON.stringify(layout.dateColumn);
  return `${layout.titleDate?.iso ?? ''}, the one day the file names, in ${JSON.stringify(layout.titleDate?.source ?? '')}`;
}

/** The lines of the file that could not be read, for the end of the note. */
function unreadableNote(result: UnfoldResult): string {
  if (result.unreadable === 0) return '';
  const lines = result.firstUnreadable.map((row) => `line ${row.line} (${row.reason})`).join(', ');
  const more = result.unreadable > result.firstUnreadable.length ? ', …' : '';
  return ` ${count(result.unreadable)} line${result.unreadable === 1 ? '' : 's'} of the file could not be read and ${result.unreadable === 1 ? 'is' : 'are'} not in it: ${lines}${more}.`;
}

function timeOfDayNote(original: OpenedFile, layout: WideLayout, result: UnfoldResult): string {
  const { intervals } = layout;
  const first = intervals[0]?.column.trim() ?? '';
  const last = intervals[intervals.length - 1]?.column.trim() ?? '';
  const numbered =
    layout.numberedFrom === 1 ? `, numbered from 1: ${JSON.stringify(first)} is the interval ending at ${clockText(layout.stepMs)}` : layout.numberedFrom === 0 ? `, numbered from 0: ${JSON.stringify(first)} starts at 00:00` : '';
  return (
    `Unfolded: one column per time of day (${intervals.length} columns, ${JSON.stringify(first)} … ${JSON.stringify(last)}${numbered}), so each of the file's ${count(result.rows)} rows ` +
    `became ${intervals.length} records (${count(result.records)} in all), each with its "${UNFOLDED_TIME}" (${dayOf(layout)} and the interval's start), ` +
    `"${UNFOLDED_INTERVAL}" (the column it came from) and "${UNFOLDED_VALUE}" (its count). ${original.info.name} itself is unchanged; a working copy is read.${unreadableNote(result)}`
  );
}

function countersNote(original: OpenedFile, unfolding: Extract<Unfolding, { kind: 'counters' | 'movements' }>, result: UnfoldResult): string {
  const { layout } = unfolding;
  const names = layout.counters.map((counter) => JSON.stringify(counter.column.trim()));
  const shown = names.length <= 4 ? names.join(', ') : `${names.slice(0, 3).join(', ')} … ${names[names.length - 1] ?? ''}`;
  const [label, value] = counterColumns(original.sniffed.names, layout).slice(-2);
  const what =
    unfolding.kind === 'counters'
      ? `one column per counter (${names.length} columns, ${shown})`
      : `one column per turning movement and no total (${names.length} columns, ${shown}): the graph and the windows add the movements up per intersection`;
  const labelRole = unfolding.kind === 'counters' ? 'the column it came from, the location' : 'the movement it came from';
  return (
    `Unfolded: ${what}, so each of the file's ${count(result.rows)} rows became ${names.length} records ` +
    `(${count(result.records)} in all), each with its "${label ?? ''}" (${labelRole}) and "${value ?? ''}" (its cell). ` +
    `${original.info.name} itself is unchanged; a working copy is read.${unreadableNote(result)}`
  );
}

/** How a file is unfolded: a column per time of day, per counter, or per turning movement. */
export type Unfolding = { kind: 'time-of-day'; layout: WideLayout } | { kind: 'counters' | 'movements'; layout: CounterLayout };

/** The unfolding a file needs, from what it is and what was inferred of it; null when none. */
export function detectUnfolding(sniffed: SniffedCsv, schema: TableSchema): Unfolding | null {
  const wide = detectWideLayout(sniffed.names, schema.time, sniffed.sampleRows, sniffed.titleLines);
  if (wide) return { kind: 'time-of-day', layout: wide };
  // Movement names (`NBL`, `Southbound Left`) say nothing of a quantity either: they are turns at one intersection, not counters.
  const movements = detectMovementLayout(schema);
  if (movements) return { kind: 'movements', layout: movements };
  const counters = detectCounterLayout(schema, sniffed.sampleRows);
  return counters ? { kind: 'counters', layout: counters } : null;
}

function movementRoles(schema: TableSchema, layout: CounterLayout, copyNames: readonly string[]): SchemaOverrides {
  const [label] = copyNames.slice(-2);
  const roles: SchemaOverrides['roles'] = { [label ?? layout.label]: 'category' };
  if (schema.location !== null) roles[schema.location] = 'location';
  return { roles, timeFormat: null, anchor: null };
}

/** The file opened through its unfolded copy, or null when it is not in that layout (or too big to copy). */
export async function openUnfolded(original: OpenedFile, recall: (headerKey: string[]) => Promise<SchemaOverrides | null>): Promise<UnfoldedFile | null> {
  const { sniffed } = original;
  const unfolding = detectUnfolding(sniffed, original.schema);
  if (unfolding === null || sniffed.sizeBytes > MAX_UNFOLD_BYTES) return null;
  const folder = await mkdtemp(join(tmpdir(), 'traffic-monitor-unfolded-'));
  const remove = (): Promise<void> => rm(folder, { recursive: true, force: true });
  try {
    const path = join(folder, sniffed.name.replace(/\.[^.]*$/, '') + ' (unfolded).csv');
    const result = unfolding.kind === 'time-of-day' ? await unfoldWideFile(sniffed, unfolding.layout, path) : await unfoldCounterFile(sniffed, unfolding.layout, path);
    const copy = await sniffCsv(path);
    const note = unfolding.kind === 'time-of-day' ? timeOfDayNote(original, unfolding.layout, result) : countersNote(original, unfolding, result);
    // The page shows the user's file: its name, size and encoding (the copy is always UTF-8).
    const present = (reopened: OpenedFile): OpenedFile => ({
      ...reopened,
      lineMap: result.lineMap,
      info: { ...reopened.info, name: sniffed.name, sizeBytes: sniffed.sizeBytes, encoding: original.info.encoding, notes: [note, ...reopened.info.notes] },
    });
    // The movements' intersection stays the location, and the movement never is (each repeats once per intersection and slot).
    const pinned = unfolding.kind === 'movements' ? movementRoles(original.schema, unfolding.layout, copy.names) : null;
    const recalled = await recall(copy.headerKey);
    const opened = await openSniffedFile(copy, recalled ?? pinned);
    // Roles pinned here are the unfolding's, not corrections the user made and the app remembered.
    const shown = recalled === null && pinned !== null ? { ...opened, info: { ...opened.info, rolesRemembered: false } } : opened;
    return { opened: present(shown), present, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
