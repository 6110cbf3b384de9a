/**
 * The span of a file's event time, for the seek scrubber, without reading the file: the earliest
 * and latest times in the first block and the last 64 KB (a file written newest first ends with
 * its earliest rows). The replay widens it if the file turns out to hold earlier or later rows.
 */
import { open } from 'node:fs/promises';
import { createBlockParser } from './blockParser';
import type { TimedRow } from './time/timedSample';
import { RowDecoder } from './rowDecoder';
import type { SniffedCsv } from './sniffCsv';
import type { TableSchema } from './tableSchema';
import { decodeBytes, textCodecFor } from './textCodec';
import { fitsWidth, withoutEmptyExtraFields } from './rowWidth';

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
  const codec = textCodecFor(file.dialect.encoding);
  // From the start of a code unit: a UTF-16 tail read from an odd offset would be nonsense.
  const start = file.sizeBytes - Math.min(TAIL_BYTES, file.sizeBytes);
  const from = start - (start % codec.unitBytes);
  const length = file.sizeBytes - from;
  const handle = await open(file.path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, from);
    const text = decodeBytes(codec, buffer.subarray(0, bytesRead));
    const lineBreak = file.dialect.newline === '\r' ? '\r' : '\n';
    // The block starts mid-row (unless it is the whole file): drop up to the first line break.
    const fromRowStart = length < file.sizeBytes ? text.slice(text.indexOf(lineBreak) + 1) : text;
    const rows = createBlockParser(file.dialect)(fromRowStart, true).rows;
    const width = file.names.length;
    return rows.filter((row) => fitsWidth(row, width)).map((row) => withoutEmptyExtraFields(row, width));
  } finally {
    await handle.close();
  }
}

/** `head`: the first block's timed rows (timedSample.ts). */
export async function readTimeRange(file: SniffedCsv, schema: TableSchema, head: readonly TimedRow[]): Promise<TimeRange | null> {
  if (!schema.time) return null;
  const headTimes = head.map((row) => row.time);
  if (headTimes.length === 0) return null;
  const headRange = { first: Math.min(...headTimes), last: Math.max(...headTimes) };
  const tailRows = await readTailRows(file).catch(() => []);
  const time = schema.time;
  const tailTimes = time.kind === 'split' ? splitTailTimes(tailRows, schema, time, file, headRange) : timesOf(tailRows, new RowDecoder(schema));
  if (tailTimes.length === 0) return headRange;
  // A file written newest first has its earliest rows at the end.
  return { first: Math.min(headRange.first, ...tailTimes), last: Math.max(headRange.last, ...tailTimes) };
}

/** Months tried for the tail of a split-form file: a few years of monthly exports in one file. */
const MAX_TAIL_MONTHS = 120;

/**
 * The split form has no month, so the tail's month is a guess: the one (from the anchor on, later
 * months for a file written oldest first, earlier ones for newest first) that puts the tail
 * nearest to where the file's size says it ends, going on at the head's pace. A tail whose days of
 * month also occur in the first month (a file from the 1st to the 22nd of the next month) would
 * otherwise be read as the first month.
 */
function splitTailTimes(
  tailRows: readonly string[][],
  schema: TableSchema,
  time: Extract<NonNullable<TableSchema['time']>, { kind: 'split' }>,
  file: SniffedCsv,
  head: TimeRange,
): number[] {
  const newestFirst = time.newestFirst === true;
  const span = (head.last - head.first) * Math.max(1, file.estimatedRows / Math.max(1, file.sampleRows.length));
  // Where the file's far end lies in time: its latest row (oldest first) or its earliest (newest first).
  const expectedEnd = newestFirst ? head.last - span : head.first + span;
  let best: number[] = [];
  let bestError = Number.POSITIVE_INFINITY;
  for (let k = 0; k <= MAX_TAIL_MONTHS; k++) {
    const months = time.anchorYear * 12 + (time.anchorMonth - 1) + (newestFirst ? -k : k);
    const anchorYear = Math.floor(months / 12);
    const anchorMonth = (months % 12) + 1;
    const times = timesOf(tailRows, new RowDecoder({ ...schema, time: { ...time, anchorYear, anchorMonth } }));
    if (times.length === 0) continue;
    const tailEnd = newestFirst ? Math.min(...times) : Math.max(...times);
    if (newestFirst ? tailEnd > head.first : tailEnd < head.last) continue; // the tail cannot end before the head begins
    const error = Math.abs(tailEnd - expectedEnd);
    if (error >= bestError) break; // months further on only move further away
    best = times;
    bestError = error;
  }
  return best;
}
