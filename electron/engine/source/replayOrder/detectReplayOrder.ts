/**
 * Decides, as a file opens, the order its rows are replayed in. Most files are written in time
 * order and are replayed as written. Many exports are sorted by location, then time (all of one
 * junction's months, then the next junction's): replayed as written, the data's clock would jump
 * back at every new location. Such a file is replayed merged by time from its per-location runs
 * (see mergedRunsSource), or, where that is not possible, in file order with a note saying why.
 *
 * The first block (already read by the sniffer) tells most files apart at no cost: rows in time
 * order with locations taking turns are an ordinary file. A head whose location changes rarely,
 * or whose time goes back where the location changes, is bisected to find the runs.
 */
import type { ReplayOrderInfo } from '../../../../shared/contract';
import type { TimeOrder } from '../../../../shared/schema';
import type { SniffedCsv } from '../sniffCsv';
import type { TimedRow } from '../time/timedSample';
import type { TableSchema } from '../tableSchema';
import { findLocationRuns, type LocationRun } from './findLocationRuns';
import { RowProbe } from './rowProbe';

/**
 * Runs a merge holds open at once. Each holds one reader block: 256 KB of text and its parsed rows,
 * about 2.5 MB live (measured: 4 runs 27 MB, 16 runs 60 MB, whatever the file's size), so 32 runs
 * stay under about 80 MB.
 */
export const MAX_MERGED_RUNS = 32;

export type ReplayOrder =
  | { kind: 'file'; /** Why a file that looks grouped is replayed as written; null for an ordinary file. */ note: string | null }
  /** `newestFirst`: every run is written newest first and is read from its end (reversedFileSource over its bytes). */
  | { kind: 'merged'; runs: LocationRun[]; note: string; newestFirst: boolean }
  | { kind: 'reversed'; note: string };

const FILE_ORDER: ReplayOrder = { kind: 'file', note: null };
/** A file written newest first is replayed from its end (reversedFileSource): time runs forwards, as the data happened. */
const REVERSED: ReplayOrder = { kind: 'reversed', note: 'Rows run newest first: replayed oldest first, as they happened.' };

interface HeadOrder {
  rows: number;
  /** Rows whose location differs from the row before. */
  changes: number;
  /** Of those, rows whose time is earlier than the row before's. */
  backAtChange: number;
  /** Rows earlier than the row before at the same location. */
  backWithin: number;
}

function headOrder(head: readonly TimedRow[]): HeadOrder {
  const order: HeadOrder = { rows: head.length, changes: 0, backAtChange: 0, backWithin: 0 };
  for (let i = 1; i < head.length; i++) {
    const previous = head[i - 1] as TimedRow;
    const row = head[i] as TimedRow;
    const back = row.time < previous.time;
    if (row.location !== previous.location) {
      order.changes++;
      if (back) order.backAtChange++;
    } else if (back) order.backWithin++;
  }
  return order;
}

const tooManyNote = (): string => `Grouped by location in more than ${MAX_MERGED_RUNS} runs: replayed in file order, so its clock jumps back at each new run.`;
const unorderedNote = (location: string | null): string =>
  `Grouped by location, but the rows of ${location === null ? 'a location' : `location ${location}`} are not in time order: replayed in file order.`;

/**
 * `head`: the first block's timed rows (time/timedSample.ts).
 * `timeOrder`: which way the first block's time runs (source/time/timeOrder). A file written newest
 * first is replayed backwards; its time going back is its order, not a sign of grouping gone wrong.
 */
export async function detectReplayOrder(file: SniffedCsv, schema: TableSchema, head: readonly TimedRow[], timeOrder: TimeOrder | null = null): Promise<ReplayOrder> {
  if (timeOrder === 'descending') return newestFirstOrder(file, schema, head);
  // The split form's month is placed while reading in file order, so only a full date can be merged.
  if ((schema.time?.kind !== 'column' && schema.time?.kind !== 'parts') || schema.location === null) return FILE_ORDER;
  const steps = headOrder(head);
  if (steps.rows < 2) return FILE_ORDER;
  // Out of order within a location: say so only where the file looks grouped (few long runs).
  if (steps.backWithin > 0) return steps.changes < MAX_MERGED_RUNS ? { kind: 'file', note: unorderedNote(null) } : FILE_ORDER;
  // Many changes of location that mostly go back in time are many runs; locations taking turns
  // in time order go back only where the clock does (an autumn hour written twice in local time).
  if (steps.changes >= MAX_MERGED_RUNS) return steps.backAtChange * 2 >= steps.changes ? { kind: 'file', note: tooManyNote() } : FILE_ORDER;

  const probe = await RowProbe.open(file.path, file.sizeBytes, file.dialect, schema);
  if (!probe) return FILE_ORDER;
  try {
    const found = await findLocationRuns(probe, file.sizeBytes, MAX_MERGED_RUNS);
    switch (found.kind) {
      case 'unreadable':
        return FILE_ORDER;
      case 'too-many-runs':
        return { kind: 'file', note: tooManyNote() };
      case 'unordered-run':
        return { kind: 'file', note: unorderedNote(found.location) };
      case 'runs':
        return ordered(found.runs);
    }
  } catch {
    return FILE_ORDER; // a probe that cannot read leaves the file as written
  } finally {
    await probe.close();
  }
}

/** Runs that follow each other in time are already in replay order; any run going back means a merge. */
function ordered(runs: LocationRun[]): ReplayOrder {
  const goesBack = runs.some((run, i) => i > 0 && run.firstTime < (runs[i - 1] as LocationRun).lastTime);
  if (!goesBack) return FILE_ORDER;
  return { kind: 'merged', runs, note: `Grouped by location: ${runs.length} runs, replayed merged by time.`, newestFirst: false };
}

/**
 * A file whose first block runs newest first. Its locations taking turns (or one location) make an
 * ordinary newest-first file, read from its end. Few location changes may mean it is grouped by
 * location with each run newest first (an export sorted by location, then latest first): read from
 * the end, each run would come out oldest first but the clock would jump back at every new run, so
 * the runs are found as for a grouped file and merged by time, each read from its own end.
 */
async function newestFirstOrder(file: SniffedCsv, schema: TableSchema, head: readonly TimedRow[]): Promise<ReplayOrder> {
  if (schema.time === null || schema.location === null || headOrder(head).changes >= MAX_MERGED_RUNS) return REVERSED;
  const probe = await RowProbe.open(file.path, file.sizeBytes, file.dialect, schema);
  if (!probe) return REVERSED;
  try {
    const found = await findLocationRuns(probe, file.sizeBytes, MAX_MERGED_RUNS, true);
    if (found.kind === 'too-many-runs') return { kind: 'reversed', note: `${REVERSED.note} Grouped by location in more than ${MAX_MERGED_RUNS} runs: not merged by time, so its clock jumps back at each new run.` };
    if (found.kind !== 'runs') return REVERSED;
    // Read from the end, the runs come last one first: if each ends before the one before it in the file begins, that is time order.
    const runs = found.runs;
    const inOrderBackwards = runs.every((run, i) => i === 0 || (runs[i - 1] as LocationRun).firstTime >= run.lastTime);
    if (inOrderBackwards) return REVERSED;
    return { kind: 'merged', runs, newestFirst: true, note: `Grouped by location, each newest first: ${runs.length} runs, replayed merged by time, oldest first.` };
  } catch {
    return REVERSED; // a probe that cannot read leaves the file read from its end
  } finally {
    await probe.close();
  }
}

/** The merged replay's time span: from the earliest run's start to the latest run's end. */
export function mergedTimeRange(runs: readonly LocationRun[]): { first: number; last: number } {
  return { first: Math.min(...runs.map((run) => run.firstTime)), last: Math.max(...runs.map((run) => run.lastTime)) };
}

/** What the page is told about the order: nothing for an ordinary file. */
export function replayOrderInfo(order: ReplayOrder): { replayOrder?: ReplayOrderInfo } {
  if (order.kind === 'merged') return { replayOrder: { merged: true, ...(order.newestFirst ? { reversed: true as const } : {}), runs: order.runs.length, note: order.note } };
  if (order.kind === 'reversed') return { replayOrder: { merged: false, reversed: true, runs: null, note: order.note } };
  return order.note === null ? {} : { replayOrder: { merged: false, runs: null, note: order.note } };
}
