/**
 * "First days of this file" as history means the data's first days, whatever order the file is
 * written in. Berlin's detector counts are grouped by detector: the top of the file held one
 * detector's first week (164 rows of 13 detectors'). Seattle's Fremont Bridge counts run newest
 * first: the first row was already past the cutoff, so the model got no history at all (0 rows).
 * Expected counts are Python's csv module's: rows with a time before the first time + 7 days.
 */
import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import { PredictionsPanel } from './pages/predictionsPanel';

const REAL = resolve(__dirname, '..', 'fidelity', 'corpus', 'real');

for (const { file, rows } of [
  { file: 'berlin-detectors-hourly.csv', rows: '1,532' },
  { file: 'fremont-bridge-bicycles.csv', rows: '168' },
]) {
  test(`${file}: the model's history is the data's first 7 days (${rows} rows), read in replay order`, async ({ app }) => {
    await app.openFile(resolve(REAL, file));
    const predictions = new PredictionsPanel(app.page);
    await predictions.open();
    await expect(predictions.region.getByTestId('predict-history-read')).toHaveText(`${rows} rows: first 7 days of the file`);
  });
}
