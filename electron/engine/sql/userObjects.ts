/**
 * The tables and views users created beside the live table, with their columns, for completion and
 * the object list. The app's own objects (the live view, its storage) are left out.
 */
import type { Database } from 'sql.js';
import type { SqlObject } from '../../../shared/sql/sqlContract';

const LIST_SQL = `
  SELECT 'main', name, type, sql FROM sqlite_master WHERE type IN ('table', 'view')
  UNION ALL
  SELECT 'temp', name, type, sql FROM sqlite_temp_master WHERE type IN ('table', 'view')
  ORDER BY 2`;

/** `windowNames`: declared windows' tables, listed as kind 'window'. */
export function listUserObjects(db: Database, internalNames: ReadonlySet<string>, windowNames: readonly string[] = []): SqlObject[] {
  const windows = new Set(windowNames.map((name) => name.toLowerCase()));
  const objects: SqlObject[] = [];
  const list = db.prepare(LIST_SQL);
  const columns = db.prepare('SELECT name FROM pragma_table_info(?, ?)');
  try {
    while (list.step()) {
      const [schema, name, type, sql] = list.get() as [string, string, string, string | null];
      if (name.toLowerCase().startsWith('sqlite_')) continue;
      if (schema === 'main' && internalNames.has(name.toLowerCase())) continue;
      const names: string[] = [];
      try {
        columns.bind([name, schema]);
        while (columns.step()) names.push(String(columns.get()[0]));
      } catch {
        // A view over columns that no longer exist (the data's columns changed) has none to offer.
      } finally {
        columns.reset();
      }
      const kind = type === 'view' ? 'view' : schema === 'main' && windows.has(name.toLowerCase()) ? 'window' : 'table';
      // A view of the main database can be made again from its statement (a temporary one is the session's own).
      const definition = kind === 'view' && schema === 'main' && sql !== null ? { definition: sql } : {};
      objects.push({ name, kind, columns: names, ...definition });
    }
  } finally {
    list.free();
    columns.free();
  }
  return objects;
}
