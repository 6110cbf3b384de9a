/**
 * Streams a CSV file as batches of typed records and rejected rows, holding only one block of
 * text at a time. Parsing is papaparse's low-level parser driven block by block (the same way its
 * own streamer works), which keeps line numbers exact and lets the caller pull at its own pace.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { RejectedRow } from '../../../shared/contract';
import type { ColumnInfo, TrafficRecord } from '../../../shared/records';
import type { CsvDialect } from './csvDialect';
import { createBlockParser } from './blockParser';
import { decodeRow } from './decodeRow';

export interface CsvBatch {
  records: TrafficRecord[];
  rejected: RejectedRow[];
  /** Bytes of the file consumed so far (including this batch). */
  bytesRead: number;
}

const BLOCK_BYTES = 256 * 1024;
/** No real row is this long; a longer pending row means an unmatched quote swallowed the file. */
const MAX_ROW_CHARS = 1024 * 1024;
const MAX_REJECTED_TEXT = 200;
const RUNAWAY_REASON = 'unmatched quote: the quoted field never closes (row longer than 1 MB)';
const UNCLOSED_AT_END_REASON = 'unmatched quote: the quoted field never closes before the end of the file';

export interface CsvBatchReaderOptions {
  path: string;
  dialect: CsvDialect;
  columns: readonly ColumnInfo[];
  signal?: AbortSignal;
}

function countChar(text: string, char: string): number {
  let count = 0;
  let index = text.indexOf(char);
  while (index !== -1) {
    count++;
    index = text.indexOf(char, index + 1);
  }
  return count;
}

export async function* readCsvBatches(options: CsvBatchReaderOptions): AsyncGenerator<CsvBatch> {
  const { dialect, columns } = options;
  const lineBreak = dialect.newline === '\r' ? '\r' : '\n';
  const parse = createBlockParser(dialect);
  const decoder = new StringDecoder('utf8');
  const stream = createReadStream(options.path, { highWaterMark: BLOCK_BYTES, signal: options.signal });

  let pending = '';
  let bytesRead = 0;
  let line = 1; // line where the next row starts; line 1 is the header
  let headerSeen = false;
  let first = true;

  function toBatch(text: string, isLast: boolean): CsvBatch {
    const result = parse(text, isLast);
    const quoteErrors = new Map<number, string>();
    for (const error of result.errors) if (error.row !== undefined) quoteErrors.set(error.row, error.message);
    const mayHaveQuotes = text.includes('"');
    const records: TrafficRecord[] = [];
    const rejected: RejectedRow[] = [];
    const rows = result.rows;
    for (let r = 0; r < rows.length; r++) {
      const fields = rows[r] as string[];
      const rowLine = line;
      line += mayHaveQuotes ? 1 + countChar(fields.join(''), lineBreak) : 1;
      if (fields.length === 1 && fields[0] === '') continue; // blank line: not a row
      if (!headerSeen) {
        headerSeen = true;
        continue;
      }
      const quoteError = quoteErrors.get(r);
      const decoded = quoteError
        ? { ok: false as const, reason: `malformed quotes: ${quoteError}` }
        : decodeRow(fields, columns);
      if (decoded.ok) records.push({ line: rowLine, values: decoded.values });
      else rejected.push({ line: rowLine, reason: decoded.reason, text: fields.join(dialect.delimiter).slice(0, MAX_REJECTED_TEXT) });
    }
    pending = isLast ? '' : text.slice(result.cursor);
    return { records, rejected, bytesRead };
  }

  function opensUnclosedQuote(text: string): boolean {
    return parse(text, true).errors.some((error) => error.code === 'MissingQuotes');
  }

  /** Rejects the first physical line of a runaway quoted row and resumes after it. */
  function rejectRunawayRow(reason: string): RejectedRow {
    const end = pending.indexOf(lineBreak);
    // lineBreak is the last character of the newline, so a CRLF line's text ends one earlier.
    const textEnd = end > 0 && dialect.newline === '\r\n' && pending[end - 1] === '\r' ? end - 1 : end;
    const text = end === -1 ? pending : pending.slice(0, textEnd);
    const row: RejectedRow = { line, reason, text: text.slice(0, MAX_REJECTED_TEXT) };
    // The next line starts right after lineBreak; skipping newline.length from it would eat the
    // first character of the next row in a CRLF file.
    pending = end === -1 ? '' : pending.slice(end + 1);
    line++;
    if (!headerSeen) headerSeen = true;
    return row;
  }

  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    let text = decoder.write(chunk);
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const batch = toBatch(pending + text, false);
    if (pending.length > MAX_ROW_CHARS) batch.rejected.push(rejectRunawayRow(RUNAWAY_REASON));
    if (batch.records.length > 0 || batch.rejected.length > 0) yield batch;
  }
  // At the end of the file a quote that never closes would swallow every row after it into one
  // field; as for a runaway row mid-file, reject its first line and read on from the next.
  let rest = pending + decoder.end();
  while (rest !== '') {
    const batch = toBatch(rest, false); // complete rows; `pending` is the last, unterminated one
    if (pending !== '' && opensUnclosedQuote(pending)) {
      batch.rejected.push(rejectRunawayRow(UNCLOSED_AT_END_REASON));
      rest = pending;
    } else {
      const last = toBatch(pending, true);
      batch.records.push(...last.records);
      batch.rejected.push(...last.rejected);
      rest = '';
    }
    if (batch.records.length > 0 || batch.rejected.length > 0) yield batch;
  }
}
