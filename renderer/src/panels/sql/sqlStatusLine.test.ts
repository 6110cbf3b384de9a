import { describe, expect, it } from 'vitest';
import { DEFAULT_SQL_SETTINGS, type SqlTableView } from '../../../../shared/sql/sqlContract';
import { formatElapsed, formatRate, liveAge, resultSummary, tableStateNote, tableStatusLine } from './sqlStatusLine';

const view = (over: Partial<SqlTableView> = {}): SqlTableView => ({
  table: 'traffic',
  state: 'ready',
  message: null,
  columns: [],
  rowsHeld: 123_456,
  rowsInserted: 133_456,
  rowsEvicted: 10_000,
  rowsEvictedForMemory: 0,
  rowsPending: 2_000,
  ingestRowsPerSecond: 310_000,
  settings: DEFAULT_SQL_SETTINGS,
  query: null,
  objects: [],
  windows: [],
  ...over,
});

describe('table status line', () => {
  it('names the table, rows held, evicted, pending and the ingest rate', () => {
    expect(tableStatusLine(view())).toBe('traffic · 123,456 rows held · 10,000 evicted · 2,000 pending · 310k rows/s');
  });

  it('says how many evicted rows went to keep the table under its memory ceiling', () => {
    expect(tableStatusLine(view({ rowsEvictedForMemory: 4_000 }))).toBe(
      'traffic · 123,456 rows held · 10,000 evicted (4,000 to stay under 1 GB of memory) · 2,000 pending · 310k rows/s',
    );
  });

  it('writes rates compactly', () => {
    expect(formatRate(0)).toBe('0 rows/s');
    expect(formatRate(850.4)).toBe('850 rows/s');
    expect(formatRate(1_250_000)).toBe('1.3M rows/s');
    expect(formatRate(-3)).toBe('0 rows/s');
  });

  it('says nothing about a ready table, and why one is not ready', () => {
    expect(tableStateNote(view())).toBeNull();
    expect(tableStateNote(view({ state: 'starting' }))).toBe('starting…');
    expect(tableStateNote(view({ state: 'restarting', message: 'the SQL worker ran out of memory' }))).toBe('restarting: the SQL worker ran out of memory');
    expect(tableStateNote(view({ state: 'failed', message: 'sql.js did not load' }))).toBe('failed: sql.js did not load');
    expect(tableStateNote(view({ state: 'off', message: 'The live table fills from the moment an SQL console is open.' }))).toBe(
      'The live table fills from the moment an SQL console is open.',
    );
  });
});

describe('result summary', () => {
  it('counts rows and time to the first page', () => {
    expect(resultSummary({ rowsCounted: 1234, complete: true, stopped: false, elapsedMs: 12 })).toBe('1,234 rows · 12 ms');
    expect(resultSummary({ rowsCounted: 1, complete: true, stopped: false, elapsedMs: 3200 })).toBe('1 row · 3.2 s');
  });

  it('says it is still counting', () => {
    expect(resultSummary({ rowsCounted: 230_000, complete: false, stopped: false, elapsedMs: 40 })).toBe('counting… 230,000 rows · first page in 40 ms');
  });

  it('explains rows beyond those kept for scrolling', () => {
    expect(resultSummary({ rowsCounted: 1_000_000, complete: true, stopped: false, elapsedMs: 12 })).toBe(
      '1,000,000 rows (first 100,000 kept for scrolling; export for all) · 12 ms',
    );
  });

  it('says when counting stopped early', () => {
    expect(resultSummary({ rowsCounted: 5000, complete: false, stopped: true, elapsedMs: 12 })).toBe('5,000 rows (counting stopped) · 12 ms');
  });

  it('formats elapsed time', () => {
    expect(formatElapsed(0.4)).toBe('0 ms');
    expect(formatElapsed(999)).toBe('999 ms');
    expect(formatElapsed(61_000)).toBe('61.0 s');
  });
});

describe('live age', () => {
  it('says how long ago the live result was refreshed', () => {
    expect(liveAge(10_000, 10_400)).toBe('live · updated 0.4 s ago');
    expect(liveAge(10_000, 9_000)).toBe('live · updated 0.0 s ago');
    expect(liveAge(0, 125_000)).toBe('live · updated 2 min ago');
    expect(liveAge(null, 5)).toBe('live · waiting for the first update');
  });
});
