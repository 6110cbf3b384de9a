/**
 * Popovers at a laptop's window size: the graph's Settings… opens wholly inside the window, on
 * top of the side panel rather than behind it, and Escape closes it and gives focus back to its
 * button.
 */
import { expect, test } from './fixtures';
import { GraphPanel } from './pages/graphPanel';

test.use({ viewport: { width: 1440, height: 900 } });

test.describe('Popovers', () => {
  test("at 1440×900 the graph's Settings… stays inside the window, uncovered, and Escape closes it", async ({ app }) => {
    await app.openSample();
    const graph = new GraphPanel(app.page);
    await graph.open();
    const settings = graph.region.locator('details.graph-settings');
    const button = settings.locator('summary');
    const popover = settings.locator('.popover');
    await button.click();
    await expect(popover).toBeVisible();

    await expect
      .poll(async () => {
        const box = await popover.boundingBox();
        return box !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= 1440 && box.y + box.height <= 900;
      })
      .toBe(true);
    // Its centre and, just inside them, its corners: a box clipped by a panel's overflow shows the panel beside it there.
    const uncovered = await popover.evaluate((element) => {
      const r = element.getBoundingClientRect();
      const points = [
        [r.left + r.width / 2, r.top + r.height / 2],
        [r.left + 10, r.top + 10],
        [r.right - 10, r.top + 10],
        [r.left + 10, r.bottom - 10],
        [r.right - 10, r.bottom - 10],
      ] as const;
      return points.map(([x, y]) => {
        const hit = document.elementFromPoint(x, y);
        return hit !== null && element.contains(hit);
      });
    });
    expect(uncovered).toEqual([true, true, true, true, true]);

    await app.page.keyboard.press('Escape');
    await expect(popover).toBeHidden();
    await expect(settings).not.toHaveAttribute('open');
    await expect(button).toBeFocused();
  });
});
