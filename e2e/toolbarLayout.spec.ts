/**
 * The toolbar at a small laptop's 1024×700: it takes a few lines, not a third of the window, and
 * it does not change height while a replay runs and its numbers change; the feed below keeps room
 * for rows. Screenshots at 1024×700, 1440×900 and 1920×1080, light and dark, are attached for a
 * look by eye.
 */
import { expect, test } from './fixtures';

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;

test('at 1024×700 the toolbar stays a few lines high while a replay runs, and the feed shows rows', async ({ app }) => {
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.openSample();
  const toolbar = app.page.locator('header.toolbar');
  const idle = (await toolbar.boundingBox())!.height;
  await app.replay.start(1000);
  await app.replay.waitForState('running');
  const heights = new Set<number>();
  for (let i = 0; i < 8; i++) {
    heights.add(Math.round((await toolbar.boundingBox())!.height));
    await app.page.waitForTimeout(250);
  }
  // One height throughout, the same as before the replay started: three lines, a fifth of the window at most.
  expect([...heights]).toEqual([Math.round(idle)]);
  expect(idle).toBeLessThanOrEqual(700 / 5);
  // The secondary controls are behind one button, not laid out in the bar.
  await expect(app.page.getByRole('combobox', { name: 'Skip gaps longer than' })).toBeHidden();
  await expect(app.replay.customPace).toBeHidden();
  // The feed shows at least eight rows (five before).
  await expect.poll(() => app.feed.rows.count()).toBeGreaterThanOrEqual(8);
  const feed = (await app.feed.scroller.boundingBox())!;
  expect(feed.height).toBeGreaterThanOrEqual(8 * 28);
  await app.replay.pauseButton.click();
});

test('screenshots of the layout at three sizes in light and dark, for a look by eye', async ({ app }, testInfo) => {
  await app.openSample();
  await app.replay.start(1000);
  await expect.poll(() => app.feed.rows.count()).toBeGreaterThan(10);
  await app.replay.pauseButton.click();
  for (const scheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme: scheme });
    for (const size of SIZES) {
      await app.page.setViewportSize(size);
      const path = testInfo.outputPath(`layout-${size.width}x${size.height}-${scheme}.png`);
      await app.page.screenshot({ path });
      await testInfo.attach(`${size.width}×${size.height} ${scheme}`, { path, contentType: 'image/png' });
      // Nothing of the toolbar hangs past the window's right edge.
      const overflow = await app.page.locator('header.toolbar').evaluate((element) => element.scrollWidth - element.clientWidth);
      expect(overflow, `${size.width}×${size.height}`).toBeLessThanOrEqual(0);
    }
  }
});
