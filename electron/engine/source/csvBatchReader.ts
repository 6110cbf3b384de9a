/**
 * Streams a CSV file as batches of typed records and rejected rows, holding only one block of
 * text at a time. Parsing is papaparse's low-level parser driven block by block (the same way its
 * own streamer works), which keeps line numbers exact and lets the caller pull at its own pace.
 */
import { createReadStream } from 'node:fs';
import type { RejectedRow } from '../../../shared/contract';
import type { TrafficRecord } from '../../../shared/records';
import { headerPosition, type CsvDialect } from './csvDialect';
import { createBlockParser } from './blockParser';
import { countChar, hasBareLineFeed, MAX_REJECTED_TEXT, MAX_ROW_CHARS } from './csvText';
import { RowDecoder } from './rowDecoder';
import type { TableSchema } from './tableSchema';
import { INVALID_BYTES_MARK, shownText, textCodecFor } from './textCodec';
import type { SplitTimelineState } from './time/splitTimeline';

/** Where a block of rows starts, with everything needed to resume reading exactly there. */
export interface ReaderCheckpoint {
  /** Byte offset of the first row of the block (past the header). */
  byte: number;
  line: number;
  /** Data rows (accepted or rejected) before this point. */
  row: number;
  timeline: SplitTimelineState | null;
  /** Event time of the block's first accepted row, when the file has time. */
  firstTime: number | null;
}

/** Rows before this point are read (to keep the timeline right) but not emitted. */
export type SkipUntil = { kind: 'row'; row: number } | { kind: 'time'; time: number };

export interface CsvBatch {
  records: TrafficRecord[];
  rejected: RejectedRow[];
  /** Bytes of the file consumed so far (including this batch). */
  bytesRead: number;
  /** The state at the start of this batch's block. */
  checkpoint: ReaderCheckpoint;
  /** Data rows read so far, including skipped ones. */
  rowsSoFar: number;
  /** Rows passed over by `skipUntil` in this batch. */
  skipped: number;
}

const BLOCK_BYTES = 256 * 1024;
const RUNAWAY_REASON = 'unmatched quote: the quoted field never closes (row longer than 1 MB)';
const OVERLONG_REASON = 'row longer than 1 MB: no line break ends it within 1 MB, so it cannot be a row of this file';
const UNCLOSED_AT_END_REASON = 'unmatched quote: the quoted field never closes before the end of the file';

export interface CsvBatchReaderOptions {
  path: string;
  dialect: CsvDialect;
  schema: TableSchema;
  signal?: AbortSignal;
  /** Resume at a checkpoint from an earlier read of the same file instead of the start. */
  start?: ReaderCheckpoint;
  /** Stop reading at this byte (exclusive), treating it as the end of the file: a row boundary learnt from an earlier read. */
  end?: number;
  skipUntil?: SkipUntil;
}


export async function* readCsvBatches(options: CsvBatchReaderOptions): AsyncGenerator<CsvBatch> {
  const { dialect, start } = options;
  const lineBreak = dialect.newline === '\r' ? '\r' : '\n';
  const parse = createBlockParser({ ...dialect, columns: options.schema.columns.map((column) => column.name) });
  const rowDecoder = new RowDecoder(options.schema);
  if (start) rowDecoder.restore(start.timeline);
  const codec = textCodecFor(dialect.encoding);
  const invalidReason = codec.invalidReason;
  const decoder = codec.newDecoder();
  // A checkpoint at the header (byte 0, or past title lines) is a fresh start.
  const header = headerPosition(dialect);
  const resumed = start !== undefined && start.byte > header.byte;
  const from = resumed ? start : header;
  const stream = createReadStream(options.path, { highWaterMark: BLOCK_BYTES, signal: options.signal, start: from.byte, ...(options.end === undefined ? {} : { end: options.end - 1 }) });

  let pending = '';
  let bytesRead = from.byte;
  /** Bytes of the file turned into text so far: with `pending`, says where the next row starts. */
  let textBytes = from.byte;
  let line = from.line; // line where the next row starts; the header's at first
  let row = start?.row ?? 0;
  let headerSeen = resumed || dialect.headerless === true;
  let first = !resumed;
  let skipUntil = options.skipUntil ?? null;
  /** True while the rest of an over-long row (already rejected) is passed over up to its line break. */
  let discarding = false;

  function skips(record: TrafficRecord, rowIndex: number): boolean {
    if (!skipUntil) return false;
    const reached = skipUntil.kind === 'row' ? rowIndex >= skipUntil.row : record.time !== null && record.time >= skipUntil.time;
    if (reached) skipUntil = null;
    return !reached;
  }

  /** `blockStart`: the file offset where `text` begins (a row boundary). */
  function toBatch(text: string, isLast: boolean, blockStart: number): CsvBatch {
    const checkpoint: ReaderCheckpoint = {
      byte: blockStart,
      line,
      row,
      timeline: rowDecoder.snapshot(),
      firstTime: null,
    };
    const result = parse(text, isLast);
    const quoteErrors = new Map<number, string>();
    for (const error of result.errors) if (error.row !== undefined) quoteErrors.set(error.row, error.message);
    // Only a quoted field, or a bare LF in a CRLF file, puts a line break inside a row.
    const mayHaveBreaksInRows = text.includes('"') || (dialect.newline === '\r\n' && hasBareLineFeed(text));
    const mayHaveInvalidBytes = invalidReason !== null && text.includes(INVALID_BYTES_MARK);
    const records: TrafficRecord[] = [];
    const rejected: RejectedRow[] = [];
    let skipped = 0;
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
      const rowIndex = row++;
      // A row target is reached by a rejected row too; a time target only by a row with a time.
      if (skipUntil?.kind === 'row' && rowIndex >= skipUntil.row) skipUntil = null;
      const quoteError = quoteErrors.get(r);
      const decoded = quoteError
        ? { ok: false as const, reason: quoteError }
        : mayHaveInvalidBytes && fields.some((field) => field.includes(INVALID_BYTES_MARK))
          ? { ok: false as const, reason: invalidReason }
          : rowDecoder.decode(fields);
      if (decoded.ok) {
        const record: TrafficRecord = { line: rowLine, values: decoded.values, time: decoded.time };
        if (checkpoint.firstTime === null) checkpoint.firstTime = decoded.time;
        if (skips(record, rowIndex)) skipped++;
        else records.push(record);
      } else if (skipUntil) skipped++;
      else rejected.push({ line: rowLine, reason: decoded.reason, text: shownText(fields.join(dialect.delimiter).slice(0, MAX_REJECTED_TEXT)) });
    }
    pending = isLast ? '' : text.slice(result.cursor);
    return { records, rejected, bytesRead, checkpoint, rowsSoFar: row, skipped };
  }

  function opensUnclosedQuote(text: string): boolean {
    return parse(text, true).errors.some((error) => error.code === 'MissingQuotes');
  }

  /**
   * Rejects the first physical line of a runaway row and resumes after it. When that line has not
   * ended yet (one field over 1 MB), the rest of it is passed over as it arrives (`discarding`), so
   * it is one rejected row and the lines after it keep their numbers. Null when the row lies
   * before the seek target: it is counted as skipped in `batch`.
   */
  function rejectRunawayRow(reason: string, batch: CsvBatch): RejectedRow | null {
    const end = pending.indexOf(lineBreak);
    // lineBreak is the last character of the newline, so a CRLF line's text ends one earlier.
    const textEnd = end > 0 && dialect.newline === '\r\n' && pending[end - 1] === '\r' ? end - 1 : end;
    const text = end === -1 ? pending : pending.slice(0, textEnd);
    const rejectedRow: RejectedRow = { line, reason, text: shownText(text.slice(0, MAX_REJECTED_TEXT)) };
    // The next line starts right after lineBreak; skipping newline.length from it would eat the
    // first character of the next row in a CRLF file.
    pending = end === -1 ? '' : pending.slice(end + 1);
    if (end === -1) discarding = true;
    else line++;
    let skip = false;
    if (!headerSeen) {
      headerSeen = true;
      return null;
    }
    const rowIndex = row++;
    if (skipUntil?.kind === 'row' && rowIndex >= skipUntil.row) skipUntil = null;
    else skip = skipUntil !== null;
    batch.rowsSoFar = row;
    if (skip) {
      batch.skipped++;
      return null;
    }
    return rejectedRow;
  }

  /** Passes over the rest of a discarded row in `text`; the text after its line break, or null. */
  function afterDiscardedRow(text: string): string | null {
    const end = text.indexOf(lineBreak);
    if (end === -1) return null;
    discarding = false;
    line++;
    return text.slice(end + 1);
  }

  for await (const chunk of stream as AsyncIterable<Buffer>) {
    // Offsets come from bytes read, less the text not yet consumed as the file's encoding wrote
    // it. (In UTF-8 invalid bytes decode to a mark counted as 3 bytes: a checkpoint is off only if
    // such bytes sit in a row cut by a block boundary.)
    let blockStart = textBytes - codec.byteLength(pending);
    bytesRead += chunk.length;
    let text = decoder.write(chunk);
    textBytes = bytesRead - decoder.held;
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // its bytes still count in offsets
    }
    if (discarding) {
      const after = afterDiscardedRow(text);
      if (after === null) continue;
      blockStart = textBytes - codec.byteLength(after);
      text = after;
    }
    const batch = toBatch(pending + text, false, blockStart);
    if (pending.length > MAX_ROW_CHARS) {
      // A quote that opens and runs on, or simply a line that never ends: say which.
      const rejectedRow = rejectRunawayRow(pending.includes('"') ? RUNAWAY_REASON : OVERLONG_REASON, batch);
      if (rejectedRow) batch.rejected.push(rejectedRow);
    }
    if (batch.records.length > 0 || batch.rejected.length > 0 || batch.skipped > 0) yield batch;
  }
  // At the end of the file a quote that never closes would swallow every row after it into one
  // field; as for a runaway row mid-file, reject its first line and read on from the next.
  let rest = pending + decoder.end();
  if (discarding) rest = afterDiscardedRow(rest) ?? '';
  while (rest !== '') {
    const blockStart = bytesRead - codec.byteLength(rest);
    const batch = toBatch(rest, false, blockStart); // complete rows; `pending` is the last, unterminated one
    if (pending !== '' && opensUnclosedQuote(pending)) {
      const rejectedRow = rejectRunawayRow(UNCLOSED_AT_END_REASON, batch);
      if (rejectedRow) batch.rejected.push(rejectedRow);
      rest = pending;
    } else {
      const last = toBatch(pending, true, bytesRead - codec.byteLength(pending));
      batch.records.push(...last.records);
      batch.rejected.push(...last.rejected);
      batch.skipped += last.skipped;
      batch.rowsSoFar = last.rowsSoFar;
      rest = '';
    }
    if (batch.records.length > 0 || batch.rejected.length > 0 || batch.skipped > 0) yield batch;
  }
}
