/**
 * The Live Feed's columns at a laptop's 1440×900: the event time, the location and the main
 * measure come first and are on screen without scrolling sideways (they were behind Line, Offset
 * and the raw time columns); columns can be hidden and moved, and that is remembered for files
 * with the same header, while a file with another header gets its own default order.
 */
import { writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';

test('the event time, location and main measure lead the feed; hidden and moved columns are remembered per header', async ({ app }, testInfo) => {
  await app.page.setViewportSize({ width: 1440, height: 900 });
  await app.openSample();
  await app.replay.start(1000);
  await expect.poll(() => app.feed.rows.count()).toBeGreaterThan(3);
  await app.replay.pauseButton.click();

  const headers = await app.feed.headers();
  expect(headers.slice(0, 3)).toEqual(['Event time', 'Junction', 'Total']);
  // All three inside the feed's visible width, none cut short.
  const view = await app.feed.scroller.boundingBox();
  for (const name of ['Event time', 'Junction', 'Total']) {
    const header = app.feed.table.getByRole('columnheader', { name, exact: true });
    const box = await header.boundingBox();
    expect(box, name).not.toBeNull();
    expect(box!.x + box!.width, name).toBeLessThanOrEqual(view!.x + view!.width);
    expect(await header.evaluate((element) => element.scrollWidth <= element.clientWidth), `${name} fits its column`).toBe(true);
  }
  // The values under them are the sample's: a junction code and a whole number.
  expect((await app.feed.cells('Junction')).every((text) => /^J\d\d$/.test(text))).toBe(true);

  // Hide "Day of the week", move "CarCount" before "Total".
  const menu = app.feed.region.locator('details.feed-columns');
  await menu.locator('summary').click();
  const list = app.page.getByRole('group', { name: 'Feed columns' });
  await list.getByRole('checkbox', { name: 'Day of the week' }).uncheck();
  await list.getByRole('button', { name: 'Move CarCount earlier' }).click();
  await app.page.keyboard.press('Escape');
  const changed = await app.feed.headers();
  expect(changed).not.toContain('Day of the week');
  expect(changed.indexOf('CarCount')).toBe(changed.indexOf('Total') - 1);

  // After a reload, and for another file with the same header, the same columns.
  await app.page.reload();
  await expect(app.columns).toBeVisible();
  await expect.poll(() => app.feed.headers()).toEqual(changed);

  // Another header: its own default order (time, location, measure first).
  const path = testInfo.outputPath('sensors.csv');
  const lines = Array.from({ length: 20 }, (_, i) => `${new Date(Date.UTC(2026, 2, 14, 7, 0) + i * 300_000).toISOString()},${40 + i},S${(i % 3) + 1},3`);
  writeFileSync(path, `timestamp,speed,sensor_id,lanes\n${lines.join('\n')}\n`);
  await app.openFile(path);
  await expect.poll(async () => (await app.feed.headers()).slice(0, 2)).toEqual(['Event time', 'sensor_id']);
  expect(await app.feed.headers()).toContain('lanes');
});
