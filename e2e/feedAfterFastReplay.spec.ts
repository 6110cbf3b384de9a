/**
 * A replay as fast as possible sends the Live Feed at most 500 new rows per update, so while it runs
 * the page's list has holes. Once it ends the page must show the window the engine keeps, whole and
 * in order: Berlin's detector counts (7,000 rows) used to end on "1,124 rows shown (newest 5,000
 * kept) · 7,000 consumed", with lines missing between neighbours and nothing saying so.
 */
import { resolve } from 'node:path';
import { expect, test } from './fixtures';

const BERLIN = resolve(__dirname, '..', 'fidelity', 'corpus', 'real', 'berlin-detectors-hourly.csv');

test('after a full-speed replay the feed shows the newest 5,000 rows, without holes', async ({ app }) => {
  await app.openFile(BERLIN);
  await app.replay.start('max');
  await app.replay.waitForState('finished');
  const count = app.page.getByTestId('feed-count');
  await expect(count).toHaveText('5,000 rows shown (newest 5,000 kept) · 7,000 consumed');
  // The newest rows, newest first, one after another in replay order (the file is grouped by
  // detector and replayed merged by time): the last hour's detectors, then the hour before.
  const times = await app.feed.cells('Event time');
  expect(times[0]).toBe('2024-01-31 23:00:00');
  expect(times.slice(0, 8).every((time) => time === '2024-01-31 23:00:00')).toBe(true);
  expect(times[8]).toBe('2024-01-31 22:00:00');
  // Scrolled to the bottom: the 5,000th newest row is there, not a row thousands older.
  await app.feed.scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  // (Python's csv module: sorted by time, the 5,000th newest row is at 2024-01-10 07:00.)
  await expect(app.feed.rows.last()).toHaveAttribute('aria-rowindex', String(5000 + 1));
  expect((await app.feed.cells('Event time')).at(-1)).toBe('2024-01-10 07:00:00');
});
