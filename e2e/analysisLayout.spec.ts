/**
 * The Data quality and Profiles panels fit a small window (1024×700) without spilling sideways,
 * and the README's screenshots of both on the sample city. The screenshots are always attached
 * to the test's output; with UPDATE_DOCS_SCREENSHOTS=1 they are also written to docs/.
 */
import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import { DataQualityPanel, ProfilesPanel } from './pages/analysisPanels';

const DOCS = resolve(__dirname, '..', 'docs');
const writeDocs = process.env.UPDATE_DOCS_SCREENSHOTS === '1';

test('Data quality and Profiles fit 1024×700, and their screenshots on the sample', async ({ app }, testInfo) => {
  await app.openSample();
  await app.replay.start('max');
  await app.replay.waitForState('finished', 60_000);
  const quality = new DataQualityPanel(app.page);
  const profiles = new ProfilesPanel(app.page);

  await app.page.setViewportSize({ width: 1024, height: 700 });
  for (const panel of [quality, profiles]) {
    await panel.open();
    await expect(panel.region).toBeVisible();
    const spill = await panel.region.evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(spill, `${await panel.tab.textContent()} spills sideways at 1024×700`).toBeLessThanOrEqual(0);
  }

  await app.page.setViewportSize({ width: 1280, height: 860 });
  await quality.open();
  await expect(quality.alarms).toBeVisible();
  const shots: [string, string][] = [];
  shots.push(['data-quality.png', 'Data quality']);
  await app.page.screenshot({ path: testInfo.outputPath('data-quality.png') });
  if (writeDocs) await app.page.screenshot({ path: resolve(DOCS, 'data-quality.png') });

  await profiles.open();
  await profiles.heatmapLocation.selectOption('J05');
  await profiles.typicalLocation.selectOption('J05');
  await expect(profiles.region.getByRole('heading', { name: 'Typical day at J05' })).toBeVisible();
  await expect(profiles.heatmap).toHaveAccessibleName(/J05$/);
  shots.push(['profiles.png', 'Profiles']);
  await app.page.screenshot({ path: testInfo.outputPath('profiles.png') });
  if (writeDocs) await app.page.screenshot({ path: resolve(DOCS, 'profiles.png') });
  for (const [file, name] of shots) await testInfo.attach(name, { path: testInfo.outputPath(file), contentType: 'image/png' });
});
