import { describe, expect, it } from 'vitest';
import type { RejectedRow } from '../../../shared/contract';
import { REJECT_LOG_CAPACITY, RejectLog } from './rejectLog';

const rejected = (from: number, count: number): RejectedRow[] =>
  Array.from({ length: count }, (_, i) => ({ line: from + i, reason: 'expected 9 fields, found 3', text: 'a,b,c' }));

describe('RejectLog', () => {
  it('sends only the rows added since the last update', () => {
    const log = new RejectLog();
    log.add(rejected(2, 3));
    const first = log.takeView();
    expect(first.rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(first.total).toBe(3);

    log.add(rejected(10, 2));
    const second = log.takeView();
    expect(second.reset).toBe(false);
    expect(second.rows.map((r) => r.line)).toEqual([10, 11]);
    expect(second.total).toBe(5);
  });

  it('keeps a bounded list of rows but counts every rejected row', () => {
    const log = new RejectLog();
    log.add(rejected(2, REJECT_LOG_CAPACITY - 10));
    log.add(rejected(5000, 500));
    expect(log.total).toBe(REJECT_LOG_CAPACITY + 490);
    const view = log.takeView(true);
    expect(view.rows).toHaveLength(REJECT_LOG_CAPACITY);
    expect(view.capacity).toBe(REJECT_LOG_CAPACITY);
    // The first ones are kept: that is where a user starts fixing a file.
    expect(view.rows[0]?.line).toBe(2);
    expect(view.rows.at(-1)?.line).toBe(5009);

    log.takeView();
    log.add(rejected(9000, 50));
    const later = log.takeView();
    expect(later.rows).toEqual([]);
    expect(later.total).toBe(REJECT_LOG_CAPACITY + 540);
  });

  it('gives a new window everything without taking the news from the others', () => {
    const log = new RejectLog();
    log.add(rejected(2, 4));
    const snapshot = log.takeView(true);
    expect(snapshot.reset).toBe(true);
    expect(snapshot.rows).toHaveLength(4);
    expect(log.takeView().rows).toHaveLength(4);
  });

  it('shortens a long row for the screen (the saved file keeps it whole) and keeps short ones as they are', () => {
    const log = new RejectLog();
    const long = 'x'.repeat(5000);
    log.add([{ line: 2, reason: 'unmatched quote', text: long }, { line: 3, reason: 'r', text: 'a,b' }]);
    const [first, second] = log.takeView().rows;
    expect(first?.text).toBe(`${'x'.repeat(200)}…`);
    expect(first?.line).toBe(2);
    expect(first?.reason).toBe('unmatched quote');
    expect(second?.text).toBe('a,b');
  });

  it('starts over on clear with a reset', () => {
    const log = new RejectLog();
    log.add(rejected(2, 4));
    log.takeView();
    log.clear();
    const view = log.takeView();
    expect(view).toMatchObject({ reset: true, total: 0, rows: [] });
  });
});
