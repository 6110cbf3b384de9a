import { expect, test } from './fixtures';
import { parseCount } from './pages/trafficMonitorPage';

test.describe('replaying the bundled sample', () => {
  test('opens the sample, shows inferred columns, replays to the end with counts that reconcile', async ({ app }) => {
    await app.openSample();
    await expect(app.columnType('Time')).toHaveText('time');
    await expect(app.columnType('Total')).toHaveText('number');
    await expect(app.columnType('Junction')).toHaveText('text');
    await expect(app.columnRole('Junction')).toHaveText('location');
    await expect(app.columnRole('Date')).toHaveText('timestamp');
    await expect(app.page.getByTestId('file-reading')).toContainText('Time + Date + Day of the week');
    // Until a pace is chosen, 15-minute counts of ten junctions play at 3600×: about 40 rows a second.
    await expect(app.replay.pace).toHaveValue('event:3600');

    await app.replay.start('max');
    await app.replay.waitForState('finished');
    const counts = await app.replay.counts();
    expect(counts.read).toBeGreaterThan(10_000);
    expect(counts.read).toBe(counts.accepted + counts.rejected);
    expect(counts.rejected).toBe(0);
    await expect(app.replay.rowsRead).toHaveText(new RegExp(`^${counts.read.toLocaleString('en-US')} of ${counts.read.toLocaleString('en-US')} rows`));

    // The feed holds the newest rows, newest first.
    await expect(app.feed.rows.first()).toBeVisible();
    const lines = await app.feed.visibleLines();
    expect(lines.length).toBeGreaterThan(5);
    expect(lines[0]).toBe(counts.read + 1); // the last data line (line 1 is the header)
    expect([...lines].sort((a, b) => b - a)).toEqual(lines);
  });

  test('the feed fills while a paced replay runs; pause holds it, resume continues, stop ends it', async ({ app }) => {
    await app.openSample();
    await app.replay.start(100);
    await app.replay.waitForState('running');
    await expect.poll(() => app.feed.rows.count()).toBeGreaterThan(3);
    await expect.poll(() => app.replay.rowsReadCount()).toBeGreaterThan(20);

    await app.replay.pauseButton.click();
    await app.replay.waitForState('paused');
    const held = await app.replay.rowsReadCount();
    await app.page.waitForTimeout(600); // a paused replay must not advance; nothing to wait for
    expect(await app.replay.rowsReadCount()).toBe(held);

    await app.replay.resumeButton.click();
    await app.replay.waitForState('running');
    await expect.poll(() => app.replay.rowsReadCount()).toBeGreaterThan(held);

    await app.replay.stopButton.click();
    await app.replay.waitForState('stopped');
    const counts = await app.replay.counts();
    expect(counts.read).toBe(counts.accepted + counts.rejected);
    expect(counts.read).toBeLessThan(20_000);
  });

  test('scrolling the feed pauses auto-follow and the button resumes it', async ({ app }) => {
    await app.openSample();
    await app.replay.start(1000);
    await expect.poll(() => app.feed.rows.count()).toBeGreaterThan(20);
    await app.feed.scroller.evaluate((element) => element.scrollTo({ top: 400 }));
    await expect(app.feed.resumeFollow).toBeVisible();
    // Back at the top the view stays frozen until the user resumes.
    await app.feed.scroller.evaluate((element) => element.scrollTo({ top: 0 }));
    // Wait until the virtualizer has rendered the top row again before reading it.
    await expect(app.feed.rows.first()).toHaveAttribute('aria-rowindex', '2');
    const frozenTop = (await app.feed.visibleLines())[0] ?? 0;
    await expect.poll(() => app.replay.rowsReadCount()).toBeGreaterThan(frozenTop + 100);
    expect((await app.feed.visibleLines())[0]).toBe(frozenTop);
    await app.feed.resumeFollow.click();
    await expect(app.feed.resumeFollow).toBeHidden();
    await expect.poll(async () => (await app.feed.visibleLines())[0] ?? 0).toBeGreaterThan(frozenTop);
    await app.replay.stopButton.click();
  });
});

test('the threshold slider changes the passing count and marks the feed', async ({ app }) => {
  await app.openSample();
  await expect(app.threshold.column).toHaveValue('Total');
  await app.replay.start('max');
  await app.replay.waitForState('finished');
  const evaluated = parseCount(await app.threshold.evaluated.textContent());
  const atDefault = await app.threshold.passingCount();
  expect(atDefault).toBeGreaterThan(0);
  expect(atDefault).toBeLessThan(evaluated);

  // Dragging to the far left lets (almost) every row pass `Total > min`.
  await app.threshold.dragTo(0);
  await expect.poll(() => app.threshold.passingCount()).toBeGreaterThan(atDefault);
  // Dragging to the far right lets none pass `Total > max`.
  await app.threshold.dragTo(1);
  await expect.poll(() => app.threshold.passingCount()).toBe(0);
  await expect(app.feed.table.locator('[data-passes="true"]')).toHaveCount(0);

  // `<` at the same value lets every row below it pass, marked in the feed.
  await app.threshold.operator.selectOption('<');
  await expect.poll(() => app.threshold.passingCount()).toBeGreaterThan(evaluated * 0.9);
  await expect(app.feed.table.locator('[data-passes="true"]').first()).toBeVisible();

  // Only passing rows: every visible row is marked.
  await app.threshold.value.fill('40');
  await app.threshold.operator.selectOption('>=');
  await app.feed.onlyPassing.check();
  await expect.poll(() => app.feed.rows.count()).toBeGreaterThan(0);
  await expect(app.feed.table.locator('[role="row"][data-passes="false"]')).toHaveCount(0);
  const totals = await app.feed.cells('Total');
  for (const total of totals) expect(Number(total)).toBeGreaterThanOrEqual(40);
});

test('the theme follows the system: light and dark', async ({ app }) => {
  const background = (): Promise<string> => app.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await app.page.emulateMedia({ colorScheme: 'light' });
  const light = await background();
  await app.page.emulateMedia({ colorScheme: 'dark' });
  const dark = await background();
  expect(light).not.toBe(dark);
  const brightness = (rgb: string): number => (rgb.match(/\d+/g) ?? []).slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
  expect(brightness(dark)).toBeLessThan(brightness(light));
  await expect(app.page.getByRole('button', { name: 'Try the sample' })).toBeVisible();
});
