/**
 * The names completion offers, from the live table's view. Before the table has reported its
 * columns (it is still starting), the open file's columns stand in, named as the table will name them.
 */
import type { ColumnInfo } from '../../../../shared/schema';
import { LIVE_TABLE, type SqlColumn, type SqlTableView } from '../../../../shared/sql/sqlContract';
import { liveDataColumnNames } from '../../../../shared/sql/sqlIdentifiers';
import type { CompletionSchema } from './sqlCompletion';

export function liveSchema(view: SqlTableView | null, fileColumns: readonly ColumnInfo[] | null): CompletionSchema {
  if (view && view.columns.length > 0) return { table: view.table, columns: view.columns, objects: view.objects };
  const names = liveDataColumnNames((fileColumns ?? []).map((column) => column.name));
  const columns: SqlColumn[] = (fileColumns ?? []).map((column, index) => ({
    name: names[index] ?? column.name,
    type: column.type === 'number' ? 'NUMERIC' : 'TEXT',
    system: false,
  }));
  return { table: view?.table ?? LIVE_TABLE, columns, objects: view?.objects ?? [] };
}
