/**
 * The CSV reading alone, with no bus and no stages, three ways over the same file:
 * - "parse + infer": sniff, infer the schema (roles, time format), then the parallel whole-file scan
 *   (parse and decode every row, event time included, in worker threads), which is how the app
 *   learns a file's exact profile;
 * - the single-thread reader a replay uses (`readCsvBatches`), after the same sniff and infer: the
 *   reference for the end-to-end replay;
 * - papaparse's own tokenizer (no decoding): what splitting every row into strings costs one thread.
 *   The replay's reader pays it; the scan reads plain rows in place (plainRowReader) and does not.
 * Peak memory is the process's RSS while the parallel scan runs, its worker threads included.
 */
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createBlockParser } from '../electron/engine/source/blockParser';
import { readCsvBatches } from '../electron/engine/source/csvBatchReader';
import { scanFile } from '../electron/engine/source/fileScan/scanFile';
import { sniffCsv, type SniffedCsv } from '../electron/engine/source/sniffCsv';
import { resolveTableSchema, type TableSchema } from '../electron/engine/source/tableSchema';

export interface ParseMeasurement {
  /** The parallel scan (sniff + infer + scan). */
  rows: number;
  rowsPerSecond: number;
  megabytesPerSecond: number;
  peakRssMb: number;
  segments: number;
  /** The single-thread reader (sniff + infer + readCsvBatches). */
  singleThreadRowsPerSecond: number;
  singleThreadMegabytesPerSecond: number;
  tokenizerMegabytesPerSecond: number;
}

/** The scan worker as the app runs it: built by electron-vite next to the engine worker. */
const DEFAULT_SCAN_WORKER = join(resolve(__dirname, '..'), 'out', 'main', 'fileScanWorker.js');

async function tokenizerOnly(csvPath: string): Promise<number> {
  const started = performance.now();
  const parse = createBlockParser({ delimiter: ',', newline: '\n' });
  let pending = '';
  for await (const chunk of createReadStream(csvPath, { highWaterMark: 256 * 1024, encoding: 'utf8' }) as AsyncIterable<string>) {
    const text = pending + chunk;
    pending = text.slice(parse(text, false).cursor);
  }
  return (performance.now() - started) / 1000;
}

/** Sniff and infer, as opening a file does (the time-range estimate is left out: the scan gives it exactly). */
async function sniffAndInfer(csvPath: string): Promise<{ sniffed: SniffedCsv; schema: TableSchema }> {
  const sniffed = await sniffCsv(csvPath);
  return { sniffed, schema: resolveTableSchema(sniffed.names, sniffed.sampleRows, sniffed.dialect.delimiter, null) };
}

async function singleThreadReader(csvPath: string): Promise<{ rows: number; seconds: number }> {
  const started = performance.now();
  const { sniffed, schema } = await sniffAndInfer(csvPath);
  let rows = 0;
  for await (const batch of readCsvBatches({ path: csvPath, dialect: sniffed.dialect, schema })) {
    rows += batch.records.length + batch.rejected.length;
  }
  return { rows, seconds: (performance.now() - started) / 1000 };
}

export async function measureParseOnly(csvPath: string, scanWorkerPath = DEFAULT_SCAN_WORKER): Promise<ParseMeasurement> {
  if (!existsSync(scanWorkerPath)) throw new Error(`No scan worker at ${scanWorkerPath}: build first (npm run build).`);
  const megabytes = (await stat(csvPath)).size / 1e6;

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const { sniffed, schema } = await sniffAndInfer(csvPath);
  const profile = await scanFile({ path: csvPath, dialect: sniffed.dialect, schema, workerPath: scanWorkerPath });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);

  const single = await singleThreadReader(csvPath);
  if (single.rows !== profile.rows) throw new Error(`The scan counted ${profile.rows} rows, the reader ${single.rows}`);
  return {
    rows: profile.rows,
    rowsPerSecond: profile.rows / seconds,
    megabytesPerSecond: megabytes / seconds,
    peakRssMb: peakRss / 2 ** 20,
    segments: profile.segments,
    singleThreadRowsPerSecond: single.rows / single.seconds,
    singleThreadMegabytesPerSecond: megabytes / single.seconds,
    tokenizerMegabytesPerSecond: megabytes / (await tokenizerOnly(csvPath)),
  };
}
