/**
 * Export of a result: its query runs again in the SQL worker and every row is written as CSV,
 * in chunks, so a result of millions of rows never becomes one string. No timeout (the user asked
 * for all of it), but the engine can stop it; a stopped or failed export leaves no half file.
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import type { Statement } from 'sql.js';
import { csvLine } from './csvFormat';
import type { QueryContext } from './queryRunner';
import { CHECK_EVERY_ROWS, errorText, SLICE_MS, toCells, yieldToMessages } from './stepLoop';
import { checkStatement } from './writeGuard';

const CHUNK_CHARS = 64 * 1024;

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
  let statement: Statement | null = null;
  let fd: number | null = null;
  // Which failure a throw means: SQLite's while stepping, the file system's while writing.
  let failure: ExportFailure = 'sql';
  const write = (text: string): void => {
    failure = 'file';
    writeSync(fd as number, text);
    failure = 'sql';
  };
  try {
    statement = db.prepare(request.sql);
    const columns = statement.getColumnNames();
    if (columns.length === 0) return { ok: false, failure: 'sql', message: 'Only a query that returns rows can be exported.' };
    failure = 'file';
    fd = openSync(request.path, 'w');
    failure = 'sql';
    let chunk = csvLine(columns);
    let rows = 0;
    let sliceStart = performance.now();
    while (statement.step()) {
      chunk += csvLine(toCells(statement.get()));
      rows++;
      if (chunk.length >= CHUNK_CHARS) {
        write(chunk);
        chunk = '';
      }
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
