/**
 * Messages between the engine (liveTable.ts) and the SQL live table's worker thread (sqlWorker.ts).
 * Rows cross in batches, never one message per row; results cross a page at a time.
 */
import type { ColumnInfo } from '../../../shared/schema';
import type { SqlObject, SqlPage, SqlQueryProgress, SqlResult, SqlRetention, SqlWindowView } from '../../../shared/sql/sqlContract';
import type { WindowSpec } from '../../../shared/windows/windowContract';
import type { ExportFailure } from './csvExport';
import type { WindowOutcome } from './liveDatabase';

export interface SqlWorkerData {
  wasmPath: string;
  /** StopFlags' shared memory: how the engine stops a query the worker is busy running. */
  stopFlags: SharedArrayBuffer;
}

export type ToSqlWorker =
  /** A new run or new columns: the table is emptied and rebuilt; `generation` stamps later acks. */
  | { kind: 'restart'; generation: number; columns: ColumnInfo[] }
  /** A RowBatch encoded by encodeRowBatch (rowBatchCodec.ts) (the engine keeps the bytes to restore a lost worker's rows). */
  | { kind: 'rows'; bytes: Uint8Array }
  | { kind: 'retention'; retention: SqlRetention }
  | { kind: 'run'; queryId: number; sql: string; pageSize: number; timeoutMs: number }
  /** Answered at once from the kept rows, even while a query counts. */
  | { kind: 'page'; requestId: number; queryId: number; offset: number; limit: number }
  | { kind: 'export'; jobId: number; sql: string; path: string }
  /** The run of `generation` ended (a replay finished): open windows close. */
  | { kind: 'end'; generation: number }
  /** A window statement from the Windows form (the console's Run sends them as 'run'). */
  | { kind: 'window'; requestId: number; sql: string }
  /** The windows a replaced worker had, declared again before its rows come back. */
  | { kind: 'declareWindows'; specs: WindowSpec[] }
  /** A replacement worker makes the user's views again (their CREATE VIEW statements, in order). */
  | { kind: 'recreateViews'; views: { name: string; sql: string }[] };

export type FromSqlWorker =
  | { kind: 'ready' }
  /** sql.js or its wasm could not be loaded: SQL is unavailable. */
  | { kind: 'unavailable'; message: string }
  /**
   * Rows of `generation` inserted and evicted since the last ack (queued rows retention made
   * pointless count as both); evictedForMemory is the part of evicted the memory ceiling took.
   */
  | { kind: 'ingested'; generation: number; inserted: number; evicted: number; evictedForMemory: number }
  | { kind: 'objects'; objects: SqlObject[] }
  /** Views recreateViews could not make again, with SQLite's reason. */
  | { kind: 'viewsRecreated'; failed: { name: string; message: string }[] }
  /** The declared windows (sent when they change, at most a few times a second while rows arrive). */
  | { kind: 'windows'; windows: SqlWindowView[]; specs: WindowSpec[] }
  | { kind: 'windowDone'; requestId: number; outcome: WindowOutcome }
  /** A query or export began executing: its timeout counts from here, not from when it was queued. */
  | { kind: 'started'; jobId: number }
  /** run()'s answer: the first page of rows, or the whole outcome of a statement that has none. */
  | { kind: 'result'; result: SqlResult }
  | { kind: 'progress'; progress: SqlQueryProgress }
  /** The query's last word (its progress in a final state); every run ends with one. */
  | { kind: 'finished'; progress: SqlQueryProgress }
  | { kind: 'page'; requestId: number; page: SqlPage }
  | { kind: 'pageFailed'; requestId: number; message: string }
  | { kind: 'exported'; jobId: number; rows: number }
  | { kind: 'exportFailed'; jobId: number; failure: ExportFailure; message: string };
