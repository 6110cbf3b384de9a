import { describe, expect, it } from 'vitest';
import { FEED_CAPACITY, FEED_MAX_DELTA, FeedWindow, type FeedEntry } from './feedWindow';

/** Entries whose only value is a number; line n has value n. */
function entry(line: number): FeedEntry {
  return { offset: line - 2, partition: line % 4, record: { line, values: [line], time: null } };
}
const valueOf = (e: FeedEntry): number => e.record.values[0] as number;
const even = (e: FeedEntry): boolean => valueOf(e) % 2 === 0;

function fill(feed: FeedWindow, from: number, count: number, passes: (e: FeedEntry) => boolean): void {
  for (let line = from; line < from + count; line++) {
    const e = entry(line);
    feed.add(e, passes(e));
  }
}

describe('FeedWindow', () => {
  it('sends the whole window first, then only what is new', () => {
    const feed = new FeedWindow();
    fill(feed, 2, 30, even);
    const first = feed.takeView(even);
    expect(first.reset).toBe(true);
    expect(first.rows.map((r) => r.line)).toEqual(Array.from({ length: 30 }, (_, i) => i + 2));
    expect(first.rows.every((r) => r.passes === (r.line % 2 === 0))).toBe(true);

    fill(feed, 32, 5, even);
    const next = feed.takeView(even);
    expect(next.reset).toBe(false);
    expect(next.rows.map((r) => r.line)).toEqual([32, 33, 34, 35, 36]);
    expect(next.skipped).toBe(0);
    expect(next.capacity).toBe(FEED_CAPACITY);
  });

  it('holds at most its capacity, keeping the newest rows', () => {
    const feed = new FeedWindow();
    fill(feed, 2, FEED_CAPACITY + 1234, even);
    const view = feed.takeView(even);
    expect(view.rows).toHaveLength(FEED_CAPACITY);
    expect(view.rows[0]?.line).toBe(2 + 1234);
    expect(view.rows.at(-1)?.line).toBe(FEED_CAPACITY + 1235);
  });

  it('sends at most FEED_MAX_DELTA new rows per update and counts the rest as skipped', () => {
    const feed = new FeedWindow();
    fill(feed, 2, 10, even);
    feed.takeView(even);
    fill(feed, 12, FEED_MAX_DELTA + 300, even);
    const view = feed.takeView(even);
    expect(view.reset).toBe(false);
    expect(view.rows).toHaveLength(FEED_MAX_DELTA);
    expect(view.skipped).toBe(300);
    // The newest rows are the ones sent.
    expect(view.rows.at(-1)?.line).toBe(11 + FEED_MAX_DELTA + 300);
    expect(view.rows[0]?.line).toBe(12 + 300);
    expect(feed.takeView(even)).toMatchObject({ rows: [], skipped: 0 });
  });

  it('sends the whole window once rows stop pouring in after some were skipped, so the list the page shows has no holes', () => {
    const feed = new FeedWindow();
    fill(feed, 2, 10, even);
    expect(feed.takeView(even, false, true).reset).toBe(true);
    // Settled without holes: deltas as before.
    fill(feed, 12, 5, even);
    expect(feed.takeView(even, false, true)).toMatchObject({ reset: false, skipped: 0 });
    // Running at full speed: deltas with holes between them, even once no rows are new.
    fill(feed, 17, FEED_MAX_DELTA + 300, even);
    expect(feed.takeView(even, false, false)).toMatchObject({ reset: false, skipped: 300 });
    expect(feed.takeView(even, false, false)).toMatchObject({ reset: false, rows: [] });
    // Paused or finished: every held row, in order, once.
    const settled = feed.takeView(even, false, true);
    expect(settled.reset).toBe(true);
    expect(settled.rows.map((r) => r.line)).toEqual(Array.from({ length: 15 + FEED_MAX_DELTA + 300 }, (_, i) => i + 2));
    expect(feed.takeView(even, false, true)).toMatchObject({ reset: false, rows: [] });
  });

  it('keeps rows in arrival order (the bus delivers file order), so repeated lines of a loop stay after the first pass', () => {
    const feed = new FeedWindow();
    // Loop 1 ends at line 6; loop 2 starts again at line 2 and must come after it, not be sorted in.
    for (const line of [2, 3, 4, 5, 6, 2, 3]) feed.add(entry(line), true);
    expect(feed.takeView(() => true).rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 2, 3]);
  });

  it('passes the event time of each row through to the page', () => {
    const feed = new FeedWindow();
    feed.add({ offset: 0, partition: 0, record: { line: 2, values: [1], time: 1_790_000_000_000 } }, true);
    feed.add(entry(3), true);
    expect(feed.takeView(() => true).rows.map((r) => r.time)).toEqual([1_790_000_000_000, null]);
  });

  it('re-marks every held row and resends the window after the threshold changes', () => {
    const feed = new FeedWindow();
    fill(feed, 2, 40, even);
    feed.takeView(even);
    const multipleOfFive = (e: FeedEntry): boolean => valueOf(e) % 5 === 0;
    feed.remark(multipleOfFive);
    const view = feed.takeView(multipleOfFive);
    expect(view.reset).toBe(true);
    expect(view.rows).toHaveLength(40);
    expect(view.rows.filter((r) => r.passes).map((r) => r.line)).toEqual([5, 10, 15, 20, 25, 30, 35, 40]);

    feed.setOnlyPassing(true);
    expect(feed.takeView(multipleOfFive).rows.map((r) => r.line)).toEqual([5, 10, 15, 20, 25, 30, 35, 40]);
  });

  it('with "only passing" on, sends only passing rows, and new ones as they come', () => {
    const feed = new FeedWindow();
    fill(feed, 2, 20, even);
    feed.takeView(even);
    feed.setOnlyPassing(true);
    const reset = feed.takeView(even);
    expect(reset.reset).toBe(true);
    expect(reset.onlyPassing).toBe(true);
    expect(reset.rows.every((r) => r.passes)).toBe(true);
    expect(reset.rows).toHaveLength(10);

    fill(feed, 22, 7, even); // lines 22..28: four even
    const delta = feed.takeView(even);
    expect(delta.reset).toBe(false);
    expect(delta.rows.map((r) => r.line)).toEqual([22, 24, 26, 28]);

    fill(feed, 29, 1, even); // one failing row: nothing new to show

    feed.setOnlyPassing(false);
    const all = feed.takeView(even);
    expect(all.reset).toBe(true);
    expect(all.rows).toHaveLength(28);
  });

  it('gives a connecting window the full window without taking the delta from the others', () => {
    const feed = new FeedWindow();
    fill(feed, 2, 10, even);
    feed.takeView(even);
    fill(feed, 12, 3, even);
    const snapshot = feed.takeView(even, true);
    expect(snapshot.reset).toBe(true);
    expect(snapshot.rows).toHaveLength(13);
    expect(feed.takeView(even).rows.map((r) => r.line)).toEqual([12, 13, 14]);
  });

  it('empties on clear and asks the page to replace its rows', () => {
    const feed = new FeedWindow();
    fill(feed, 2, 10, even);
    feed.takeView(even);
    feed.clear();
    expect(feed.takeView(even)).toMatchObject({ reset: true, rows: [], skipped: 0 });
  });

  describe('one location only', () => {
    /** Rows at junction J1..J10 in turn; value = line. */
    function located(line: number): FeedEntry {
      return { offset: line, partition: 0, record: { line, values: [line, `J${(line % 10) + 1}`], time: null } };
    }
    const J3 = { column: 1, value: 'J3' };

    it('shows the rows already held for the location, then only its new ones', () => {
      const feed = new FeedWindow();
      for (let line = 0; line < 50; line++) feed.add(located(line), true);
      feed.setLocation(J3, () => true);
      const first = feed.takeView(() => true);
      expect(first).toMatchObject({ reset: true, location: 'J3' });
      expect(first.rows.map((r) => r.line)).toEqual([2, 12, 22, 32, 42]);
      for (let line = 50; line < 70; line++) feed.add(located(line), true);
      expect(feed.takeView(() => true).rows.map((r) => r.line)).toEqual([52, 62]);
    });

    it('keeps a full window of the location even when other locations crowd the shared one', () => {
      const feed = new FeedWindow();
      feed.setLocation(J3, () => true);
      for (let line = 0; line < FEED_CAPACITY * 3; line++) feed.add(located(line), true);
      const view = feed.takeView(() => true, true);
      expect(view.rows).toHaveLength(Math.min(FEED_CAPACITY, (FEED_CAPACITY * 3) / 10));
      expect(view.rows.every((r) => r.values[1] === 'J3')).toBe(true);
    });

    it('combines with "only passing", and shows every row again when cleared', () => {
      const feed = new FeedWindow();
      const passes = (e: FeedEntry): boolean => (e.record.values[0] as number) >= 20;
      for (let line = 0; line < 40; line++) feed.add(located(line), passes(located(line)));
      feed.setLocation(J3, passes);
      feed.setOnlyPassing(true);
      expect(feed.takeView(passes).rows.map((r) => r.line)).toEqual([22, 32]);
      feed.setLocation(null, passes);
      feed.setOnlyPassing(false);
      const all = feed.takeView(passes);
      expect(all).toMatchObject({ reset: true, location: null });
      expect(all.rows).toHaveLength(40);
    });
  });
});
