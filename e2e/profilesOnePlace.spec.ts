/**
 * The Profiles tab for a file with no location column (Seattle's Fremont Bridge counts: one place,
 * named '' by the engine): the typical-day chart's title ended in a dangling "at".
 */
import { resolve } from 'node:path';
import { expect, test } from './fixtures';

const FREMONT = resolve(__dirname, '..', 'fidelity', 'corpus', 'real', 'fremont-bridge-bicycles.csv');

test('a file with no location column: the typical-day chart is titled "Typical day", not "Typical day at"', async ({ app }) => {
  await app.openFile(FREMONT);
  await app.replay.start('max');
  await app.replay.waitForState('finished');
  await app.page.getByRole('tab', { name: 'Profiles' }).click();
  await expect(app.page.locator('#profiles-typical-title')).toHaveText('Typical day');
});
