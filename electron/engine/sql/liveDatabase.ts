/**
 * The SQL worker's database: the rows the stages consumed, the console's queries against them, and
 * the user's own tables and views. A plain class (no worker in sight) so tests drive it directly.
 *
 * Rows live in an internal table; users see them through the view `traffic`, whose WHERE clause
 * calls a check function on every 1024th row it reads. That check throws when the engine asked to
 * stop or the query's time is up, which is how a long scan of the live table (a cross join, say)
 * stops without losing the table: sql.js offers no other way to interrupt SQLite. The rowid
 * argument keeps SQLite from treating the call as a constant and evaluating it once.
 */
import { readFileSync } from 'node:fs';
import initSqlJs, { type Database, type SqlJsStatic, type Statement } from 'sql.js';
import type { ColumnInfo } from '../../../shared/schema';
import { DEFAULT_SQL_SETTINGS, LIVE_TABLE, type SqlObject, type SqlPage, type SqlRetention } from '../../../shared/sql/sqlContract';
import { quoteIdentifier } from '../../../shared/sql/sqlIdentifiers';
import { exportCsv, type ExportOutcome, type ExportRequest } from './csvExport';
import { JobStopper } from './jobStopper';
import { liveTableLayout, sqlTime, sqlTimestampMs, type LiveTableLayout } from './liveTableSchema';
import { QueryRunner, type QueryContext, type QueryEvents, type QueryRequest } from './queryRunner';
import { RetentionWindow } from './retentionWindow';
import { META_INGESTED, META_OFFSET, META_PARTITION, META_TIME, ROW_META_STRIDE, type RowBatch } from './rowBatch';
import type { StopFlags } from './stopFlags';
import { listUserObjects } from './userObjects';

export const STORE_TABLE = '_traffic_store';
export const CHECK_FUNCTION = '_tm_check';
const INTERNAL_NAMES = new Set([STORE_TABLE, LIVE_TABLE].map((name) => name.toLowerCase()));

/**
 * The live view's row filter: true for every row, and a call of the check function on every
 * 1024th row counted from the oldest held, so the first row of every scan is checked too (a join
 * of small tables loops over few rows many times). CASE, not OR: SQLite may evaluate the right side
 * of an OR first when the left holds a subquery, which would call the check on every row. The
 * subquery runs once per statement; the check costs a scan about a third more time than without.
 */
const CHECKED_ROWS = `CASE WHEN ((rowid - (SELECT min(rowid) FROM ${STORE_TABLE})) & 1023) <> 0 THEN 1 ELSE ${CHECK_FUNCTION}(rowid) END`;

export interface IngestCounts {
  inserted: number;
  evicted: number;
}

/** Beyond this JavaScript's Date cannot hold a time; such a row gets no _time rather than failing the batch. */
const MAX_TIME_MS = 8.64e15;

export class LiveDatabase {
  private readonly db: Database;
  private readonly stopper: JobStopper;
  private readonly runner: QueryRunner;
  private readonly context: QueryContext;
  private layout: LiveTableLayout = liveTableLayout([]);
  private insertStatement: Statement | null = null;
  private evictStatement: Statement | null = null;
  private readonly lastRowidStatement: Statement;
  private retention: SqlRetention = DEFAULT_SQL_SETTINGS.retention;
  private readonly window = new RetentionWindow();
  private held = 0;
  /** The newest stored row's rowid (rowids are arrival order; only the oldest are ever deleted). */
  private lastRowid = 0;
  // Rows come in time order, and many rows share a time: format each distinct time once.
  private lastTimeMs = Number.NaN;
  private lastTimeText: string | null = null;
  private lastIngestMs = Number.NaN;
  private lastIngestText = '';

  /** Loads sql.js from its wasm file; the error names what is missing. */
  static async load(wasmPath: string, flags: StopFlags): Promise<LiveDatabase> {
    let bytes: Buffer;
    try {
      bytes = readFileSync(wasmPath);
    } catch (error) {
      throw new Error(`sql.js's WebAssembly file could not be read (${wasmPath}): ${(error as Error).message}`);
    }
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    let sql: SqlJsStatic;
    try {
      sql = await initSqlJs({ wasmBinary });
    } catch (error) {
      throw new Error(`sql.js could not start from ${wasmPath}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return new LiveDatabase(sql, flags);
  }

  constructor(sql: SqlJsStatic, flags: StopFlags) {
    this.db = new sql.Database();
    // sql.js keeps the database in a file of its in-memory file system: nothing here needs to survive
    // a crash, so the journal stays in memory and nothing waits for a sync.
    this.db.run('PRAGMA journal_mode = MEMORY');
    this.db.run('PRAGMA synchronous = OFF');
    this.db.run('PRAGMA temp_store = MEMORY');
    this.stopper = new JobStopper(flags);
    // sql.js registers the function with as many arguments as the JavaScript function declares.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- declared for its count, not read
    this.db.create_function(CHECK_FUNCTION, (_rowid: unknown) => {
      if (this.stopper.check() !== null) throw new Error('stopped');
      return 1;
    });
    this.lastRowidStatement = this.db.prepare('SELECT last_insert_rowid()');
    this.context = {
      db: this.db,
      stopper: this.stopper,
      guard: { protectedNames: [LIVE_TABLE], hiddenNames: [STORE_TABLE, CHECK_FUNCTION] },
      liveColumns: () => this.layout.columns.map((column) => column.name),
      storeTable: STORE_TABLE,
    };
    this.runner = new QueryRunner(this.context);
    this.restart([]);
  }

  columns(): LiveTableLayout['columns'] {
    return this.layout.columns;
  }

  heldRows(): number {
    return this.held;
  }

  /** Newest time retention has seen (event time, or ingest time for rows without one). */
  newestTime(): number {
    return this.window.newestTime();
  }

  /** Empties the table under new columns. The user's own tables and views stay. */
  restart(columns: readonly ColumnInfo[]): void {
    this.insertStatement?.free();
    this.insertStatement = null;
    this.evictStatement?.free();
    this.evictStatement = null;
    this.db.run(`DROP VIEW IF EXISTS ${LIVE_TABLE}`);
    this.db.run(`DROP TABLE IF EXISTS ${STORE_TABLE}`);
    this.layout = liveTableLayout(columns);
    const names = this.layout.columns.map((column) => quoteIdentifier(column.name));
    const definitions = this.layout.columns.map((column, i) => `${names[i]} ${column.type}`);
    this.db.run(`CREATE TABLE ${STORE_TABLE} (${definitions.join(', ')})`);
    this.db.run(`CREATE VIEW ${LIVE_TABLE} AS SELECT ${names.join(', ')} FROM ${STORE_TABLE} WHERE ${CHECKED_ROWS}`);
    this.insertStatement = this.db.prepare(`INSERT INTO ${STORE_TABLE} VALUES (${names.map(() => '?').join(', ')})`);
    this.evictStatement = this.db.prepare(`DELETE FROM ${STORE_TABLE} WHERE rowid <= ?`);
    this.window.reset();
    this.held = 0;
    this.lastRowid = 0;
  }

  /** Inserts one batch in one transaction, then applies retention. */
  insert(batch: RowBatch): IngestCounts {
    const statement = this.insertStatement;
    const count = batch.values.length;
    if (!statement || count === 0) return { inserted: 0, evicted: 0 };
    const { valueIndex } = this.layout;
    const dataColumns = valueIndex.length;
    const row: (number | string | null)[] = new Array(this.layout.columns.length);
    const { meta, values } = batch;
    let maxTime = Number.NEGATIVE_INFINITY;
    this.db.run('BEGIN');
    try {
      for (let i = 0; i < count; i++) {
        const cells = values[i] as readonly unknown[];
        for (let j = 0; j < dataColumns; j++) {
          const value = cells[valueIndex[j] as number];
          row[j] = typeof value === 'number' || typeof value === 'string' ? value : null;
        }
        const at = i * ROW_META_STRIDE;
        const time = meta[at + META_TIME] as number;
        const ingested = meta[at + META_INGESTED] as number;
        row[dataColumns] = this.timeText(time);
        row[dataColumns + 1] = meta[at + META_OFFSET] as number;
        row[dataColumns + 2] = meta[at + META_PARTITION] as number;
        row[dataColumns + 3] = this.ingestText(ingested);
        const judged = Number.isNaN(time) ? ingested : time;
        if (judged > maxTime) maxTime = judged;
        statement.bind(row);
        statement.step();
      }
      statement.reset();
      this.held += count;
      this.lastRowid = this.insertedRowid();
      this.window.added(this.lastRowid, count, maxTime);
      const evicted = this.evict();
      this.db.run('COMMIT');
      return { inserted: count, evicted };
    } catch (error) {
      statement.reset();
      this.db.run('ROLLBACK');
      throw error;
    }
  }

  /** Rows retention made pointless before they were stored (see IngestQueue): seen, never held. */
  skipped(maxTime: number): void {
    this.window.see(maxTime);
  }

  /** New limits apply at once: rows beyond them go now. */
  setRetention(retention: SqlRetention): number {
    this.retention = retention;
    return this.evict();
  }

  objects(): SqlObject[] {
    return listUserObjects(this.db, INTERNAL_NAMES);
  }

  runQuery(request: QueryRequest, events: QueryEvents): Promise<void> {
    return this.runner.run(request, events);
  }

  page(queryId: number, offset: number, limit: number): Promise<SqlPage> {
    return this.runner.page(queryId, offset, limit);
  }

  exportCsv(request: ExportRequest): Promise<ExportOutcome> {
    return exportCsv(this.context, request);
  }

  close(): void {
    this.db.close();
  }

  private evict(): number {
    const through = this.window.evictThrough(this.retention, this.lastRowid);
    if (through === null || !this.evictStatement) return 0;
    this.evictStatement.run([through]);
    const evicted = this.db.getRowsModified();
    this.held -= evicted;
    // An empty table numbers its next row 1 again.
    if (this.held === 0) this.window.emptied();
    return evicted;
  }

  /** Read right after the batch's inserts, before any user statement can move it. */
  private insertedRowid(): number {
    this.lastRowidStatement.step();
    const rowid = Number(this.lastRowidStatement.get()[0]);
    this.lastRowidStatement.reset();
    return rowid;
  }

  private timeText(ms: number): string | null {
    if (ms !== this.lastTimeMs) {
      this.lastTimeMs = ms;
      this.lastTimeText = Math.abs(ms) <= MAX_TIME_MS ? sqlTime(ms) : null;
    }
    return this.lastTimeText;
  }

  private ingestText(ms: number): string {
    if (ms !== this.lastIngestMs) {
      this.lastIngestMs = ms;
      this.lastIngestText = sqlTimestampMs(ms);
    }
    return this.lastIngestText;
  }
}
