/**
 * What a small laptop's window must still show whole, on a real file with long column names
 * (Seattle's Fremont Bridge counts): the rows read = accepted + rejected line at the end of the
 * progress line (it had shrunk to nothing below 1440 px), and the threshold's column picker (it ran
 * out of the side panel under the splitter).
 */
import { resolve } from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

const FREMONT = resolve(__dirname, '..', 'fidelity', 'corpus', 'real', 'fremont-bridge-bicycles.csv');

/** True when the element's text is all shown: not cut by its own box, and inside the window. */
async function shownWhole(element: Locator): Promise<{ whole: boolean; detail: string }> {
  return element.evaluate((node) => {
    const box = node.getBoundingClientRect();
    const whole = node.scrollWidth <= node.clientWidth && box.width > 0 && box.right <= window.innerWidth;
    return { whole, detail: `scrollWidth ${node.scrollWidth}, clientWidth ${node.clientWidth}, right ${Math.round(box.right)} of ${window.innerWidth}` };
  });
}

test('at 1024, 1280 and 1400 px the reconciliation line and the threshold column picker are shown whole', async ({ app }) => {
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.openFile(FREMONT);
  await app.replay.start('max');
  await app.replay.waitForState('finished');
  await expect(app.replay.reconcile).toHaveText('read 2,000 = accepted 2,000 + rejected 0');
  const picker = app.threshold.column;
  await expect(picker).toHaveValue('Fremont Bridge Sidewalks, south of N 34th St');
  for (const width of [1024, 1280, 1400]) {
    await app.page.setViewportSize({ width, height: 700 });
    const reconcile = await shownWhole(app.replay.reconcile);
    expect(reconcile.whole, `reconcile at ${width} px: ${reconcile.detail}`).toBe(true);
    const panel = (await app.threshold.region.boundingBox())!;
    const select = (await picker.boundingBox())!;
    expect(select.x + select.width, `column picker's right edge at ${width} px`).toBeLessThanOrEqual(panel.x + panel.width);
  }
});
