/**
 * Chicago's average daily traffic counts, 1,276 count locations: the Data quality summary read
 * "1,276 locations" beside "1276 OK", one figure written two ways.
 */
import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import { DataQualityPanel } from './pages/analysisPanels';

const CHICAGO = resolve(__dirname, '..', 'fidelity', 'corpus', 'real', 'chicago-average-daily-traffic.csv');

test('thousands are grouped in the status counts as in the rest of the summary', async ({ app }) => {
  await app.openFile(CHICAGO);
  const quality = new DataQualityPanel(app.page);
  await quality.open();
  await app.replay.start('max');
  await app.replay.waitForState('finished');
  // The summary's badge comes before the table's. 1,279 rows at 1,276 distinct Location values (Python's csv module), none flagged.
  await expect(quality.locationCount).toHaveText('1,276 locations');
  await expect(quality.region.locator('.quality-status.quality-ok').first()).toHaveText('1,276 OK');
});
