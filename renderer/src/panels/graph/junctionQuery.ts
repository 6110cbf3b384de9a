/**
 * The query "Query in SQL" types into the console for one junction: its newest rows in the live
 * table. The location column is named as the live table names it (see liveDataColumnNames) and
 * always quoted, and the junction id is a string literal with its quotes doubled, so any id or
 * header (spaces, quotes, keywords) makes valid SQL.
 */
import type { ColumnInfo } from '../../../../shared/schema';
import { LIVE_SYSTEM_COLUMNS, liveDataColumnNames } from '../../../../shared/sql/sqlIdentifiers';

export const QUERY_ROW_LIMIT = 100;

export const sqlString = (value: string): string => `'${value.replaceAll("'", "''")}'`;
export const sqlName = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** The live table's name for the data's location column (a later duplicate of a name gets a suffix there). */
export function liveLocationColumn(columns: readonly ColumnInfo[], locationColumn: string): string {
  const index = columns.findIndex((column) => column.name === locationColumn);
  return index === -1 ? locationColumn : (liveDataColumnNames(columns.map((column) => column.name))[index] ?? locationColumn);
}

export function junctionQuery(table: string, locationColumn: string | null, junctionId: string): string {
  const where = locationColumn === null ? '' : ` WHERE ${sqlName(locationColumn)} = ${sqlString(junctionId)}`;
  return `SELECT * FROM ${sqlName(table)}${where} ORDER BY ${LIVE_SYSTEM_COLUMNS.offset} DESC LIMIT ${QUERY_ROW_LIMIT}`;
}
