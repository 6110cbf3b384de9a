/** The reference for the end-to-end figure: the same CSV reader alone, with no bus and no stages. */
import { readCsvBatches } from '../electron/engine/source/csvBatchReader';
import { sniffCsv } from '../electron/engine/source/sniffCsv';

export async function measureParseOnly(csvPath: string): Promise<{ rows: number; rowsPerSecond: number }> {
  const { dialect, columns } = await sniffCsv(csvPath);
  const started = performance.now();
  let rows = 0;
  for await (const batch of readCsvBatches({ path: csvPath, dialect, columns })) rows += batch.records.length + batch.rejected.length;
  return { rows, rowsPerSecond: rows / ((performance.now() - started) / 1000) };
}
