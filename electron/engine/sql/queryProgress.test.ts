/**
 * The query progress the console shows: only the newest query's, with a clock that starts when the
 * worker begins running it and moves in the view between the worker's own figures.
 */
import { describe, expect, it } from 'vitest';
import { QueryProgress } from './queryProgress';

function tracker() {
  const clock = { now: 1000 };
  return { progress: new QueryProgress(() => clock.now), clock };
}

describe('query progress', () => {
  it('shows nothing before the first query, then a running query whose clock starts when the worker does', () => {
    const { progress, clock } = tracker();
    expect(progress.view()).toBeNull();
    progress.begin(1);
    clock.now += 400.4;
    expect(progress.view()).toEqual({ queryId: 1, state: 'running', rowsCounted: 0, keptRows: 0, elapsedMs: 400 });
    // It waited its turn behind another job: that time is not its own.
    progress.started(1);
    clock.now += 250;
    expect(progress.view()?.elapsedMs).toBe(250);
    expect(progress.elapsedOf(1)).toBe(250);
  });

  it('ignores word about any query but the newest', () => {
    const { progress, clock } = tracker();
    progress.begin(1);
    progress.begin(2);
    clock.now += 100;
    progress.started(1);
    expect(progress.update({ queryId: 1, state: 'complete', rowsCounted: 9, keptRows: 9, elapsedMs: 5 })).toBe(false);
    expect(progress.answered({ status: 'done', queryId: 1, changes: 0, message: 'Done', elapsedMs: 5 })).toBe(false);
    progress.ended(1, 'cancelled');
    expect(progress.view()).toEqual({ queryId: 2, state: 'running', rowsCounted: 0, keptRows: 0, elapsedMs: 100 });
    expect(progress.elapsedOf(1)).toBe(0);
  });

  it('takes the worker\'s figures as they are, and an answer that is the whole outcome as the end', () => {
    const { progress } = tracker();
    progress.begin(1);
    expect(progress.update({ queryId: 1, state: 'running', rowsCounted: 500, keptRows: 500, elapsedMs: 80 })).toBe(true);
    // While it runs, the elapsed time shown is the engine's clock, not the worker's last figure.
    expect(progress.view()).toEqual({ queryId: 1, state: 'running', rowsCounted: 500, keptRows: 500, elapsedMs: 0 });
    expect(progress.answered({ status: 'rows', queryId: 1, columns: ['x'], rows: [], rowsCounted: 7, complete: true, elapsedMs: 90 })).toBe(true);
    expect(progress.view()).toEqual({ queryId: 1, state: 'complete', rowsCounted: 7, keptRows: 7, elapsedMs: 90 });

    progress.begin(2);
    progress.answered({ status: 'error', queryId: 2, error: { message: 'no such table: x', position: null }, elapsedMs: 3 });
    expect(progress.view()).toEqual({ queryId: 2, state: 'failed', rowsCounted: 0, keptRows: 0, elapsedMs: 3 });
  });

  it('ends a running query the engine gave up on, but leaves one that already ended as it was', () => {
    const { progress, clock } = tracker();
    progress.begin(1);
    progress.update({ queryId: 1, state: 'running', rowsCounted: 40, keptRows: 40, elapsedMs: 10 });
    clock.now += 1200;
    progress.ended(1, 'cancelled');
    expect(progress.view()).toEqual({ queryId: 1, state: 'cancelled', rowsCounted: 40, keptRows: 40, elapsedMs: 1200 });

    progress.begin(2);
    progress.update({ queryId: 2, state: 'complete', rowsCounted: 3, keptRows: 3, elapsedMs: 10 });
    progress.ended(2, 'error');
    expect(progress.view()).toEqual({ queryId: 2, state: 'complete', rowsCounted: 3, keptRows: 3, elapsedMs: 10 });
  });
});
