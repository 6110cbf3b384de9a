import { describe, expect, it } from 'vitest';
import { DEFAULT_SQL_SETTINGS, type SqlTableView } from '../../../../shared/sql/sqlContract';
import { liveSchema } from './liveSchema';

const view = (columns: SqlTableView['columns']): SqlTableView => ({
  table: 'traffic',
  state: 'ready',
  message: null,
  columns,
  rowsHeld: 0,
  rowsInserted: 0,
  rowsEvicted: 0,
  rowsEvictedForMemory: 0,
  rowsPending: 0,
  ingestRowsPerSecond: 0,
  settings: DEFAULT_SQL_SETTINGS,
  query: null,
  objects: [{ name: 'mine', kind: 'view', columns: ['a'] }],
  windows: [],
});

describe('live schema for completion', () => {
  it('uses the table view once it has columns', () => {
    const columns = [{ name: 'Total', type: 'INTEGER' as const, system: false }];
    expect(liveSchema(view(columns), [{ name: 'ignored', type: 'text', role: 'category' }])).toEqual({
      table: 'traffic',
      columns,
      objects: [{ name: 'mine', kind: 'view', columns: ['a'] }],
    });
  });

  it('falls back on the file columns, named as the table will name them', () => {
    const schema = liveSchema(view([]), [
      { name: 'Total', type: 'number', role: 'measure' },
      { name: 'total', type: 'text', role: 'category' },
    ]);
    expect(schema.columns).toEqual([
      { name: 'Total', type: 'NUMERIC', system: false },
      { name: 'total_2', type: 'TEXT', system: false },
    ]);
    expect(liveSchema(null, null)).toEqual({ table: 'traffic', columns: [], objects: [] });
  });
});
