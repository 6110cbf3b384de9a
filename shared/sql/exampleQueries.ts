/**
 * Ready-made queries for the console, written for the data at hand: the original pipeline's
 * `Total > 50` filter and the questions traffic people ask first. Each uses the live table's own
 * column names (see liveDataColumnNames), quoted where SQLite needs it; an example whose columns
 * the data lacks is left out rather than written with a guess.
 */
import type { ColumnInfo } from '../schema';
import { LIVE_SYSTEM_COLUMNS, liveDataColumnNames, quoteIdentifier } from './sqlIdentifiers';

export interface ExampleQuery {
  title: string;
  sql: string;
}

interface NamedColumn extends ColumnInfo {
  /** The column's name in the live table, quoted when needed. */
  sql: string;
}

const WEEKDAY_NAME = /day.?of.?(the.?)?week|weekday/i;
/** The threshold of the pipeline the app replaces (a Spark filter printed to a console). */
const ORIGINAL_THRESHOLD = 50;

/** `base`, or `base_2`…, whichever no column is called: an alias equal to a column would confuse readers. */
function alias(base: string, columnNames: readonly string[]): string {
  const taken = new Set(columnNames.map((name) => name.toLowerCase()));
  let name = base;
  for (let suffix = 2; taken.has(name.toLowerCase()); suffix++) name = `${base}_${suffix}`;
  return quoteIdentifier(name);
}

/**
 * `measureName` is the file's main measure (FileInfo.measure: the one the user chose, else the one the
 * engine's mainMeasure picked), so the examples filter and sum what the threshold starts on.
 */
export function exampleQueries(columns: readonly ColumnInfo[], table: string, measureName: string | null): ExampleQuery[] {
  const names = liveDataColumnNames(columns.map((column) => column.name));
  const named: NamedColumn[] = columns.map((column, index) => ({ ...column, sql: quoteIdentifier(names[index] ?? column.name) }));
  const from = quoteIdentifier(table);
  const time = quoteIdentifier(LIVE_SYSTEM_COLUMNS.time);
  const measure = named.find((column) => column.type === 'number' && column.name === measureName);
  const hasTime = named.some((column) => column.role === 'timestamp' || column.type === 'time');
  const weekday = named.find((column) => WEEKDAY_NAME.test(column.name));
  const location = named.find((column) => column.role === 'location');
  const category = named.find((column) => column.role === 'category' && column.type === 'text' && column !== weekday);
  const examples: ExampleQuery[] = [];

  if (measure) {
    examples.push({
      title: `Rows where ${measure.name} > ${ORIGINAL_THRESHOLD}, newest first`,
      sql: [
        `SELECT *`,
        `FROM ${from}`,
        `WHERE ${measure.sql} > ${ORIGINAL_THRESHOLD}`,
        // _offset counts per partition; arrival time orders across them, the offset within one batch.
        `ORDER BY ${quoteIdentifier(LIVE_SYSTEM_COLUMNS.ingestedAt)} DESC, ${quoteIdentifier(LIVE_SYSTEM_COLUMNS.offset)} DESC`,
        `LIMIT 100`,
      ].join('\n'),
    });
  }

  if (measure && weekday) {
    const average = alias('average', names);
    examples.push({
      title: `Average ${measure.name} per ${weekday.name}`,
      sql: [
        `SELECT ${weekday.sql}, avg(${measure.sql}) AS ${average}, count(*) AS ${alias('row_count', names)}`,
        `FROM ${from}`,
        `GROUP BY ${weekday.sql}`,
        `ORDER BY ${average} DESC`,
      ].join('\n'),
    });
  } else if (measure && hasTime) {
    const day = alias('weekday', names);
    examples.push({
      title: `Average ${measure.name} per day of the week`,
      sql: [
        `-- strftime('%w') numbers the days from 0 (Sunday) to 6 (Saturday)`,
        `SELECT strftime('%w', ${time}) AS ${day}, avg(${measure.sql}) AS ${alias('average', names)}, count(*) AS ${alias('row_count', names)}`,
        `FROM ${from}`,
        `WHERE ${time} IS NOT NULL`,
        `GROUP BY ${day}`,
        `ORDER BY ${day}`,
      ].join('\n'),
    });
  }

  if (measure && location && hasTime) {
    const sum = alias('sum_last_hour', names);
    examples.push({
      title: `Busiest ${location.name} in the last hour of data`,
      sql: [
        `SELECT ${location.sql}, sum(${measure.sql}) AS ${sum}`,
        `FROM ${from}`,
        // The newest row's hour, not the clock's: a replay's times may be years old.
        `WHERE ${time} >= datetime((SELECT max(${time}) FROM ${from}), '-1 hour')`,
        `GROUP BY ${location.sql}`,
        `ORDER BY ${sum} DESC`,
        `LIMIT 10`,
      ].join('\n'),
    });
  }

  if (category) {
    const count = alias('row_count', names);
    examples.push({
      title: `Rows per ${category.name}`,
      sql: [`SELECT ${category.sql}, count(*) AS ${count}`, `FROM ${from}`, `GROUP BY ${category.sql}`, `ORDER BY ${count} DESC`].join('\n'),
    });
  }
  return examples;
}
