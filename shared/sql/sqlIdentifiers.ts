/**
 * SQL names as SQLite reads them: when a name must be quoted, how to quote it, and the names the
 * live table's columns get. Shared so the engine (table layout) and the page (examples,
 * completion) write the same names.
 */

/**
 * Every SQLite keyword (as of 3.54, the version sql.js ships). Some of them may be used bare as
 * names in some places, but not everywhere; quoting all of them is always safe.
 */
export const SQLITE_KEYWORDS: ReadonlySet<string> = new Set(
  (
    'ABORT ACTION ADD AFTER ALL ALTER ALWAYS ANALYZE AND AS ASC ATTACH AUTOINCREMENT BEFORE BEGIN ' +
    'BETWEEN BY CASCADE CASE CAST CHECK COLLATE COLUMN COMMIT CONFLICT CONSTRAINT CREATE CROSS CURRENT ' +
    'CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP DATABASE DEFAULT DEFERRABLE DEFERRED DELETE DESC DETACH ' +
    'DISTINCT DO DROP EACH ELSE END ESCAPE EXCEPT EXCLUDE EXCLUSIVE EXISTS EXPLAIN FAIL FILTER FIRST ' +
    'FOLLOWING FOR FOREIGN FROM FULL GENERATED GLOB GROUP GROUPS HAVING IF IGNORE IMMEDIATE IN INDEX ' +
    'INDEXED INITIALLY INNER INSERT INSTEAD INTERSECT INTO IS ISNULL JOIN KEY LAST LEFT LIKE LIMIT MATCH ' +
    'MATERIALIZED NATURAL NO NOT NOTHING NOTNULL NULL NULLS OF OFFSET ON OR ORDER OTHERS OUTER OVER ' +
    'PARTITION PLAN PRAGMA PRECEDING PRIMARY QUERY RAISE RANGE RECURSIVE REFERENCES REGEXP REINDEX ' +
    'RELEASE RENAME REPLACE RESTRICT RETURNING RIGHT ROLLBACK ROW ROWS SAVEPOINT SELECT SET TABLE TEMP ' +
    'TEMPORARY THEN TIES TO TRANSACTION TRIGGER UNBOUNDED UNION UNIQUE UPDATE USING VACUUM VALUES VIEW ' +
    'VIRTUAL WHEN WHERE WINDOW WITH WITHOUT'
  ).split(' '),
);

const BARE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function needsQuoting(name: string): boolean {
  return !BARE_NAME.test(name) || SQLITE_KEYWORDS.has(name.toUpperCase());
}

export function quoteIdentifier(name: string): string {
  return needsQuoting(name) ? `"${name.replaceAll('"', '""')}"` : name;
}

/** Columns the app adds after the data's own, in this order. */
export const LIVE_SYSTEM_COLUMNS = {
  /** Event time, 'YYYY-MM-DD HH:MM:SS' UTC; null when the data has no time. */
  time: '_time',
  offset: '_offset',
  partition: '_partition',
  /** When the row reached the table, 'YYYY-MM-DD HH:MM:SS.sss' UTC. */
  ingestedAt: '_ingested_at',
} as const;

/**
 * The live table's names for the data's columns, in schema order. Headers are unique as written,
 * but SQLite compares names without regard to case: "Total" and "total" (or a data column called
 * "_TIME") would be one column to it, and CREATE TABLE would fail. A later duplicate gets `_2`,
 * `_3`… so every column stays reachable; an empty (or blank) name becomes `column_N` (1-based
 * position).
 */
export function liveDataColumnNames(names: readonly string[]): string[] {
  const taken = new Set(Object.values(LIVE_SYSTEM_COLUMNS).map((name) => name.toLowerCase()));
  return names.map((raw, index) => {
    const base = raw.trim() === '' ? `column_${index + 1}` : raw;
    let name = base;
    for (let suffix = 2; taken.has(name.toLowerCase()); suffix++) name = `${base}_${suffix}`;
    taken.add(name.toLowerCase());
    return name;
  });
}
