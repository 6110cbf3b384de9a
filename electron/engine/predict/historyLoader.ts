/**
 * Reads the rows the model trains on before the stream: the open file's first days, or another
 * CSV with the same columns (matched by name). Runs in the prediction worker, so reading never
 * competes with the replay on the engine's thread.
 */
import type { HistorySource } from '../../../shared/predict/predictContract';
import { readCsvBatches, replaySourceOf } from '../source';
import { openSniffedFile } from '../source';
import { sniffCsv } from '../source';
import type { TableSchema } from '../source';
import type { TrafficRecord } from '../../../shared/records';
import { BatchPacker, type PackLayout } from './batchPacker';
import type { PredictBatch, PredictInput } from './predictBatch';
import type { StreamFile } from './predictWorkerMessages';
import { WORKER_BATCH_ROWS } from '../workerBatching';

/** The model's history is capped here anyway; reading stops once this many rows are in. */
export const HISTORY_MAX_ROWS = 200_000;
const DAY_MS = 86_400_000;

export interface HistoryBatchSink {
  (batch: PredictBatch, newLocations: string[]): void;
}

export interface HistoryResult {
  rows: number;
  /** What was read, in plain words, for the panel ("first 7 days of sample.csv"). */
  description: string;
}

/** The stream's columns looked up by name in a history file's schema; a missing numeric column reads as missing values. */
function layoutByName(schema: TableSchema, input: PredictInput, locationColumn: string | null): PackLayout {
  const names = schema.columns.map((column) => column.name);
  return {
    input,
    locationIndex: locationColumn === null ? -1 : names.indexOf(locationColumn),
    numericIndexes: input.numericColumns.map((name) => names.indexOf(name)),
  };
}

async function readRows(
  batches: AsyncIterable<{ records: readonly TrafficRecord[] }>,
  layout: PackLayout,
  cutoff: number | null,
  onBatch: HistoryBatchSink,
): Promise<number> {
  const packer = new BatchPacker(layout, WORKER_BATCH_ROWS);
  let rows = 0;
  const flush = (): void => {
    const taken = packer.take();
    if (taken) onBatch(taken.batch, taken.newLocations);
  };
  reading: for await (const batch of batches) {
    for (const record of batch.records) {
      // Rows come in replay order, oldest first; the first row past the cutoff ends the history.
      if (cutoff !== null && record.time !== null && record.time >= cutoff) break reading;
      packer.add(record);
      rows++;
      if (packer.full) flush();
      if (rows >= HISTORY_MAX_ROWS) break reading;
    }
  }
  flush();
  return rows;
}

/** Reads the history `source` names; throws with a plain message when it cannot. */
export async function loadHistory(
  source: HistorySource,
  stream: { file: StreamFile | null; input: PredictInput; locationColumn: string | null },
  onBatch: HistoryBatchSink,
  signal: AbortSignal,
): Promise<HistoryResult> {
  if (source.kind === 'none') return { rows: 0, description: 'no history' };
  if (source.kind === 'fileDays') {
    const { file } = stream;
    if (!file) throw new Error('A watched topic has no file to take history from: choose another CSV or none.');
    if (!file.schema.time) throw new Error('The file has no timestamp, so it has no days to take as history.');
    const first = file.timeRange?.first ?? null;
    const span = file.timeRange ? file.timeRange.last - file.timeRange.first : Number.POSITIVE_INFINITY;
    // Never more than half the file: the rest is what the model is scored on.
    const days = Math.min(source.days, span / 2 / DAY_MS);
    const cutoff = first === null ? null : first + days * DAY_MS;
    const layout = layoutByName(file.schema, stream.input, stream.locationColumn);
    // In the replay's order, not the file's: Berlin's detector file is grouped by detector, so its
    // top held one detector's first week (164 rows of 13 detectors'), and Fremont's counts run
    // newest first, so its first row was already past the cutoff (0 rows).
    const ordered = replaySourceOf(file);
    let rows: number;
    try {
      rows = await readRows(ordered.rows(null, signal), layout, cutoff, onBatch);
    } finally {
      ordered.dispose?.();
    }
    const daysText = days === source.days ? `${days} day${days === 1 ? '' : 's'}` : `${days.toFixed(1)} days (half the file; ${source.days} asked)`;
    return { rows, description: `first ${daysText} of the file` };
  }
  const sniffed = await sniffCsv(source.path);
  const opened = await openSniffedFile(sniffed, null);
  const names = opened.schema.columns.map((column) => column.name);
  const missing = stream.input.numericColumns.filter((name) => !names.includes(name));
  if (missing.length === stream.input.numericColumns.length) {
    throw new Error(`${sniffed.name} has none of the stream's numeric columns (${stream.input.numericColumns.join(', ')}).`);
  }
  if (stream.locationColumn !== null && !names.includes(stream.locationColumn)) {
    throw new Error(`${sniffed.name} has no column “${stream.locationColumn}”, which names the locations.`);
  }
  if (stream.input.hasTime && !opened.schema.time) throw new Error(`${sniffed.name} has no timestamp column.`);
  const layout = layoutByName(opened.schema, stream.input, stream.locationColumn);
  const rows = await readRows(readCsvBatches({ path: sniffed.path, dialect: sniffed.dialect, schema: opened.schema, signal }), layout, null, onBatch);
  return { rows, description: `${sniffed.name}${missing.length > 0 ? ` (without ${missing.join(', ')})` : ''}` };
}
