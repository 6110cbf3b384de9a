/**
 * The Predictions "Over time" chart under the pointer: the tooltip names the point under it, not
 * one of the first points wherever the pointer is (recharts' tooltip on a numeric axis did); a
 * dragged range or the wheel zooms, Reset zoom brings the whole series back. Expected times come
 * from the time axis as drawn (its tick labels and where they sit), not from the app's data.
 */
import { expect, test } from './fixtures';
import { axisTimeAt, forecastTheSample, monthDayTime } from './pages/predictionsPanel';

test('the over-time tooltip follows the pointer, and the chart zooms, pans and resets', async ({ app }) => {
  const predictions = await forecastTheSample(app);
  await predictions.waitForSeries(50);
  await predictions.overTimeChart.scrollIntoViewIfNeeded();

  const plot = await predictions.plotBox();
  const ticks = await predictions.timeTicks();
  expect(ticks.length).toBeGreaterThanOrEqual(3);
  const span = axisTimeAt(ticks, plot.x + plot.width) - axisTimeAt(ticks, plot.x);
  // 21 days of 15-minute rows, downsampled to 1,000 points: the nearest point is within a few hours.
  const tolerance = span * 0.015;
  const hoverAt = async (fraction: number): Promise<number> => {
    await app.page.mouse.move(plot.x + fraction * plot.width, plot.y + plot.height / 2);
    await expect(predictions.chartTooltipTime).toBeVisible();
    return monthDayTime((await predictions.chartTooltipTime.textContent()) ?? '');
  };

  const shown: number[] = [];
  for (const fraction of [0.25, 0.5, 0.9]) {
    const time = await hoverAt(fraction);
    expect(Math.abs(time - axisTimeAt(ticks, plot.x + fraction * plot.width)), `at ${fraction * 100} %`).toBeLessThanOrEqual(tolerance);
    shown.push(time);
  }
  expect(shown[0]).toBeLessThan(shown[1]!);
  expect(shown[1]).toBeLessThan(shown[2]!);

  // Drag from 40 % to 60 %: the axis then spans that range, and the pointer's point lies inside it.
  const [from, to] = [axisTimeAt(ticks, plot.x + 0.4 * plot.width), axisTimeAt(ticks, plot.x + 0.6 * plot.width)];
  await app.page.mouse.move(plot.x + 0.4 * plot.width, plot.y + plot.height / 2);
  await app.page.mouse.down();
  await app.page.mouse.move(plot.x + 0.6 * plot.width, plot.y + plot.height / 2, { steps: 5 });
  await app.page.mouse.up();
  await expect.poll(async () => (await predictions.timeTicks()).map((tick) => tick.text)).not.toEqual(ticks.map((tick) => tick.text));
  const zoomedTicks = await predictions.timeTicks();
  expect(axisTimeAt(zoomedTicks, plot.x)).toBeGreaterThanOrEqual(from - tolerance);
  expect(axisTimeAt(zoomedTicks, plot.x + plot.width)).toBeLessThanOrEqual(to + tolerance);
  const inZoom = await hoverAt(0.25);
  expect(inZoom).toBeGreaterThan(from);
  expect(inZoom).toBeLessThan(to);
  expect(Math.abs(inZoom - axisTimeAt(zoomedTicks, plot.x + 0.25 * plot.width))).toBeLessThanOrEqual(tolerance / 5);

  // Later: the range moves on by half its width.
  await predictions.zoom.getByRole('button', { name: 'Later' }).click();
  const panned = await predictions.timeTicks();
  expect(axisTimeAt(panned, plot.x)).toBeGreaterThan(axisTimeAt(zoomedTicks, plot.x));

  // Reset: the whole series again, the same axis as before.
  await predictions.zoom.getByRole('button', { name: 'Reset zoom' }).click();
  await expect.poll(async () => (await predictions.timeTicks()).map((tick) => tick.text)).toEqual(ticks.map((tick) => tick.text));
  await expect(predictions.zoom.getByRole('button', { name: 'Reset zoom' })).toBeDisabled();

  // The wheel zooms in about the pointer.
  await app.page.mouse.move(plot.x + 0.5 * plot.width, plot.y + plot.height / 2);
  await app.page.mouse.wheel(0, -300);
  await expect(predictions.zoom.getByRole('button', { name: 'Reset zoom' })).toBeEnabled();
  const wheeled = await predictions.timeTicks();
  expect(axisTimeAt(wheeled, plot.x + plot.width) - axisTimeAt(wheeled, plot.x)).toBeLessThan(span * 0.9);
});
