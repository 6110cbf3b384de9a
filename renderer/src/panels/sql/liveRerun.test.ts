import { describe, expect, it } from 'vitest';
import { DEFAULT_SQL_SETTINGS, type SqlTableView } from '../../../../shared/sql/sqlContract';
import { shouldRerun, tableVersion, type LiveInputs } from './liveRerun';

const ready: LiveInputs = { live: true, hasQuery: true, busy: false, lastStartedAt: 10_000, versionAtRun: '100:0', versionNow: '250:0', now: 11_000 };

describe('live re-run', () => {
  it('re-runs once the table changed, the last run finished and a second passed', () => {
    expect(shouldRerun(ready)).toBe(true);
  });

  it('waits while off, without a query, or while the last run is busy', () => {
    expect(shouldRerun({ ...ready, live: false })).toBe(false);
    expect(shouldRerun({ ...ready, hasQuery: false })).toBe(false);
    expect(shouldRerun({ ...ready, busy: true })).toBe(false);
  });

  it('runs at most once a second', () => {
    expect(shouldRerun({ ...ready, now: 10_999 })).toBe(false);
    expect(shouldRerun({ ...ready, lastStartedAt: null })).toBe(true);
  });

  it('does not re-run an unchanged table', () => {
    expect(shouldRerun({ ...ready, versionNow: '100:0' })).toBe(false);
    expect(shouldRerun({ ...ready, versionNow: null })).toBe(false);
  });

  it('sees evictions as a change even when nothing was inserted', () => {
    const view = (rowsInserted: number, rowsEvicted: number): SqlTableView => ({
      table: 'traffic',
      state: 'ready',
      message: null,
      columns: [],
      rowsHeld: rowsInserted - rowsEvicted,
      rowsInserted,
      rowsEvicted,
      rowsEvictedForMemory: 0,
      rowsPending: 0,
      ingestRowsPerSecond: 0,
      settings: DEFAULT_SQL_SETTINGS,
      query: null,
      objects: [],
      windows: [],
    });
    expect(tableVersion(view(100, 0))).not.toBe(tableVersion(view(100, 10)));
    expect(tableVersion(view(100, 10))).toBe(tableVersion(view(100, 10)));
    expect(tableVersion(null)).toBeNull();
  });
});
