import { describe, expect, it } from 'vitest';
import type { SqlQueryProgress } from '../../../../shared/sql/sqlContract';
import { resultProgress, type RowsResult } from './resultProgress';

const result = (over: Partial<RowsResult> = {}): RowsResult => ({
  status: 'rows',
  queryId: 5,
  columns: ['n'],
  rows: Array.from({ length: 200 }, (_, i) => [i]),
  rowsCounted: 200,
  complete: false,
  elapsedMs: 12,
  ...over,
});
const query = (over: Partial<SqlQueryProgress> = {}): SqlQueryProgress => ({ queryId: 5, state: 'running', rowsCounted: 0, keptRows: 0, elapsedMs: 0, ...over });

describe('result progress', () => {
  it('takes a complete first page as the whole result', () => {
    expect(resultProgress(result({ rows: [[1]], rowsCounted: 1, complete: true }), null, null)).toEqual({ rowsCounted: 1, keptRows: 1, complete: true, stopped: false });
  });

  it('follows the table view while the engine counts', () => {
    expect(resultProgress(result(), query({ rowsCounted: 230_000, keptRows: 100_000 }), null)).toEqual({
      rowsCounted: 230_000,
      keptRows: 100_000,
      complete: false,
      stopped: false,
    });
    expect(resultProgress(result(), query({ state: 'complete', rowsCounted: 1_000_000, keptRows: 100_000 }), null)).toMatchObject({
      rowsCounted: 1_000_000,
      keptRows: 100_000,
      complete: true,
    });
  });

  it('never moves back on an older report', () => {
    const progress = resultProgress(result({ rowsCounted: 5000 }), query({ rowsCounted: 3000, keptRows: 3000 }), { queryId: 5, rowsCounted: 4000, keptRows: 4000, complete: false });
    expect(progress.rowsCounted).toBe(5000);
    expect(progress.keptRows).toBe(5000);
  });

  it('ignores reports about other queries, but sees a newer query as the end of counting', () => {
    expect(resultProgress(result(), query({ queryId: 4, rowsCounted: 9999 }), { queryId: 3, rowsCounted: 9999, keptRows: 9999, complete: true })).toEqual({
      rowsCounted: 200,
      keptRows: 200,
      complete: false,
      stopped: false,
    });
    expect(resultProgress(result(), query({ queryId: 6 }), null).stopped).toBe(true);
  });

  it('says counting stopped when the query was cancelled or failed', () => {
    expect(resultProgress(result(), query({ state: 'cancelled', rowsCounted: 900, keptRows: 900 }), null)).toEqual({ rowsCounted: 900, keptRows: 900, complete: false, stopped: true });
    expect(resultProgress(result(), query({ state: 'failed' }), null).stopped).toBe(true);
  });

  it('learns completion from a page reply', () => {
    expect(resultProgress(result(), null, { queryId: 5, rowsCounted: 450, keptRows: 450, complete: true })).toEqual({ rowsCounted: 450, keptRows: 450, complete: true, stopped: false });
  });
});
