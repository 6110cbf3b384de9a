/**
 * The CSV reader alone, with no bus and no stages: sniff, infer the schema (roles, time format),
 * then parse and decode every row including its event time. The reference for the end-to-end
 * figure, and the "parse + infer" throughput figure itself.
 */
import { stat } from 'node:fs/promises';
import { readCsvBatches } from '../electron/engine/source/csvBatchReader';
import { openSniffedFile } from '../electron/engine/source/openFile';
import { sniffCsv } from '../electron/engine/source/sniffCsv';

export interface ParseMeasurement {
  rows: number;
  rowsPerSecond: number;
  megabytesPerSecond: number;
}

export async function measureParseOnly(csvPath: string): Promise<ParseMeasurement> {
  const started = performance.now();
  const { sniffed, schema } = await openSniffedFile(await sniffCsv(csvPath), null);
  let rows = 0;
  for await (const batch of readCsvBatches({ path: csvPath, dialect: sniffed.dialect, schema })) {
    rows += batch.records.length + batch.rejected.length;
  }
  const seconds = (performance.now() - started) / 1000;
  const bytes = (await stat(csvPath)).size;
  return { rows, rowsPerSecond: rows / seconds, megabytesPerSecond: bytes / 1e6 / seconds };
}
