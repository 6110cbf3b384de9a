/**
 * The Predictions panel against the real engine: the sample city replays flat out in a loop,
 * the model trains on its first days and forecasts every row after them, beside the naive
 * forecasts; a new target rebuilds the model, which then keeps refitting.
 */
import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import { forecastTheSample, PredictionsPanel } from './pages/predictionsPanel';
import { parseCount } from './pages/trafficMonitorPage';
import { writeRampCsv } from '../electron/engine/predict/testing/rampCsv';
import type { TrafficMonitorPage } from './pages/trafficMonitorPage';

const SAMPLE = resolve(__dirname, '..', 'sample-data', 'traffic-sample.csv');

/** Points each chart line must draw before the chart counts as showing a series. */
const MIN_POINTS = 50;

/** Opens the panel first (rows go to the model from then on), then replays the sample flat out in a loop. */
async function replayWithPredictions(app: TrafficMonitorPage): Promise<PredictionsPanel> {
  await app.openSample();
  const predictions = new PredictionsPanel(app.page);
  await predictions.open();
  await app.replay.setLimits({ loop: true });
  await app.replay.limits.locator('summary').click(); // closes the limits popover
  await app.replay.start('max');
  await app.replay.waitForState('running');
  await predictions.waitForState('Ready');
  return predictions;
}

test.describe('Predictions', () => {
  test('at the default pace of the sample, says forecasts start once the replay leaves the history period', async ({ app }) => {
    await app.openSample();
    const predictions = new PredictionsPanel(app.page);
    await predictions.open();
    await app.replay.replayButton.click();
    await predictions.waitForState('Ready');
    await expect(predictions.message).toHaveText(
      'The replay is inside the history period (to 2026-10-07 23:45): the model learnt those rows, so forecasts start after it.',
    );
    await expect(predictions.rowsLine).toContainText(/ 0 scored .* [1-9][\d,]* in history period/);
    // Counted by hand: 10 junctions × 96 quarter-hours × 7 days.
    await expect(predictions.region.getByTestId('predict-history-read')).toHaveText('6,720 rows: first 7 days of the file');
    await app.replay.stopButton.click();
  });

  test('opened after a replay finished, says forecasts start with the next replay and its Replay starts one', async ({ app }) => {
    await app.openSample();
    await app.replay.start('max');
    await app.replay.waitForState('finished', 60_000);
    const predictions = new PredictionsPanel(app.page);
    await predictions.open();
    await expect(predictions.nextReplayHint).toContainText('Forecasts start with the next replay');
    await predictions.nextReplayButton.click();
    await expect.poll(() => predictions.rowsReceived(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect(predictions.nextReplayHint).toBeHidden();
    // The hint's Replay keeps the flat-out pace, so this second replay of the small sample may
    // already be over by now: wait for its end rather than race it with Stop.
    await app.replay.waitForState('finished', 60_000);
  });

  test('a replay started right after choosing the tab reaches the model, even while the panel is still loading', async ({ app }) => {
    await app.openSample();
    // The panel's code arrives late (a slow disk, a first start): held until the replay is over.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await app.page.route(/PredictionsPanel-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    const predictions = new PredictionsPanel(app.page);
    await predictions.tab.click();
    await app.replay.start('max');
    await app.replay.waitForState('finished', 60_000);
    const { accepted } = await app.replay.counts();
    release();
    await expect(predictions.region).toBeVisible();
    await expect.poll(() => predictions.rowsReceived(), { timeout: 30_000 }).toBe(accepted);
    await expect(predictions.nextReplayHint).toBeHidden();
  });

  test('forecasts the sample city and shows actual against predicted beside the baselines', async ({ app }) => {
    const predictions = await replayWithPredictions(app);

    await predictions.waitForSeries(MIN_POINTS);
    await expect(predictions.location).not.toHaveValue('');
    await expect.poll(() => predictions.metric('MAE', 'Model')).not.toBeNull();
    await expect.poll(() => predictions.metric('MAE', 'Last value')).not.toBeNull();
    expect(await predictions.metric('Rows', 'Model')).toBeGreaterThan(0);
    expect(await predictions.metric('RMSE', 'Model')).toBeGreaterThan(0);
    await expect(predictions.verdicts.first()).toHaveText(/^(Beats|Trails|Level with) last value/);
    await expect(predictions.rowsLine).toContainText(/[\d,]+ scored/);

    await expect(predictions.modelTarget).toHaveText('Total');
    await expect(predictions.coefficients.getByRole('row')).not.toHaveCount(0);

    await predictions.scatterButton.click();
    await expect(predictions.scatterButton).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => predictions.scatterPoints()).toBeGreaterThan(MIN_POINTS);
    await expect(predictions.scatterChart.locator('.predict-diagonal line')).toHaveCount(1);
    await predictions.overTimeButton.click();
    await expect(predictions.overTimeChart).toBeVisible();
    await app.replay.stopButton.click();
  });

  test('on a file with a steep morning ramp and no incidents, well under 1 % of forecasts are listed as anomalies', async ({ app }, testInfo) => {
    const path = testInfo.outputPath('no-incidents.csv');
    writeRampCsv(path, { days: 21, sensors: 4 });
    await app.openFile(path);
    const predictions = new PredictionsPanel(app.page);
    await predictions.open();
    await predictions.waitForState('Ready');
    await app.replay.start('max');
    await app.replay.waitForState('finished', 60_000);
    // 14 days after the 7-day history, 4 sensors, 96 intervals a day: all of them scored.
    await expect(predictions.rowsLine).toContainText(`${(14 * 96 * 4).toLocaleString('en-US')} scored`, { timeout: 30_000 });
    const count = /^([\d,]+) in total/.exec((await predictions.anomalyCount.textContent()) ?? '');
    expect(count).not.toBeNull();
    // A ±3σ band promises about 0.3 % (16 of 5,376); one scale per sensor flagged the ramp every morning (about 1.3 %).
    expect(parseCount(count?.[1] ?? '')).toBeLessThan(0.01 * 14 * 96 * 4);
  });

  test('shows the chart location’s metrics and all locations’ metrics, each labelled', async ({ app }) => {
    // 21 days after the 7-day history, 10 junctions, 96 intervals a day; each junction has a tenth.
    const predictions = await forecastTheSample(app);
    await predictions.location.selectOption('J03');
    await expect(predictions.locationMetrics).toHaveAccessibleName('Prediction metrics, at J03');
    await expect(predictions.locationMetrics.locator('caption')).toHaveText('At J03');
    await expect(predictions.metrics.locator('caption')).toHaveText('All locations');
    await expect.poll(() => predictions.metric('Rows', 'Model', predictions.locationMetrics)).toBe(2016);
    expect(await predictions.metric('Rows', 'Model')).toBe(20_160);
    // J03 carries its own error, not the city's: the two MAEs are not the same figure.
    expect(await predictions.metric('MAE', 'Model', predictions.locationMetrics)).not.toBe(await predictions.metric('MAE', 'Model'));
  });

  test('the verdict against the last value weighs MAE and RMSE and says which the model beats', async ({ app }) => {
    const predictions = await forecastTheSample(app);
    // The expected wording from the table's own cells: better on a metric means a lower error than the last value's.
    const direction = async (metric: 'MAE' | 'RMSE'): Promise<string> => {
      const [model, last] = [await predictions.metric(metric, 'Model'), await predictions.metric(metric, 'Last value')];
      expect(model).not.toBeNull();
      expect(last).not.toBeNull();
      return (model as number) < (last as number) ? 'beats' : 'trails';
    };
    const [mae, rmse] = [await direction('MAE'), await direction('RMSE')];
    const verdict = predictions.verdicts.filter({ hasText: /last value/ });
    await expect(verdict).toContainText('MAE');
    await expect(verdict).toContainText('RMSE');
    const text = ((await verdict.textContent()) ?? '').toLowerCase();
    const said = (metric: string): string => (new RegExp(`beats last value on [^;]*${metric}`).test(text) ? 'beats' : 'trails');
    expect([said('mae'), said('rmse')]).toEqual([mae, rmse]);
  });

  test('a new target rebuilds the model, which keeps refitting on the new column', async ({ app }) => {
    const predictions = await replayWithPredictions(app);
    await predictions.waitForSeries(MIN_POINTS);
    await expect(predictions.modelTarget).toHaveText('Total');
    await expect.poll(() => predictions.refits()).toBeGreaterThan(0);

    await predictions.chooseTarget('CarCount');
    await expect(predictions.modelTarget).toHaveText('CarCount', { timeout: 30_000 });
    // The chart follows: the old series is dropped, the new target's is drawn.
    await expect(predictions.overTimeChart).toHaveAttribute('aria-label', /^Actual and predicted CarCount over time at /, { timeout: 30_000 });
    await predictions.waitForSeries(MIN_POINTS);
    const refits = await predictions.refits();
    await expect.poll(() => predictions.refits(), { timeout: 30_000 }).toBeGreaterThan(refits);
    // The target is no longer offered as one of its own inputs.
    await expect(predictions.rawColumn('CarCount')).toHaveCount(0);
    await expect(predictions.rawColumn('Total')).toBeVisible();
    await app.replay.stopButton.click();
  });

  test('same-row columns that add up to the target are flagged as leakage, and can be dropped again', async ({ app }) => {
    const predictions = await replayWithPredictions(app);
    await expect(predictions.leakage).toBeHidden();
    for (const column of ['CarCount', 'BikeCount', 'BusCount', 'TruckCount']) await predictions.rawColumn(column).check();

    await expect(predictions.leakage).toBeVisible({ timeout: 30_000 });
    await expect(predictions.leakage).toContainText('CarCount');
    await expect(predictions.leakage).toContainText(/R² [01]\.\d{3}/);
    await expect(predictions.settings.locator('.predict-raw-leak')).not.toHaveCount(0);

    await predictions.leakage.getByRole('button', { name: /^Stop using / }).click();
    await expect(predictions.leakage).toBeHidden({ timeout: 30_000 });
    await expect(predictions.rawColumn('CarCount')).not.toBeChecked();
    await app.replay.stopButton.click();
  });

  test('another CSV uploaded from the browser trains the model as history', async ({ app }) => {
    const predictions = await replayWithPredictions(app);
    await predictions.historySource.selectOption('none');
    await expect.poll(() => predictions.historyRows(), { timeout: 30_000 }).toBe(0);

    const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), predictions.historySource.selectOption('csv')]);
    await chooser.setFiles(SAMPLE);
    await expect(predictions.historySource).toHaveValue('csv', { timeout: 30_000 });
    await expect(predictions.region.getByTestId('predict-history-file')).toContainText('traffic-sample');
    await expect.poll(() => predictions.historyRows(), { timeout: 30_000 }).toBeGreaterThan(0);
    await app.replay.stopButton.click();
  });
});
