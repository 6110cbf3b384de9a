/**
 * Reads the rows of one byte range of a CSV file and sums them up: counts, the first rejected rows,
 * the event-time range and each numeric column's range. Pure (no threads): the coordinator runs it
 * in a worker, tests run it in-thread.
 *
 * This is the reader's own loop (readCsvBatches) without what a scan does not need: no record
 * objects, no batches, no checkpoints. It parses with the same block parser, decodes with the same
 * RowDecoder and rejects rows with the same checks and reasons, so its figures are the ones a
 * replay gives. What only the reader handles (a quoted field running on for over a megabyte, a
 * quote left open at the end of the file) it hands to the reader (readerScan).
 *
 * A segment owns the rows that start before `end`: bytes up to `end` are read first; if a row ends
 * exactly there the segment ends there. Otherwise a row crosses `end` (or the cut fell inside a
 * quoted field): reading goes on to the end of the next block with a complete row, and the segment
 * ends where that block's last complete row ends, a true row start. The coordinator then checks
 * that the next segment began exactly where this one ended.
 */
import { open, type FileHandle } from 'node:fs/promises';
import type { DecodedRecord } from '../rowDecoder';
import { RowDecoder } from '../rowDecoder';
import { createBlockParser } from '../blockParser';
import { headerPosition } from '../csvDialect';
import { countChar, hasBareLineFeed, MAX_REJECTED_TEXT, MAX_ROW_CHARS } from '../csvText';
import { INVALID_BYTES_MARK, shownText, textCodecFor } from '../textCodec';
import { scanSegmentWithReader } from './readerScan';
import { summarize, type SegmentSummary, type SegmentTask } from './segment';
import { SegmentTotals } from './segmentTotals';
import { PlainRowReader } from './plainRowReader';
import { SplitRunCollector } from './splitRuns';
import { handledElsewhere } from '../../supervision';

export type { SegmentSummary, SegmentTask } from './segment';

/**
 * Small blocks: the block's text and its parsed rows then stay in the CPU's cache while they are
 * decoded. Measured on the 1 GB bench file with the read-ahead below, 32 KB scanned about 10 %
 * faster than 64 KB (and 64 KB about 12 % faster than 256 KB before it); 16 KB was no better.
 */
const BLOCK_BYTES = 32 * 1024;

/** Signals a case for the reader (see readerScan). */
class NeedsReader extends Error {}


/**
 * The file from `start` in blocks, read into two reused buffers: the next block is read while the
 * current one is parsed, so the thread never sits idle waiting for the disk (or the page cache),
 * and each block is turned into text before its buffer is read into again. A scan of a large file
 * would otherwise allocate a gigabyte of buffers for the garbage collector to account for.
 */
async function* blocks(handle: FileHandle, start: number, signal?: AbortSignal): AsyncGenerator<Buffer> {
  /** The buffer the pending read fills, and the one handed out (already turned into text when the loop comes back). */
  let filling = Buffer.allocUnsafe(BLOCK_BYTES);
  let handedOut = Buffer.allocUnsafe(BLOCK_BYTES);
  let position = start;
  let reading = handle.read(filling, 0, BLOCK_BYTES, position);
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { bytesRead } = await reading;
      if (bytesRead === 0) return;
      position += bytesRead;
      [filling, handedOut] = [handedOut, filling];
      reading = handle.read(filling, 0, BLOCK_BYTES, position);
      yield handedOut.subarray(0, bytesRead);
    }
  } finally {
    // A scan that ends early leaves one read in flight: settle it before the file is closed.
    await reading.catch(handledElsewhere);
  }
}

export async function scanSegment(task: SegmentTask, signal?: AbortSignal): Promise<SegmentSummary> {
  try {
    return await scanFast(task, signal);
  } catch (error) {
    if (error instanceof NeedsReader) return scanSegmentWithReader(task, signal);
    throw error;
  }
}

async function scanFast(task: SegmentTask, signal?: AbortSignal): Promise<SegmentSummary> {
  const { dialect } = task;
  const lineBreak = dialect.newline === '\r' ? '\r' : '\n';
  const parse = createBlockParser({ ...dialect, columns: task.schema.columns.map((column) => column.name) });
  const runs = task.schema.time?.kind === 'split' && task.timeline === undefined ? new SplitRunCollector(task.schema) : null;
  const decoder = new RowDecoder(task.schema);
  if (task.timeline) decoder.restore(task.timeline);
  const decode = (fields: readonly string[]): DecodedRecord => (runs ? runs.decode(fields) : decoder.decode(fields));
  const timeOf = (fields: readonly string[]): number | string | null => (runs ? runs.timeOf(fields) : decoder.timeOf(fields));
  const plain =
    (dialect.newline === '\n' || dialect.newline === '\r\n') && !dialect.excelText && PlainRowReader.suits(dialect.delimiter, task.schema.decimalComma)
      ? new PlainRowReader(task.schema.columns, decoder.timeColumns(), dialect.delimiter)
      : null;
  const totals = new SegmentTotals(task.schema);
  const codec = textCodecFor(dialect.encoding);
  const invalidReason = codec.invalidReason;
  if (task.start >= task.end) return summarize(task, totals, runs, task.start, 0);

  let pending = '';
  const header = headerPosition(dialect);
  // Where the next row starts: line 1 is the segment's first, but the first segment starts at the
  // header, which title lines may push down the file (as the reader counts, csvBatchReader).
  let line = task.start > header.byte ? 1 : header.line;
  let headerSeen = task.start > header.byte || dialect.headerless === true;

  function tally(decoded: DecodedRecord, rowLine: number, rowText: () => string): void {
    if (decoded.ok) totals.accept(decoded.values, runs ? null : decoded.time);
    else totals.reject({ line: rowLine, reason: decoded.reason, text: shownText(rowText().slice(0, MAX_REJECTED_TEXT)) });
  }

  /**
   * `block` for text with no quote and no invalid byte, so every row is one line and splits as
   * papaparse splits it: rows are read in place (PlainRowReader); those it declines are split and
   * decoded as any other.
   */
  function plainBlock(reader: PlainRowReader, text: string): number {
    const newline = dialect.newline;
    const lastBreak = text.lastIndexOf(newline);
    let rows = 0;
    let start = 0;
    while (start <= lastBreak) {
      const end = text.indexOf(newline, start);
      rows++;
      const rowLine = line++;
      if (end === start) {
        // a blank line: not a row
      } else if (!headerSeen) {
        headerSeen = true;
      } else if (reader.read(text, start, end)) {
        const time = timeOf(reader.timeFields);
        if (typeof time === 'string') totals.reject({ line: rowLine, reason: time, text: text.slice(start, end).slice(0, MAX_REJECTED_TEXT) });
        else totals.accept(reader.values, runs ? null : time);
      } else {
        const fields = text.slice(start, end).split(dialect.delimiter);
        tally(decode(fields), rowLine, () => fields.join(dialect.delimiter));
      }
      start = end + newline.length;
    }
    pending = text.slice(start);
    if (pending.length > MAX_ROW_CHARS) throw new NeedsReader();
    return rows;
  }

  /** Parses `text` (starting at a row boundary) and counts or decodes every complete row in it. */
  function block(text: string, isLast: boolean): number {
    // Only a quoted field, or a bare LF in a CRLF file, puts a line break inside a row.
    const mayHaveBreaksInRows = text.includes('"') || (dialect.newline === '\r\n' && hasBareLineFeed(text));
    const mayHaveInvalidBytes = invalidReason !== null && text.includes(INVALID_BYTES_MARK);
    if (plain && !isLast && !mayHaveBreaksInRows && !mayHaveInvalidBytes) return plainBlock(plain, text);
    const result = parse(text, isLast);
    const quoteErrors = result.errors.length > 0 ? new Map(result.errors.map((error) => [error.row, error.message])) : null;
    const rows = result.rows;
    for (let r = 0; r < rows.length; r++) {
      const fields = rows[r] as string[];
      const rowLine = line;
      line += mayHaveBreaksInRows ? 1 + countChar(fields.join(''), lineBreak) : 1;
      if (fields.length === 1 && fields[0] === '') continue; // blank line: not a row
      if (!headerSeen) {
        headerSeen = true;
        continue;
      }
      const quoteError = quoteErrors?.get(r);
      const decoded: DecodedRecord = quoteError
        ? { ok: false, reason: quoteError }
        : mayHaveInvalidBytes && fields.some((field) => field.includes(INVALID_BYTES_MARK))
          ? { ok: false, reason: invalidReason }
          : decode(fields);
      tally(decoded, rowLine, () => fields.join(dialect.delimiter));
    }
    pending = isLast ? '' : text.slice(result.cursor);
    if (pending.length > MAX_ROW_CHARS) throw new NeedsReader();
    return rows.length;
  }

  const handle = await open(task.path, 'r');
  const text = codec.newDecoder();
  let position = task.start; // bytes read so far
  let textBytes = task.start; // of which turned into text: with `pending`, where the next row starts
  let crossing = false; // past `end`, finishing the row that crosses it
  try {
    for await (const raw of blocks(handle, task.start, signal)) {
      let chunk = raw;
      if (!crossing && position + chunk.length >= task.end) {
        // Up to `end` first: does a row end exactly there?
        const before = chunk.subarray(0, task.end - position);
        chunk = chunk.subarray(before.length);
        position += before.length;
        let head = text.write(before);
        if (task.start === 0 && textBytes === 0 && head.charCodeAt(0) === 0xfeff) head = head.slice(1);
        textBytes = position - text.held;
        block(pending + head, false);
        if (pending === '') return summarize(task, totals, runs, task.end, line - 1);
        crossing = true;
        if (chunk.length === 0) continue;
      }
      position += chunk.length;
      let body = text.write(chunk);
      if (task.start === 0 && textBytes === 0 && body.charCodeAt(0) === 0xfeff) body = body.slice(1); // its bytes still count
      textBytes = position - text.held;
      const complete = block(pending + body, false);
      // Byte offsets come from text length, which invalid UTF-8 (read as the mark) would throw off.
      if (crossing && complete > 0 && !pending.includes(INVALID_BYTES_MARK)) {
        return summarize(task, totals, runs, textBytes - codec.byteLength(pending), line - 1);
      }
    }
  } finally {
    await handle.close();
  }
  // The end of the file. As the reader does: the complete rows, then the last, unterminated one,
  // unless a quote left open swallowed it (the reader rejects its first line and reads on).
  block(pending + text.end(), false);
  if (pending !== '' && parse(pending, true).errors.some((error) => error.code === 'MissingQuotes')) throw new NeedsReader();
  block(pending, true);
  return summarize(task, totals, runs, position, null);
}
