/**
 * Opening a second file while a replay runs: the Data quality tab must start over for the new
 * file. The analysis worker was still checking the first file's last rows when the new file
 * opened, and the view it sent of them replaced the new file's "waiting": the tab went on showing
 * the sample city's rows checked and junctions under the Austin file's name, until the next replay.
 */
import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import { DataQualityPanel } from './pages/analysisPanels';

const AUSTIN = resolve(__dirname, '..', 'fidelity', 'corpus', 'real', 'austin-radar-counts.csv');
/** Long enough for the worker's next views (every 125 ms) of the first file's rows to arrive. */
const WORKER_VIEWS_MS = 2000;

test("opening a file mid-replay: Data quality shows none of the last file's rows", async ({ app }) => {
  await app.openSample();
  const quality = new DataQualityPanel(app.page);
  await quality.open();
  await app.replay.start(1000);
  await expect.poll(() => quality.rowsCheckedCount()).toBeGreaterThan(1500);

  await app.openFile(AUSTIN);
  // Nothing of the sample city may come back while the worker finishes its rows: sampled, not a sleep-then-look.
  const seen = new Set<string>();
  const until = Date.now() + WORKER_VIEWS_MS;
  while (Date.now() < until) {
    seen.add(`${await quality.rowsChecked.textContent()} · ${await quality.locationCount.textContent()}`);
    await app.page.waitForTimeout(100);
  }
  expect([...seen]).toEqual(['0 rows checked · 0 locations']);

  // The Austin file's own checks: 2,500 data lines, one rejected (its date is year 156489), 2,499 checked at 9 intersections (Python's csv module).
  await app.replay.start('max');
  await app.replay.waitForState('finished');
  await expect(quality.rowsChecked).toHaveText('2,499 rows checked');
  await expect(quality.locationCount).toHaveText('9 locations');
});
