/**
 * Declared windows (CREATE WINDOW, issue 23) as SQL tables beside the live table, kept in the SQL
 * worker so they fill in the thread that owns the database. Every row the worker receives goes
 * once through each window's WindowAggregator (../windows), which holds only the open windows;
 * what the aggregators emit waits in a small buffer until the worker is between queries, then
 * goes into the tables in one transaction:
 *
 *   EMIT FINAL    closed rows are appended, one per window × location, in order of window end.
 *   EMIT CHANGES  rows are upserted on (window_start, location) as the window changes, closed = 0,
 *                 and rewritten with closed = 1 once the watermark passes the window's end. Updates
 *                 of one row that wait in the buffer together are written once (the newest).
 *
 * A new run (or new columns) empties the tables and starts every window over under the new
 * columns; a window whose chosen measures are not columns of the new data stays declared, with
 * its problem said, and fills again when they are. The end of a replay closes every open window.
 * Window tables are not subject to the live table's retention: they hold the whole run (a window
 * row sums many rows, so they are far smaller), and they count against the memory ceiling like
 * any table, where the live table's oldest rows make way.
 */
import type { Database } from 'sql.js';
import type { CellValue, TrafficRecord } from '../../../shared/records';
import type { ColumnInfo } from '../../../shared/schema';
import { SQL_MAX_WINDOWS, type SqlColumn, type SqlWindowView } from '../../../shared/sql/sqlContract';
import { quoteIdentifier } from '../../../shared/sql/sqlIdentifiers';
import type { WindowRow, WindowSpec } from '../../../shared/windows/windowContract';
import { recordLayout, type RecordLayout } from '../windows';
import { WindowAggregator } from '../windows';
import { windowTableCells, windowTableColumns, writeWindowTableCells, type WindowFigures } from '../windows';
import { sqlTime } from './liveTableSchema';
import { prepareInsert, type Cell, type InsertStatement } from './insertStatement';
import { PendingWindowRows } from './pendingWindowRows';
import type { DirectAccess } from './memoryDatabase';
import { META_LINE, META_TIME, ROW_META_STRIDE, type RowBatch } from './rowBatch';

/** A declaration refused: the message, and (when known) the part of the statement at fault. */
export class WindowError extends Error {
  constructor(
    message: string,
    readonly target: 'name' | { measure: string } | null = null,
  ) {
    super(message);
  }
}

interface Declared {
  spec: WindowSpec;
  layout: RecordLayout | null;
  aggregator: WindowAggregator | null;
  columns: SqlColumn[];
  problem: string | null;
  /** EMIT FINAL: closed rows to append, in emission order. */
  appends: PendingWindowRows;
  /** EMIT CHANGES: the newest cells per (window_start, location), to upsert. */
  upserts: Map<string, CellValue[]>;
  insert: InsertStatement | null;
  /** ROWS_PER_INSERT rows at once (EMIT FINAL), bound from the arrays `appends` fills. */
  insertMany: InsertStatement | null;
  rowParams: Cell[];
  /** The table must be (re)made before the next write: declared, or a new run began. */
  stale: boolean;
  tableRows: number;
}

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Rows per INSERT when appending (as the live table does: one step for many rows); SQLite's parameter limit caps it for wide tables. */
const ROWS_PER_INSERT = 64;
const MAX_PARAMETERS = 32_766;

export class WindowTables {
  private readonly declared: Declared[] = [];
  private columns: readonly ColumnInfo[] = [];
  /** The stream ended (a replay finished): open windows were closed, and a window declared now closes at once. */
  private ended = false;
  /** A record for the aggregators, reused row after row (they copy what they keep). */
  private readonly record: TrafficRecord = { line: 0, values: [], time: null };

  constructor(
    private readonly db: Database,
    private readonly direct: DirectAccess | null,
  ) {}

  get size(): number {
    return this.declared.length;
  }

  names(): string[] {
    return this.declared.map((window) => window.spec.name);
  }

  specs(): WindowSpec[] {
    return this.declared.map((window) => window.spec);
  }

  has(name: string): boolean {
    return this.declared.some((window) => sameName(window.spec.name, name));
  }

  /** A new run or new columns: every window starts over under them (its table is remade at the next write). */
  restart(columns: readonly ColumnInfo[]): void {
    this.columns = [...columns];
    this.ended = false;
    for (const window of this.declared) this.prepare(window);
  }

  /**
   * Declares a window: checked, its table made at once, then filled from `backfill` (the rows the
   * live table holds, oldest first) so a window declared mid-replay, or after it, covers what the
   * table has. Returns how many rows it was filled from.
   */
  declare(spec: WindowSpec, backfill: (visit: (record: TrafficRecord) => void) => void): number {
    if (this.has(spec.name)) throw new WindowError(`A window called ${spec.name} exists already; DROP WINDOW ${spec.name} first to change it.`, 'name');
    if (this.declared.length >= SQL_MAX_WINDOWS) {
      throw new WindowError(`At most ${SQL_MAX_WINDOWS} windows can be declared at once (${this.names().join(', ')}); drop one first with DROP WINDOW name.`, 'name');
    }
    const taken = this.db.exec(
      "SELECT type, name FROM sqlite_master WHERE lower(name) = lower(?) UNION ALL SELECT type, name FROM sqlite_temp_master WHERE lower(name) = lower(?)",
      [spec.name, spec.name],
    )[0]?.values[0];
    if (taken) throw new WindowError(`Your ${String(taken[0])} ${String(taken[1])} has that name already; choose another name for the window.`, 'name');
    // Measures are checked against the current columns (a window declared before any file opened waits for one).
    if (spec.measures !== null && this.columns.length > 0) {
      for (const measure of spec.measures) {
        try {
          recordLayout(this.columns, [measure]);
        } catch (error) {
          throw new WindowError(`${(error as Error).message} The measures are: ${recordLayout(this.columns).measureNames.join(', ') || 'none'}.`, { measure });
        }
      }
    }
    const window: Declared = {
      spec,
      layout: null,
      aggregator: null,
      columns: [],
      problem: null,
      appends: new PendingWindowRows(0, 1),
      upserts: new Map(),
      insert: null,
      insertMany: null,
      rowParams: [],
      stale: true,
      tableRows: 0,
    };
    this.prepare(window);
    this.declared.push(window);
    this.remake(window);
    let rows = 0;
    const aggregator = window.aggregator;
    if (aggregator) {
      backfill((record) => {
        aggregator.add(record);
        rows++;
      });
      if (this.ended) aggregator.flush();
    }
    this.write();
    return rows;
  }

  drop(name: string): string {
    const at = this.declared.findIndex((window) => sameName(window.spec.name, name));
    if (at < 0) {
      const names = this.names();
      throw new WindowError(`There is no window called ${name}${names.length > 0 ? ` (declared: ${names.join(', ')})` : ''}.`, 'name');
    }
    const [window] = this.declared.splice(at, 1) as [Declared];
    freeStatements(window);
    this.db.run(`DROP TABLE IF EXISTS ${quoteIdentifier(window.spec.name)}`);
    return window.spec.name;
  }

  /** Rows as the worker receives them, each through every window once. */
  add(batch: RowBatch): void {
    if (this.declared.length === 0) return;
    const aggregators: WindowAggregator[] = [];
    for (const window of this.declared) if (window.aggregator) aggregators.push(window.aggregator);
    if (aggregators.length === 0) return;
    const { values, meta } = batch;
    const record = this.record;
    for (let i = 0; i < values.length; i++) {
      const m = i * ROW_META_STRIDE;
      const time = meta[m + META_TIME] as number;
      record.values = values[i] as CellValue[];
      record.time = Number.isNaN(time) ? null : time;
      record.line = meta[m + META_LINE] as number;
      for (let w = 0; w < aggregators.length; w++) (aggregators[w] as WindowAggregator).add(record);
    }
  }

  /** End of the stream: every open window closes (its final row is written at the next write). */
  end(): void {
    this.ended = true;
    for (const window of this.declared) window.aggregator?.flush();
  }

  /** True when rows wait to be written or a table to be remade. */
  get pending(): boolean {
    return this.declared.some((window) => window.stale || window.appends.rows > 0 || window.upserts.size > 0);
  }

  /** Remakes stale tables and writes what the windows emitted, in one transaction. */
  write(): void {
    if (!this.pending) return;
    for (const window of this.declared) if (window.stale) this.remake(window);
    this.db.run('BEGIN');
    try {
      for (const window of this.declared) {
        const insert = window.insert;
        if (!insert) continue;
        if (window.appends.rows > 0) window.tableRows += window.appends.writeTo(window.insertMany, insert, window.rowParams);
        for (const cells of window.upserts.values()) insert.run(cells as Cell[]);
        window.upserts.clear();
        insert.reset();
      }
      this.db.run('COMMIT');
    } catch (error) {
      try {
        this.db.run('ROLLBACK');
      } catch {
        // SQLite rolled back already.
      }
      throw error;
    }
  }

  views(): SqlWindowView[] {
    return this.declared.map((window) => {
      const base = window.aggregator?.view() ?? {
        spec: { ...window.spec, measures: window.spec.measures ?? [] },
        watermark: null,
        openRows: 0,
        closedRows: 0,
        untimed: 0,
        lateCount: 0,
        late: [],
        lateDropped: 0,
      };
      // An EMIT CHANGES table holds a row for every window × location seen: the closed and the open.
      const tableRows = window.spec.emit === 'changes' ? base.closedRows + base.openRows : window.tableRows;
      return { ...base, tableRows, problem: window.problem };
    });
  }

  /** Layout, aggregator and columns for the current data; the table is remade at the next write. */
  private prepare(window: Declared): void {
    window.appends.clear();
    window.upserts.clear();
    window.stale = true;
    try {
      window.layout = recordLayout(this.columns, window.spec.measures);
      window.problem = null;
    } catch (error) {
      window.layout = null;
      window.aggregator = null;
      window.columns = [];
      window.problem = `${(error as Error).message} The window stays declared and fills again when the data has that column.`;
      return;
    }
    window.columns = windowTableColumns(this.columns, window.layout);
    if (window.spec.emit === 'changes') {
      const locations = window.layout.locationIndexes.length;
      window.aggregator = new WindowAggregator(window.spec, window.layout, (row: WindowRow) => {
        const cells = windowTableCells(row);
        window.upserts.set(upsertKey(cells, locations), cells);
      });
      return;
    }
    const appends = new PendingWindowRows(window.columns.length, rowsPerInsert(window.columns.length, false));
    window.appends = appends;
    // Rows of one window close together: its bounds are formatted once.
    let start = Number.NaN;
    let startText = '';
    let endText = '';
    window.aggregator = WindowAggregator.ofFigures(window.spec, window.layout, (figures: WindowFigures, windowEnd: number, closed: boolean) => {
      if (figures.start !== start) {
        start = figures.start;
        startText = sqlTime(start);
        endText = sqlTime(windowEnd);
      }
      const cells = appends.nextRow();
      writeWindowTableCells(cells, appends.offset, figures, startText, endText, closed);
    });
  }

  private remake(window: Declared): void {
    window.stale = false;
    freeStatements(window);
    window.tableRows = 0;
    const name = quoteIdentifier(window.spec.name);
    this.db.run(`DROP TABLE IF EXISTS ${name}`);
    const columns = window.layout ? window.columns : [{ name: 'window_start', type: 'TEXT' }, { name: 'window_end', type: 'TEXT' }];
    const definitions = columns.map((column) => `${quoteIdentifier(column.name)} ${column.type}`);
    const changes = window.spec.emit === 'changes' && window.layout !== null;
    if (changes) {
      // window_start and the location columns (right after window_end) identify a row.
      const key = [columns[0], ...columns.slice(2, 2 + (window.layout?.locationIndexes.length ?? 0))].map((column) => quoteIdentifier((column as SqlColumn).name));
      definitions.push(`PRIMARY KEY (${key.join(', ')})`);
    }
    this.db.run(`CREATE TABLE ${name} (${definitions.join(', ')})`);
    if (!window.layout) return;
    const rowValues = `(${columns.map(() => '?').join(', ')})`;
    window.insert = prepareInsert(this.db, this.direct, `INSERT${changes ? ' OR REPLACE' : ''} INTO ${name} VALUES ${rowValues}`);
    window.rowParams = new Array<Cell>(columns.length).fill(null);
    const rows = rowsPerInsert(columns.length, changes);
    if (rows > 1) {
      const values = Array.from({ length: rows }, () => rowValues).join(', ');
      window.insertMany = prepareInsert(this.db, this.direct, `INSERT INTO ${name} VALUES ${values}`);
    }
  }

  close(): void {
    for (const window of this.declared) freeStatements(window);
  }
}

/** Rows one INSERT writes: upserts one at a time, appends many (see pendingWindowRows.ts, whose arrays are this size). */
function rowsPerInsert(columns: number, changes: boolean): number {
  return changes ? 1 : Math.max(1, Math.min(ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / columns)));
}

function freeStatements(window: Declared): void {
  window.insert?.free();
  window.insertMany?.free();
  window.insert = null;
  window.insertMany = null;
}

/** window_start and the location cells (right after window_end) of a window table's row. */
function upsertKey(cells: readonly CellValue[], locations: number): string {
  let key = String(cells[0]);
  for (let i = 0; i < locations; i++) key += `\u0000${String(cells[2 + i])}`;
  return key;
}
