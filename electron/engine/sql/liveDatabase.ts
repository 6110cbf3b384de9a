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
import type { Database, Statement } from 'sql.js';
import type { ColumnInfo } from '../../../shared/schema';
import { DEFAULT_SQL_SETTINGS, LIVE_TABLE, SQL_MEMORY_CEILING_BYTES, type SqlObject, type SqlPage, type SqlRetention } from '../../../shared/sql/sqlContract';
import { LIVE_SYSTEM_COLUMNS, quoteIdentifier } from '../../../shared/sql/sqlIdentifiers';
import { exportCsv, type ExportOutcome, type ExportRequest } from './csvExport';
import { prepareInsert, type Cell, type InsertStatement } from './insertStatement';
import { JobStopper } from './jobStopper';
import { liveTableLayout, sqlTime, sqlTimestampMs, type LiveTableLayout } from './liveTableSchema';
import { loadSqlJs, openDatabase, type DirectAccess, type LoadedSqlJs } from './memoryDatabase';
import { QueryRunner, type QueryContext, type QueryEvents, type QueryRequest } from './queryRunner';
import { RetentionWindow } from './retentionWindow';
import { batchMaxTime, META_INGESTED, META_OFFSET, META_PARTITION, META_TIME, ROW_META_STRIDE, type RowBatch } from './rowBatch';
import type { StopFlags } from './stopFlags';
import { listUserObjects } from './userObjects';
import { WindowError, WindowTables } from './windowTables';
import { isWindowStatement, parseWindowStatement } from '../windows';
import type { TrafficRecord } from '../../../shared/records';
import type { WindowSpec } from '../../../shared/windows/windowContract';

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

/** Rows deleted from the oldest end; those only the memory ceiling asked for are counted apart too. */
export interface Evictions {
  evicted: number;
  evictedForMemory: number;
}

export interface IngestCounts extends Evictions {
  inserted: number;
}

/** What a window statement did, or why not (with where in its text). */
export interface WindowOutcome {
  ok: boolean;
  message: string;
  position: { from: number; to: number } | null;
}

export { isWindowStatement };

const NONE_EVICTED: Evictions = { evicted: 0, evictedForMemory: 0 };

/** Beyond this JavaScript's Date cannot hold a time; such a row gets no _time rather than failing the batch. */
const MAX_TIME_MS = 8.64e15;

/**
 * Rows per INSERT: one statement of many rows' values costs SQLite and sql.js one step, reset and
 * clearing of bindings instead of one per row, which made the inserts about a third faster; beyond
 * this the gain levels off. The rest of a batch goes in one row at a time.
 */
const ROWS_PER_INSERT = 64;
/** SQLite's limit on parameters in one statement (SQLITE_MAX_VARIABLE_NUMBER), which wide data reaches first. */
const MAX_PARAMETERS = 32_766;
/** Past the ceiling, rows go until the table would take this share of it: room for the next batches. */
const CEILING_REFILL = 0.9;

export class LiveDatabase {
  private readonly db: Database;
  private readonly direct: DirectAccess | null;
  private readonly stopper: JobStopper;
  private readonly runner: QueryRunner;
  private readonly context: QueryContext;
  /** Declared windows (CREATE WINDOW) and their tables. */
  readonly windows: WindowTables;
  private layout: LiveTableLayout = liveTableLayout([]);
  private insertStatement: InsertStatement | null = null;
  /** `rowsPerInsert` rows at once, or null when that is 1; `insertParams` holds their values. */
  private insertManyStatement: InsertStatement | null = null;
  private rowsPerInsert = 1;
  private insertParams: Cell[] = [];
  private rowParams: Cell[] = [];
  private evictStatement: Statement | null = null;
  private sizeStatement: Statement | null = null;
  private readonly lastRowidStatement: Statement;
  private retention: SqlRetention = DEFAULT_SQL_SETTINGS.retention;
  private readonly window = new RetentionWindow();
  private held = 0;
  /** The newest stored row's rowid (rowids are arrival order; only the oldest are ever deleted). */
  private lastRowid = 0;
  // Rows come in time order, and many rows share a time: format each distinct time once.
  /** The data's time columns (layout index and SQL name) and the first text each was given, once seen. */
  private timeColumns: { index: number; name: string; example: string | null }[] = [];
  private timeExamplesMissing = 0;
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
    let sql: LoadedSqlJs;
    try {
      sql = await loadSqlJs(wasmBinary);
    } catch (error) {
      throw new Error(`sql.js could not start from ${wasmPath}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return new LiveDatabase(sql, flags);
  }

  /**
   * `ceilingBytes`: the most the table's pages may take (see SQL_MEMORY_CEILING_BYTES); tests set a
   * small one to reach it with a few rows.
   */
  constructor(sql: LoadedSqlJs, flags: StopFlags, private readonly ceilingBytes = SQL_MEMORY_CEILING_BYTES) {
    // SQLite's ':memory:' when it can be opened (see memoryDatabase.ts), else a file of sql.js's
    // in-memory file system. Nothing here needs to survive a crash, so for the file the journal
    // stays in memory and nothing waits for a sync.
    ({ db: this.db, direct: this.direct } = openDatabase(sql));
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
      direct: this.direct,
      stopper: this.stopper,
      guard: { protectedNames: [LIVE_TABLE], hiddenNames: [STORE_TABLE, CHECK_FUNCTION], windowNames: [] },
      liveColumns: () => this.layout.columns.map((column) => column.name),
      textTimeColumns: () => this.timeColumns.flatMap(({ name, example }) => (example === null ? [] : [{ name, example }])),
      storeTable: STORE_TABLE,
    };
    this.runner = new QueryRunner(this.context);
    this.windows = new WindowTables(this.db, this.direct);
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
    this.insertManyStatement?.free();
    this.insertManyStatement = null;
    this.evictStatement?.free();
    this.evictStatement = null;
    this.db.run(`DROP VIEW IF EXISTS ${LIVE_TABLE}`);
    this.db.run(`DROP TABLE IF EXISTS ${STORE_TABLE}`);
    this.layout = liveTableLayout(columns);
    this.timeColumns = columns.flatMap((column, index) => (column.role === 'timestamp' ? [{ index, name: this.layout.columns[index]?.name ?? column.name, example: null }] : []));
    this.timeExamplesMissing = this.timeColumns.length;
    const names = this.layout.columns.map((column) => quoteIdentifier(column.name));
    const definitions = this.layout.columns.map((column, i) => `${names[i]} ${column.type}`);
    this.db.run(`CREATE TABLE ${STORE_TABLE} (${definitions.join(', ')})`);
    this.db.run(`CREATE VIEW ${LIVE_TABLE} AS SELECT ${names.join(', ')} FROM ${STORE_TABLE} WHERE ${CHECKED_ROWS}`);
    const rowValues = `(${names.map(() => '?').join(', ')})`;
    this.insertStatement = prepareInsert(this.db, this.direct, `INSERT INTO ${STORE_TABLE} VALUES ${rowValues}`);
    this.rowsPerInsert = Math.max(1, Math.min(ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / names.length)));
    const manyValues = Array.from({ length: this.rowsPerInsert }, () => rowValues).join(', ');
    this.insertManyStatement = this.rowsPerInsert > 1 ? prepareInsert(this.db, this.direct, `INSERT INTO ${STORE_TABLE} VALUES ${manyValues}`) : null;
    this.rowParams = new Array<Cell>(names.length).fill(null);
    this.insertParams = new Array<Cell>(names.length * this.rowsPerInsert).fill(null);
    this.evictStatement = this.db.prepare(`DELETE FROM ${STORE_TABLE} WHERE rowid <= ?`);
    this.window.reset();
    this.held = 0;
    this.lastRowid = 0;
  }

  /** Inserts one batch in one transaction, then applies retention. */
  insert(batch: RowBatch): IngestCounts {
    const single = this.insertStatement;
    const count = batch.values.length;
    if (!single || count === 0) return { inserted: 0, ...NONE_EVICTED };
    const many = this.insertManyStatement;
    const perInsert = this.rowsPerInsert;
    const width = this.rowParams.length;
    this.db.run('BEGIN');
    try {
      let i = 0;
      if (many) {
        const params = this.insertParams;
        for (; i + perInsert <= count; i += perInsert) {
          for (let row = 0; row < perInsert; row++) this.fillRow(params, row * width, batch, i + row);
          many.run(params);
        }
        many.reset();
      }
      for (; i < count; i++) {
        this.fillRow(this.rowParams, 0, batch, i);
        single.run(this.rowParams);
      }
      single.reset();
      this.held += count;
      this.lastRowid = this.insertedRowid();
      this.window.added(this.lastRowid, count, batchMaxTime(batch));
      const evictions = this.evict();
      this.db.run('COMMIT');
      return { inserted: count, ...evictions };
    } catch (error) {
      many?.reset();
      single.reset();
      try {
        this.db.run('ROLLBACK');
      } catch {
        // SQLite rolled back already (it does so when out of memory): the insert's own error says why.
      }
      throw error;
    }
  }

  /** Rows retention made pointless before they were stored (see IngestQueue): seen, never held. */
  skipped(maxTime: number): void {
    this.window.see(maxTime);
  }

  /** New limits apply at once: rows beyond them go now. */
  setRetention(retention: SqlRetention): Evictions {
    this.retention = retention;
    return this.evict();
  }

  objects(): SqlObject[] {
    return listUserObjects(this.db, INTERNAL_NAMES, this.windows.names());
  }

  /**
   * Makes the user's views again from their statements (a replacement worker), each on its own:
   * one over a table that was lost fails alone. Several passes, so a view over another view comes
   * back whatever order they are listed in. Returns the views that could not be made, with why.
   */
  recreateViews(views: readonly { name: string; sql: string }[]): { name: string; message: string }[] {
    let waiting = [...views];
    let failed: { name: string; message: string }[] = [];
    for (let pass = 0; pass < views.length && waiting.length > 0; pass++) {
      failed = [];
      const next: typeof waiting = [];
      for (const view of waiting) {
        try {
          this.db.run(view.sql);
        } catch (error) {
          next.push(view);
          failed.push({ name: view.name, message: (error as Error).message });
          continue;
        }
        // SQLite makes a view over a table that does not exist and fails only when it is read:
        // one that cannot be read is taken away again rather than listed as if it worked.
        const quoted = `"${view.name.replaceAll('"', '""')}"`;
        try {
          this.db.prepare(`SELECT * FROM ${quoted} LIMIT 0`).free();
        } catch (error) {
          this.db.run(`DROP VIEW IF EXISTS ${quoted}`);
          next.push(view);
          failed.push({ name: view.name, message: (error as Error).message });
        }
      }
      if (next.length === waiting.length) break;
      waiting = next;
    }
    return waiting.length === 0 ? [] : failed;
  }

  /**
   * CREATE WINDOW … / DROP WINDOW …, from the console's Run or the Windows form. A new window is
   * filled at once from the rows the live table holds, then from every row that arrives.
   */
  windowStatement(sql: string): WindowOutcome {
    const parsed = parseWindowStatement(sql);
    if (!parsed.ok) return { ok: false, message: parsed.error.message, position: { from: parsed.error.from, to: parsed.error.to } };
    const { statement } = parsed;
    try {
      if (statement.kind === 'drop') {
        const name = this.windows.drop(statement.name);
        this.guardWindows();
        return { ok: true, message: `Window ${name} dropped, and its table with it.`, position: null };
      }
      const { spec } = statement;
      const rows = this.windows.declare(spec, (visit) => this.heldRecords(visit));
      this.guardWindows();
      const filled = rows > 0 ? ` Filled from the ${rows.toLocaleString('en-US')} rows the live table holds; new rows update it as they arrive.` : ' Rows update it as they arrive.';
      return { ok: true, message: `Window ${spec.name} declared: table ${spec.name}.${filled}`, position: null };
    } catch (error) {
      if (!(error instanceof WindowError)) throw error;
      return { ok: false, message: error.message, position: windowErrorPosition(sql, error) };
    }
  }

  /** Re-declares windows (a replaced worker's), each filled from the rows held. */
  redeclareWindows(specs: readonly WindowSpec[]): void {
    for (const spec of specs) {
      try {
        this.windows.declare(spec, (visit) => this.heldRecords(visit));
      } catch {
        // A user table took the name meanwhile (only a lost worker's objects could): the window is not declared again.
      }
    }
    this.guardWindows();
  }

  /** Window tables are read-only to the console, like the live table. */
  private guardWindows(): void {
    const windowNames = this.windows.names();
    this.context.guard = { ...this.context.guard, protectedNames: [LIVE_TABLE, ...windowNames], windowNames };
  }

  /** The held rows, oldest first, as records (event time to the second, as `_time` keeps it; line unknown). */
  private heldRecords(visit: (record: TrafficRecord) => void): void {
    const data = this.layout.columns.filter((column) => !column.system);
    if (this.held === 0) return;
    const names = [...data.map((column) => quoteIdentifier(column.name)), quoteIdentifier(LIVE_SYSTEM_COLUMNS.time)];
    const statement = this.db.prepare(`SELECT ${names.join(', ')} FROM ${STORE_TABLE} ORDER BY rowid`);
    const { valueIndex } = this.layout;
    const width = Math.max(0, ...valueIndex.map((index) => index + 1));
    try {
      while (statement.step()) {
        const cells = statement.get();
        const values: (string | number | null)[] = new Array<string | number | null>(width).fill(null);
        for (let j = 0; j < data.length; j++) values[valueIndex[j] as number] = cells[j] as string | number | null;
        const time = cells[data.length];
        visit({ line: 0, values, time: typeof time === 'string' ? Date.parse(`${time.replace(' ', 'T')}Z`) : null });
      }
    } finally {
      statement.free();
    }
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
    this.windows.close();
    // Statements bound directly are not sql.js's to finalize; a connection closes only without them.
    this.insertStatement?.free();
    this.insertManyStatement?.free();
    this.insertStatement = null;
    this.insertManyStatement = null;
    this.db.close();
  }

  private evict(): Evictions {
    const { window } = this;
    const before = window.evictedThroughRowid();
    const byRetention = window.targetThrough(this.retention, this.lastRowid);
    const ceiling = this.withinCeiling();
    const through = ceiling === this.retention ? byRetention : window.targetThrough(ceiling, this.lastRowid);
    if (through <= before || !this.evictStatement) return NONE_EVICTED;
    window.evictThrough(through);
    this.evictStatement.run([through]);
    const evicted = this.db.getRowsModified();
    this.held -= evicted;
    // An empty table numbers its next row 1 again.
    if (this.held === 0) window.emptied();
    // Rows are appended and deleted only from the oldest end, so rowids run without gaps: the rows
    // past the retention's own target are the ones the ceiling took.
    return { evicted, evictedForMemory: Math.min(evicted, through - Math.max(byRetention, before)) };
  }

  /**
   * The user's retention, with a row limit added when the pages in use have passed the ceiling: the
   * oldest rows go until the rest would fill 90 % of it (rows are taken to be of one size), so the
   * table stays within memory however it is configured (no limit at all, or only minutes, at a rate
   * that fills memory first). Counted as evicted like any other eviction.
   */
  private withinCeiling(): SqlRetention {
    const used = this.usedBytes();
    if (used <= this.ceilingBytes) return this.retention;
    const cap = Math.max(1, Math.floor((this.held * this.ceilingBytes * CEILING_REFILL) / used));
    return { ...this.retention, maxRows: this.retention.maxRows === null ? cap : Math.min(this.retention.maxRows, cap) };
  }

  /** Bytes of the database's pages holding data (pages freed by evictions are reused, so they do not count). */
  usedBytes(): number {
    this.sizeStatement ??= this.db.prepare('SELECT (page_count - freelist_count) * page_size FROM pragma_page_count, pragma_freelist_count, pragma_page_size');
    this.sizeStatement.step();
    const bytes = Number(this.sizeStatement.get()[0] ?? 0);
    this.sizeStatement.reset();
    return bytes;
  }

  /** Row `i` of the batch as the table's columns, into `target` from `at`: the data's values, then the system columns. */
  private fillRow(target: Cell[], at: number, batch: RowBatch, i: number): void {
    const { valueIndex } = this.layout;
    const dataColumns = valueIndex.length;
    const cells = batch.values[i] as readonly unknown[];
    for (let j = 0; j < dataColumns; j++) {
      const value = cells[valueIndex[j] as number];
      target[at + j] = typeof value === 'number' || typeof value === 'string' ? value : null;
    }
    if (this.timeExamplesMissing > 0) this.noteTimeExamples(cells);
    const meta = batch.meta;
    const m = i * ROW_META_STRIDE;
    const system = at + dataColumns;
    target[system] = this.timeText(meta[m + META_TIME] as number);
    target[system + 1] = meta[m + META_OFFSET] as number;
    target[system + 2] = meta[m + META_PARTITION] as number;
    target[system + 3] = this.ingestText(meta[m + META_INGESTED] as number);
  }

  /** Keeps the first text of each time column: whether it sorts as time decides what the console refuses. */
  private noteTimeExamples(cells: readonly unknown[]): void {
    for (const column of this.timeColumns) {
      const value = cells[this.layout.valueIndex[column.index] as number];
      if (column.example !== null || value === null || value === undefined || String(value).trim() === '') continue;
      column.example = String(value).trim();
      this.timeExamplesMissing--;
    }
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

/** Where a refused declaration points: the window's name, or the measure at fault. */
function windowErrorPosition(sql: string, error: WindowError): { from: number; to: number } | null {
  if (error.target === 'name') {
    const match = /\b(create|drop)\s+window\s+/i.exec(sql);
    if (!match) return null;
    const from = match.index + match[0].length;
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(from));
    return name ? { from, to: from + name[0].length } : null;
  }
  if (error.target === null) return null;
  const measures = sql.search(/\bmeasures\b/i);
  if (measures < 0) return null;
  const { measure } = error.target;
  const quoted = `"${measure.replaceAll('"', '""')}"`;
  const at = sql.indexOf(quoted, measures);
  if (at >= 0) return { from: at, to: at + quoted.length };
  const bare = sql.indexOf(measure, measures);
  return bare >= 0 ? { from: bare, to: bare + measure.length } : null;
}
