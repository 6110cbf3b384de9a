/**
 * The span of a file's event time, for the seek scrubber, without reading the file: the earliest
 * time in the first block and the latest in the last 64 KB. The replay widens it if the file turns
 * out to hold earlier or later rows.
 */
import { open } from 'node:fs/promises';
import { createBlockParser } from './blockParser';
import { RowDecoder } from './rowDecoder';
import type { SniffedCsv } from './sniffCsv';
import type { TableSchema } from './tableSchema';

const TAIL_BYTES = 64 * 1024;

export interface TimeRange {
  first: number;
  last: number;
}

function timesOf(rows: readonly string[][], decoder: RowDecoder): number[] {
  const times: number[] = [];
  for (const fields of rows) {
    const decoded = decoder.decode(fields);
    if (decoded.ok && decoded.time !== null) times.push(decoded.time);
  }
  return times;
}

async function readTailRows(file: SniffedCsv): Promise<string[][]> {
  const length = Math.min(TAIL_BYTES, file.sizeBytes);
  const handle = await open(file.path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, file.sizeBytes - length);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    const lineBreak = file.dialect.newline === '\r' ? '\r' : '\n';
    // The block starts mid-row (unless it is the whole file): drop up to the first line break.
    const fromRowStart = length < file.sizeBytes ? text.slice(text.indexOf(lineBreak) + 1) : text;
    const rows = createBlockParser(file.dialect)(fromRowStart, true).rows;
    return rows.filter((row) => row.length === file.names.length);
  } finally {
    await handle.close();
  }
}

export async function readTimeRange(file: SniffedCsv, schema: TableSchema): Promise<TimeRange | null> {
  if (!schema.time) return null;
  const headTimes = timesOf(file.sampleRows, new RowDecoder(schema));
  if (headTimes.length === 0) return null;
  const first = Math.min(...headTimes);
  let last = Math.max(...headTimes);
  const tailRows = await readTailRows(file).catch(() => []);
  let tailTimes = timesOf(tailRows, new RowDecoder(schema));
  // The split form has no month: a tail that seems to come before the start is in a later month.
  const time = schema.time;
  if (time.kind === 'split' && tailTimes.length > 0 && Math.max(...tailTimes) < first) {
    const nextMonth = time.anchorMonth === 12 ? { year: time.anchorYear + 1, month: 1 } : { year: time.anchorYear, month: time.anchorMonth + 1 };
    tailTimes = timesOf(tailRows, new RowDecoder({ ...schema, time: { ...time, anchorYear: nextMonth.year, anchorMonth: nextMonth.month } }));
  }
  if (tailTimes.length > 0) last = Math.max(last, ...tailTimes);
  return { first, last };
}
