/**
 * Export of a result: its query runs again in the SQL worker and every row is written as CSV,
 * in chunks, so a result of millions of rows never becomes one string. Nor does a huge value: a
 * text over LARGE_TEXT_BYTES goes from SQLite's memory to the file as bytes (see resultStatement),
 * so values past V8's longest string export whole. No timeout (the user asked for all of it), but
 * the engine can stop it; a stopped or failed export leaves no half file.
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { csvField, csvLine } from '../export';
import type { QueryContext } from './queryRunner';
import { prepareResult, type ResultStatement } from './resultStatement';
import { CHECK_EVERY_ROWS, errorText, SLICE_MS, yieldToMessages } from './stepLoop';
import { checkStatement } from './writeGuard';

const CHUNK_CHARS = 64 * 1024;
const LARGE_TEXT_BYTES = 1024 * 1024;
const QUOTE = 0x22;
const QUOTE_BYTES = new Uint8Array([QUOTE]);

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** A large text as one quoted field (always quoted: a reader gets the same text back either way), its quotes doubled. */
function writeQuoted(fd: number, bytes: Uint8Array): void {
  writeAll(fd, QUOTE_BYTES);
  // A quote byte is never part of a longer UTF-8 sequence, so the bytes can be split at each one.
  let from = 0;
  for (let at = bytes.indexOf(QUOTE); at !== -1; at = bytes.indexOf(QUOTE, at + 1)) {
    writeAll(fd, bytes.subarray(from, at + 1));
    from = at;
  }
  writeAll(fd, bytes.subarray(from));
  writeAll(fd, QUOTE_BYTES);
}

export interface ExportRequest {
  jobId: number;
  sql: string;
  path: string;
}

/** sql: the query failed when run again; file: the file could not be written. */
export type ExportFailure = 'cancelled' | 'sql' | 'file';
export type ExportOutcome = { ok: true; rows: number } | { ok: false; failure: ExportFailure; message: string };

export async function exportCsv(context: QueryContext, request: ExportRequest): Promise<ExportOutcome> {
  const { db, stopper } = context;
  const verdict = checkStatement(request.sql, context.guard);
  if (!verdict.ok) return { ok: false, failure: 'sql', message: verdict.error.message };

  stopper.begin('export', request.jobId, Number.POSITIVE_INFINITY);
  let statement: ResultStatement | null = null;
  let fd: number | null = null;
  // Which failure a throw means: SQLite's while stepping, the file system's while writing.
  let failure: ExportFailure = 'sql';
  const write = (text: string): void => {
    failure = 'file';
    writeSync(fd as number, text);
    failure = 'sql';
  };
  try {
    statement = prepareResult(db, context.direct, request.sql);
    const columns = statement.columns;
    if (columns.length === 0) return { ok: false, failure: 'sql', message: 'Only a query that returns rows can be exported.' };
    failure = 'file';
    fd = openSync(request.path, 'w');
    failure = 'sql';
    let chunk = csvLine(columns);
    let rows = 0;
    let sliceStart = performance.now();
    while (statement.step()) {
      for (let i = 0; i < columns.length; i++) {
        if (i > 0) chunk += ',';
        const large = statement.largeText(i, LARGE_TEXT_BYTES);
        if (large) {
          write(chunk);
          chunk = '';
          failure = 'file';
          writeQuoted(fd as number, large);
          failure = 'sql';
        } else {
          // Without a limit no cell comes back cut; the check is for the type.
          const value = statement.cell(i, Number.POSITIVE_INFINITY);
          chunk += csvField(value !== null && typeof value === 'object' ? value.text : value);
        }
        if (chunk.length >= CHUNK_CHARS) {
          write(chunk);
          chunk = '';
        }
      }
      chunk += '\r\n';
      rows++;
      if (rows % CHECK_EVERY_ROWS === 0) {
        if (stopper.check()) throw new Error('stopped');
        if (performance.now() - sliceStart >= SLICE_MS) {
          await yieldToMessages();
          sliceStart = performance.now();
        }
      }
    }
    write(chunk);
    failure = 'file';
    const written = fd;
    fd = null;
    closeSync(written);
    return { ok: true, rows };
  } catch (error) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } finally {
        rmSync(request.path, { force: true });
      }
    }
    if (stopper.stopped) return { ok: false, failure: 'cancelled', message: 'Export cancelled; no file was written.' };
    return { ok: false, failure, message: errorText(error) };
  } finally {
    statement?.free();
    stopper.end();
  }
}
