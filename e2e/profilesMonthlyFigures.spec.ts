/**
 * Profiles on monthly figures (Vienna's permanent counting stations: one row per station, direction
 * and vehicle class a month, each dated the 1st). A time-of-week heatmap of them only shows which
 * weekday each month began on (Wednesday and Thursday "busy"), and the typical day is one dot at
 * midnight: the tab must say the data is too coarse instead of drawing them.
 */
import { resolve } from 'node:path';
import { expect, test } from './fixtures';

const VIENNA = resolve(__dirname, '..', 'fidelity', 'corpus', 'real', 'vienna-permanent-counts-monthly.csv');

test('monthly figures: Profiles says they are too coarse to profile, and draws no week heatmap', async ({ app }) => {
  await app.openFile(VIENNA);
  await app.replay.start('max');
  await app.replay.waitForState('finished');
  await app.page.getByRole('tab', { name: 'Profiles' }).click();
  const profiles = app.page.getByRole('region', { name: 'Profiles' });
  // 12 months, April 2023 to March 2024 (Python, JAHR + MONAT): readings a month apart, 31 days at the most.
  await expect(profiles.getByTestId('profiles-too-coarse')).toContainText('every 31 days');
  await expect(profiles.locator('#profiles-heatmap-title')).toHaveCount(0);
  await expect(profiles.locator('#profiles-typical-title')).toHaveCount(0);
});
