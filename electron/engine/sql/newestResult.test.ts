/**
 * Only the newest result can be paged or exported; its kept rows are lost with the worker that kept
 * them, unless its query was still waiting and runs again on the new one.
 */
import { describe, expect, it } from 'vitest';
import type { SqlResult } from '../../../shared/sql/sqlContract';
import { NewestResult } from './newestResult';

const ANSWER: Promise<SqlResult> = Promise.resolve({ status: 'done', queryId: 1, changes: 0, message: 'Done', elapsedMs: 1 });

describe('newest result', () => {
  it('hands out only the newest result and says which one is kept', () => {
    const newest = new NewestResult();
    expect(() => newest.get(1)).toThrow(expect.objectContaining({ code: 'BAD_STATE', message: 'Result 1 is gone: only the newest result (none yet) is kept.' }));
    newest.set(1, 'SELECT 1', ANSWER);
    expect(newest.get(1)).toEqual({ queryId: 1, sql: 'SELECT 1', answer: ANSWER, lost: false });
    newest.set(2, 'SELECT 2', ANSWER);
    expect(() => newest.get(1)).toThrow(expect.objectContaining({ code: 'BAD_STATE', message: 'Result 1 is gone: only the newest result (2) is kept.' }));
  });

  it('loses its rows with the worker, unless its query is sent again', () => {
    const newest = new NewestResult();
    newest.workerLost();
    newest.set(3, 'SELECT 3', ANSWER);
    const kept = newest.get(3);
    newest.workerLost([{ id: 2 }, { id: 3 }]);
    expect(kept.lost).toBe(false);
    newest.workerLost([{ id: 4 }]);
    expect(kept.lost).toBe(true);
    // A new query's result starts with rows of its own.
    newest.set(5, 'SELECT 5', ANSWER);
    expect(newest.get(5).lost).toBe(false);
    newest.workerLost();
    expect(newest.get(5).lost).toBe(true);
  });
});
