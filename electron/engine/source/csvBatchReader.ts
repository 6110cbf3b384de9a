/**
 * Streams a CSV file as batches of typed records and rejected rows, holding only one block of
 * text at a time. Parsing is papaparse's low-level parser driven block by block (the same way its
 * own streamer works), which keeps line numbers exact and lets the caller pull at its own pace.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import Papa from 'papaparse';
import type { RejectedRow } from '../../../shared/contract';
import type { ColumnInfo, TrafficRecord } from '../../../shared/records';
import type { CsvDialect } from './csvDialect';
import { decodeRow } from './decodeRow';

export interface CsvBatch {
  records: TrafficRecord[];
  rejected: RejectedRow[];
  /** Bytes of the file consumed so far (including this batch). */
  bytesRead: number;
}

interface PapaError {
  row?: number;
  message: string;
}

interface PapaResult {
  data: string[][];
  errors: PapaError[];
  meta: { cursor: number };
}

const BLOCK_BYTES = 256 * 1024;
/** No real row is this long; a longer pending row means an unmatched quote swallowed the file. */
const MAX_ROW_CHARS = 1024 * 1024;
const MAX_REJECTED_TEXT = 200;

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
  const parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline });
  const decoder = new StringDecoder('utf8');
  const stream = createReadStream(options.path, { highWaterMark: BLOCK_BYTES, signal: options.signal });

  let pending = '';
  let bytesRead = 0;
  let line = 1; // line where the next row starts; line 1 is the header
  let headerSeen = false;
  let first = true;

  function toBatch(text: string, isLast: boolean): CsvBatch {
    const result = parser.parse(text, 0, !isLast) as PapaResult;
    const quoteErrors = new Map<number, string>();
    for (const error of result.errors) if (error.row !== undefined) quoteErrors.set(error.row, error.message);
    const mayHaveQuotes = text.includes('"');
    const records: TrafficRecord[] = [];
    const rejected: RejectedRow[] = [];
    const rows = result.data;
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
    pending = isLast ? '' : text.slice(result.meta.cursor);
    return { records, rejected, bytesRead };
  }

  /** Rejects the first physical line of a runaway quoted row and resumes after it. */
  function rejectRunawayRow(): RejectedRow {
    const end = pending.indexOf(lineBreak);
    const text = end === -1 ? pending : pending.slice(0, end);
    const row: RejectedRow = {
      line,
      reason: 'unmatched quote: the quoted field never closes (row longer than 1 MB)',
      text: text.slice(0, MAX_REJECTED_TEXT),
    };
    pending = end === -1 ? '' : pending.slice(end + dialect.newline.length);
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
    if (pending.length > MAX_ROW_CHARS) batch.rejected.push(rejectRunawayRow());
    if (batch.records.length > 0 || batch.rejected.length > 0) yield batch;
  }
  const rest = pending + decoder.end();
  if (rest !== '') yield toBatch(rest, true);
}
