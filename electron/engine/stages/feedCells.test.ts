import { describe, expect, it } from 'vitest';
import { FEED_CELL_MAX_CHARS } from './feedCells';
import { FeedWindow, type FeedEntry } from './feedWindow';

const always = (): boolean => true;

describe('feed rows carry long text cut', () => {
  it('sends a 3 MB message value cut to its first characters with its whole length, in every view the row is in', () => {
    const feed = new FeedWindow();
    const huge = `${'x'.repeat(3 * 1024 * 1024 - 1)}😀`;
    const big: FeedEntry = { offset: 0, partition: 0, record: { line: 0, values: ['J01', huge, 7], time: null } };
    const small: FeedEntry = { offset: 1, partition: 0, record: { line: 1, values: ['J02', 'short', 8], time: null } };
    feed.add(big, true);
    feed.add(small, true);
    for (const view of [feed.takeView(always), feed.takeView(always, true)]) {
      const [first, second] = view.rows;
      expect(first?.values[0]).toBe('J01');
      expect(first?.values[1]).toEqual({ truncated: true, text: 'x'.repeat(FEED_CELL_MAX_CHARS), length: 3 * 1024 * 1024 });
      expect(first?.values[2]).toBe(7);
      // A row with nothing long is sent as it is held, not copied.
      expect(second?.values).toBe(small.record.values);
      expect(JSON.stringify(view).length).toBeLessThan(5000);
    }
    // The held record keeps the whole value (the SQL table and forecasts read it).
    expect(big.record.values[1]).toBe(huge);
  });

  it('cuts before a character outside the BMP rather than through it', () => {
    const feed = new FeedWindow();
    const text = `${'a'.repeat(FEED_CELL_MAX_CHARS - 1)}😀${'b'.repeat(10)}`;
    feed.add({ offset: 0, partition: 0, record: { line: 0, values: [text], time: null } }, true);
    expect(feed.takeView(always).rows[0]?.values[0]).toEqual({ truncated: true, text: 'a'.repeat(FEED_CELL_MAX_CHARS - 1), length: FEED_CELL_MAX_CHARS + 10 });
  });
});
