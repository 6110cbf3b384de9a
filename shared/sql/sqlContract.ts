/**
 * The SQL console's part of the contract: the live table's view, query results (sent in pages),
 * settings, and the query library. Spread into the app's one command map in ../contract.ts.
 */
import { z } from 'zod';
import { windowViewSchema } from '../windows/windowContract';

/** The live table users query; its rows are the rows the stages consumed, newest kept. */
export const LIVE_TABLE = 'traffic';
/** Longest SQL text accepted (a typed query, not a script). */
export const SQL_MAX_LENGTH = 100_000;
/** Most rows one page of a result may carry across a process boundary. */
export const SQL_PAGE_MAX = 1000;
/** Rows of one result kept for scrolling; beyond it rows are counted, and export re-runs the query for all. */
export const SQL_KEPT_ROWS = 100_000;

/*
 * Sizes are measured in characters of text (see sqlCellChars), which for ordinary text is about the
 * bytes the cells take in a reply. A single SQLite value can be a gigabyte, and one result page has
 * to cross the SQL worker, the engine and a WebSocket: so no cell, page or kept result is unbounded.
 */
/** Longest text a result cell carries; a longer value arrives cut, with its full length. */
export const SQL_CELL_MAX_CHARS = 10_000;
/** Most text one page of a result carries: a page of big rows has fewer rows (always at least one). */
export const SQL_PAGE_MAX_CHARS = 2_000_000;
/** Most text of one result kept for paging; past it rows are counted only, as past SQL_KEPT_ROWS. */
export const SQL_KEPT_MAX_CHARS = 64_000_000;

/** A text value longer than a cell may carry: its first characters and its whole length (in characters). */
export const truncatedCellSchema = z.object({ truncated: z.literal(true), text: z.string(), length: z.number().int().nonnegative() }).strict();
export type TruncatedCell = z.infer<typeof truncatedCellSchema>;

const cellValue = z.union([z.number(), z.string(), z.null(), truncatedCellSchema]);
/** One value of a result row. */
export type SqlCell = z.infer<typeof cellValue>;

/** What a cell counts towards the page and kept limits; a number or null as about its JSON text. */
export function sqlCellChars(cell: SqlCell): number {
  if (cell === null) return 4;
  if (typeof cell === 'number') return 24;
  if (typeof cell === 'string') return cell.length + 3;
  return cell.text.length + 48;
}

export function sqlRowChars(row: readonly SqlCell[]): number {
  let chars = 2;
  for (const cell of row) chars += sqlCellChars(cell);
  return chars;
}

/**
 * The longest text each cell of a row with `columns` columns may carry, so that one row always fits
 * in a page (a result can have 2,000 columns).
 */
export function sqlCellLimit(columns: number): number {
  return Math.max(16, Math.min(SQL_CELL_MAX_CHARS, Math.floor(SQL_PAGE_MAX_CHARS / Math.max(1, columns)) - 64));
}

export const sqlRetentionSchema = z
  .object({
    /** Keep at most this many newest rows; null: no row limit. */
    maxRows: z.number().int().positive().max(50_000_000).nullable(),
    /** Keep rows whose event time (ingest time without one) is within this many minutes of the newest; null: no time limit. */
    maxMinutes: z.number().positive().max(525_600).nullable(),
  })
  .strict();
export type SqlRetention = z.infer<typeof sqlRetentionSchema>;

export const sqlSettingsSchema = z
  .object({
    retention: sqlRetentionSchema,
    /** A query running longer than this is stopped. */
    timeoutSeconds: z.number().positive().max(3600),
  })
  .strict();
export type SqlSettings = z.infer<typeof sqlSettingsSchema>;

/** A million rows of a dozen columns stay well under 1 GB in the SQL worker. */
export const DEFAULT_SQL_SETTINGS: SqlSettings = { retention: { maxRows: 1_000_000, maxMinutes: null }, timeoutSeconds: 10 };

export const SQL_COLUMN_TYPES = ['NUMERIC', 'INTEGER', 'TEXT'] as const;
export type SqlColumnType = (typeof SQL_COLUMN_TYPES)[number];

export const sqlColumnSchema = z.object({
  name: z.string(),
  type: z.enum(SQL_COLUMN_TYPES),
  /** Added by the app (_time, _offset, _partition, _ingested_at), not a column of the data. */
  system: z.boolean(),
});
export type SqlColumn = z.infer<typeof sqlColumnSchema>;

/** A table or view the user created beside the live table (offered by completion). */
export const sqlObjectSchema = z.object({
  name: z.string(),
  /** window: a declared window's table (CREATE WINDOW), filled by the app and read-only. */
  kind: z.enum(['table', 'view', 'window']),
  columns: z.array(z.string()),
  /** A view's CREATE VIEW statement, so a replacement SQL worker can make the view again. */
  definition: z.string().optional(),
});
export type SqlObject = z.infer<typeof sqlObjectSchema>;

export const SQL_QUERY_STATES = ['running', 'complete', 'failed', 'cancelled'] as const;

/** Progress of the newest query: its first page came back with sql:run; counting goes on here. */
export const sqlQueryProgressSchema = z.object({
  queryId: z.number().int(),
  state: z.enum(SQL_QUERY_STATES),
  /** Result rows seen so far (all of them once complete). */
  rowsCounted: z.number(),
  /** Rows available to sql:page (at most SQL_KEPT_ROWS). */
  keptRows: z.number(),
  elapsedMs: z.number(),
});
export type SqlQueryProgress = z.infer<typeof sqlQueryProgressSchema>;

/**
 * The pages of the live table live in sql.js's WebAssembly memory, which stops at 2 GB; queries
 * need room there too (sorting, grouping). Past this size the oldest rows make way, whatever the
 * retention says: about 11 million rows shaped like the sample city's.
 */
export const SQL_MEMORY_CEILING_BYTES = 1024 * 1024 * 1024;

/** Most windows declared at once: each one costs work on every row and a table that grows. */
export const SQL_MAX_WINDOWS = 8;

/** A declared window (CREATE WINDOW) as the SQL panel lists it. */
export const sqlWindowViewSchema = windowViewSchema.extend({
  /** Rows its table holds (closed ones and, with EMIT CHANGES, the open ones). */
  tableRows: z.number().int().nonnegative(),
  /** Why the window is not being filled (its measures are not columns of the current data), or null. */
  problem: z.string().nullable(),
});
export type SqlWindowView = z.infer<typeof sqlWindowViewSchema>;

/** off: no SQL console has been opened yet, so the table is not filled (it costs a core at full speed). */
export const SQL_TABLE_STATES = ['off', 'starting', 'ready', 'restarting', 'failed'] as const;

export const sqlTableViewSchema = z.object({
  table: z.string(),
  state: z.enum(SQL_TABLE_STATES),
  /** Why the table is restarting or failed, in plain words. */
  message: z.string().nullable(),
  columns: z.array(sqlColumnSchema),
  /** rowsHeld = rowsInserted − rowsEvicted; rowsInserted + rowsPending = rows delivered to the table. */
  rowsHeld: z.number(),
  rowsInserted: z.number(),
  rowsEvicted: z.number(),
  /** Of rowsEvicted, rows that went because the table reached SQL_MEMORY_CEILING_BYTES, not by retention. */
  rowsEvictedForMemory: z.number(),
  /** Delivered but not yet inserted (queued behind a running query, or in the current batch). */
  rowsPending: z.number(),
  ingestRowsPerSecond: z.number(),
  settings: sqlSettingsSchema,
  query: sqlQueryProgressSchema.nullable(),
  objects: z.array(sqlObjectSchema),
  /** Declared windows (CREATE WINDOW), in the order declared. */
  windows: z.array(sqlWindowViewSchema),
});
export type SqlTableView = z.infer<typeof sqlTableViewSchema>;

/** Where an SQLite error points, as character offsets into the SQL text as sent. */
export const sqlErrorSchema = z.object({
  message: z.string(),
  position: z.object({ from: z.number().int(), to: z.number().int() }).nullable(),
});
export type SqlError = z.infer<typeof sqlErrorSchema>;

export const sqlResultSchema = z.discriminatedUnion('status', [
  /** A query that returns rows: the first page, and how many rows were counted by the time it was sent. */
  z.object({
    status: z.literal('rows'),
    queryId: z.number().int(),
    columns: z.array(z.string()),
    rows: z.array(z.array(cellValue)),
    rowsCounted: z.number(),
    /** True when every row was counted (rowsCounted is the total). */
    complete: z.boolean(),
    /** Milliseconds until the first page was ready. */
    elapsedMs: z.number(),
  }),
  /** A statement on the user's own objects (CREATE VIEW …, INSERT INTO scratch …). */
  z.object({
    status: z.literal('done'),
    queryId: z.number().int(),
    changes: z.number(),
    message: z.string(),
    elapsedMs: z.number(),
  }),
  /** SQLite's error, or the app's refusal (write guard, empty query, several statements). */
  z.object({
    status: z.literal('error'),
    queryId: z.number().int(),
    error: sqlErrorSchema,
    elapsedMs: z.number(),
  }),
  z.object({
    status: z.literal('cancelled'),
    queryId: z.number().int(),
    reason: z.enum(['user', 'timeout']),
    message: z.string(),
    elapsedMs: z.number(),
  }),
]);
export type SqlResult = z.infer<typeof sqlResultSchema>;

export const sqlPageSchema = z.object({
  queryId: z.number().int(),
  offset: z.number().int(),
  rows: z.array(z.array(cellValue)),
  rowsCounted: z.number(),
  keptRows: z.number(),
  complete: z.boolean(),
});
export type SqlPage = z.infer<typeof sqlPageSchema>;

export const savedQuerySchema = z.object({ name: z.string().min(1).max(200), sql: z.string().min(1).max(SQL_MAX_LENGTH) });
export type SavedQuery = z.infer<typeof savedQuerySchema>;

export const sqlLibrarySchema = z.object({
  /** Newest first, at most SQL_HISTORY_LIMIT. */
  history: z.array(z.object({ sql: z.string(), ranAt: z.number() })),
  saved: z.array(savedQuerySchema),
});
export type SqlLibrary = z.infer<typeof sqlLibrarySchema>;
export const SQL_HISTORY_LIMIT = 200;
/** Saved queries kept: far more than a console's list is read by eye, few enough that the list (sent whole) stays small. */
export const SAVED_QUERY_LIMIT = 500;

const ok = z.object({ ok: z.literal(true) });
const sqlText = z.string().max(SQL_MAX_LENGTH);
const queryId = z.number().int().nonnegative();

export const sqlCommands = {
  /** An SQL console is shown: the live table fills from the next row on, for as long as the app runs. */
  'sql:open': { args: z.object({}).strict(), result: ok },
  /** Runs one statement against the live table (opening it if no console did); answers with the first page as soon as it is ready. */
  'sql:run': {
    args: z.object({ sql: sqlText, pageSize: z.number().int().min(1).max(SQL_PAGE_MAX) }).strict(),
    result: sqlResultSchema,
  },
  /** More rows of the newest result (waits until they are counted). */
  'sql:page': {
    args: z.object({ queryId, offset: z.number().int().nonnegative(), limit: z.number().int().min(1).max(SQL_PAGE_MAX) }).strict(),
    result: sqlPageSchema,
  },
  /** Stops the running query; the live table keeps every row. */
  'sql:cancel': { args: z.object({}).strict(), result: z.object({ cancelled: z.boolean() }) },
  'sql:configure': { args: sqlSettingsSchema, result: ok },
  /** Re-runs the result's query and streams every row as CSV to a path the shell chose. */
  'sql:export': { args: z.object({ queryId, path: z.string().min(1).max(4096) }).strict(), result: z.object({ rows: z.number() }) },
  /**
   * A window statement (CREATE WINDOW … / DROP WINDOW …) from the Windows form, without touching the
   * console's result; the console's Run takes the same statements. Answers what it did, or why not
   * (with where in the text, as offsets).
   */
  'sql:window': {
    args: z.object({ sql: sqlText }).strict(),
    result: z.object({ ok: z.boolean(), message: z.string(), position: z.object({ from: z.number().int(), to: z.number().int() }).nullable() }),
  },
  /** History (every run, persisted) and saved queries. */
  'sql:library': { args: z.object({}).strict(), result: sqlLibrarySchema },
  'sql:saveQuery': { args: savedQuerySchema.strict(), result: sqlLibrarySchema },
  'sql:deleteQuery': { args: z.object({ name: z.string().min(1).max(200) }).strict(), result: sqlLibrarySchema },
} as const;

/** Answered by the desktop shell itself (a native dialog), never by the engine. */
export const sqlShellCommands = {
  /** Asks where to save, then exports; null when the user cancels. */
  'sql:showExportDialog': { args: z.object({ queryId }).strict(), result: z.object({ rows: z.number(), path: z.string() }).nullable() },
} as const;
