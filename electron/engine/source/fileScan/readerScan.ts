/**
 * The slow, sure way to scan a segment: through the app's own reader (`readCsvBatches`, resumed at
 * the segment's start), which also handles what the fast path leaves to it (a quoted field that
 * runs on for over a megabyte, a quote left open at the end of the file). Rows arrive a block at a
 * time, each block starting at a row boundary the reader knows; the block holding the segment's
 * end is parsed once more up to the end to learn whether a row ends exactly there.
 */
import { stat } from 'node:fs/promises';
import type { CellValue } from '../../../../shared/records';
import { readCsvBatches, type CsvBatch, type ReaderCheckpoint } from '../csvBatchReader';
import type { TableSchema } from '../tableSchema';
import { summarize, type SegmentSummary, type SegmentTask } from './segment';
import { lineAtRowBoundary } from './segmentCut';
import { MAX_REJECTED_TEXT } from '../csvText';
import { SegmentTotals } from './segmentTotals';
import { SplitRunCollector } from './splitRuns';

/** Every column as text: the reader then hands back each field as written ('' as null). */
function asText(schema: TableSchema): TableSchema {
  return { ...schema, columns: schema.columns.map((column) => ({ ...column, type: 'text' })), time: null };
}

function asFields(textValues: readonly CellValue[]): string[] {
  return textValues.map((value) => (value === null ? '' : String(value)));
}

export async function scanSegmentWithReader(task: SegmentTask, signal?: AbortSignal): Promise<SegmentSummary> {
  const { path, dialect } = task;
  const runs = task.schema.time?.kind === 'split' && task.timeline === undefined ? new SplitRunCollector(task.schema) : null;
  const totals = new SegmentTotals(task.schema);
  const start: ReaderCheckpoint = { byte: task.start, line: 1, row: 0, timeline: task.timeline ?? null, firstTime: null };
  const size = (await stat(path)).size;

  const add = (batch: CsvBatch, beforeLine = Number.POSITIVE_INFINITY): void => {
    for (const record of batch.records) {
      if (record.line >= beforeLine) break;
      if (!runs) {
        totals.accept(record.values, record.time);
        continue;
      }
      // Read as text (see asText): decode with the real schema now, without the month.
      const fields = asFields(record.values);
      const decoded = runs.decode(fields);
      if (decoded.ok) totals.accept(decoded.values, null);
      else totals.reject({ line: record.line, reason: decoded.reason, text: fields.join(dialect.delimiter).slice(0, MAX_REJECTED_TEXT) });
    }
    for (const row of batch.rejected) {
      if (row.line >= beforeLine) break;
      totals.reject(row);
    }
  };

  /** The batch read last: its rows may reach past `end`, which the next batch's start tells. */
  let held: CsvBatch | null = null;
  /** The last row boundary known before `end`: the held batch's start. */
  let boundary: { byte: number; line: number } = start;

  /** `next`: the first row boundary at or past `end` the reader reached; null at the end of the file. */
  async function finish(next: { byte: number; line: number } | null): Promise<SegmentSummary> {
    if (next?.byte === task.end) {
      if (held) add(held);
      return summarize(task, totals, runs, task.end, next.line - 1);
    }
    // The held rows surround `end`: keep those before it if a row ends exactly there.
    const line = task.end < size ? await lineAtRowBoundary(path, dialect, task.schema.columns.map((column) => column.name), boundary.byte, boundary.line, task.end) : null;
    if (line !== null) {
      if (held) add(held, line);
      return summarize(task, totals, runs, task.end, line - 1);
    }
    // A row runs on past `end`: finish it, and everything up to the next boundary the reader
    // knows, which is a true row start.
    if (held) add(held);
    return next ? summarize(task, totals, runs, next.byte, next.line - 1) : summarize(task, totals, runs, size, null);
  }

  if (task.start >= task.end) return summarize(task, totals, runs, task.start, 0);
  const reader = readCsvBatches({ path, dialect, schema: runs ? asText(task.schema) : task.schema, signal, start });
  try {
    for await (const batch of reader) {
      const checkpoint = batch.checkpoint;
      if (checkpoint.byte >= task.end) return await finish(checkpoint);
      if (held) add(held);
      held = batch;
      boundary = checkpoint;
    }
    return await finish(null);
  } finally {
    await reader.return(undefined);
  }
}
