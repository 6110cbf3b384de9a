/**
 * The CSV reader alone, with no bus and no stages: sniff, infer the schema (roles, time format),
 * then parse and decode every row including its event time. The "parse + infer" figure, and the
 * reference for the end-to-end replay. Also times papaparse's own tokenizer over the same file
 * (no decoding) as the ceiling the reader is built on.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createBlockParser } from '../electron/engine/source/blockParser';
import { readCsvBatches } from '../electron/engine/source/csvBatchReader';
import { openSniffedFile } from '../electron/engine/source/openFile';
import { sniffCsv } from '../electron/engine/source/sniffCsv';

export interface ParseMeasurement {
  rows: number;
  rowsPerSecond: number;
  megabytesPerSecond: number;
  peakRssMb: number;
  tokenizerMegabytesPerSecond: number;
}

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

export async function measureParseOnly(csvPath: string): Promise<ParseMeasurement> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const { sniffed, schema } = await openSniffedFile(await sniffCsv(csvPath), null);
  let rows = 0;
  for await (const batch of readCsvBatches({ path: csvPath, dialect: sniffed.dialect, schema })) {
    rows += batch.records.length + batch.rejected.length;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const megabytes = (await stat(csvPath)).size / 1e6;
  return {
    rows,
    rowsPerSecond: rows / seconds,
    megabytesPerSecond: megabytes / seconds,
    peakRssMb: peakRss / 2 ** 20,
    tokenizerMegabytesPerSecond: megabytes / (await tokenizerOnly(csvPath)),
  };
}
