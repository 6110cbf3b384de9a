/**
 * Page object for the Predictions panel in the dock under the Live Feed: the settings bar, the
 * state and rows lines, the metrics table, the chart of one location, the model card and the
 * anomalies.
 */
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { parseCount, type TrafficMonitorPage } from './trafficMonitorPage';

export type MetricName = 'MAE' | 'RMSE' | 'R²' | 'MAPE' | 'Rows';
export type Forecaster = 'Model' | 'Last value' | 'Same time yesterday';
export type ChartLine = 'actual' | 'predicted';

/** "12.3%", "-0.512", "1,234" → a number; "—" (nothing scored yet) → null. */
export function parseMetric(text: string | null): number | null {
  const cleaned = (text ?? '').replace(/[,%\s]/g, '').replace('−', '-');
  if (cleaned === '' || cleaned === '—') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

export class PredictionsPanel {
  readonly tab: Locator;
  readonly region: Locator;
  readonly state: Locator;
  readonly message: Locator;
  readonly rowsLine: Locator;
  readonly notice: Locator;
  readonly settings: Locator;
  readonly target: Locator;
  readonly modelKind: Locator;
  readonly lambda: Locator;
  readonly historySource: Locator;
  readonly historyDays: Locator;
  readonly training: Locator;
  readonly leakage: Locator;
  /** Metrics over every location's rows, and over the chart's location only. */
  readonly metrics: Locator;
  readonly locationMetrics: Locator;
  readonly verdicts: Locator;
  readonly location: Locator;
  readonly overTimeButton: Locator;
  readonly scatterButton: Locator;
  readonly overTimeChart: Locator;
  readonly scatterChart: Locator;
  readonly modelCard: Locator;
  readonly modelTarget: Locator;
  readonly modelRefits: Locator;
  readonly coefficients: Locator;
  readonly anomalies: Locator;
  readonly anomalyCount: Locator;
  /** Shown when the tab has no rows and no replay runs: forecasts start with the next replay. */
  readonly nextReplayHint: Locator;
  readonly nextReplayButton: Locator;
  readonly exportForecastsButton: Locator;
  /** The over-time chart's zoom buttons, the layer over its plot that takes the pointer, and its tooltip. */
  readonly zoom: Locator;
  readonly chartPointer: Locator;
  readonly chartTooltipTime: Locator;
  readonly exportAnomaliesButton: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: 'Predictions' });
    this.region = page.getByRole('region', { name: 'Predictions' });
    this.state = this.region.getByTestId('predict-state');
    this.message = this.region.getByTestId('predict-message');
    this.rowsLine = this.region.getByTestId('predict-rows');
    this.notice = this.region.getByTestId('predict-notice');
    this.settings = this.region.getByRole('group', { name: 'Prediction settings' });
    this.target = this.settings.getByRole('combobox', { name: 'Target' });
    this.modelKind = this.settings.getByRole('combobox', { name: 'Model' });
    this.lambda = this.settings.getByRole('spinbutton', { name: 'Ridge λ' });
    this.historySource = this.settings.getByRole('combobox', { name: 'History source' });
    this.historyDays = this.settings.getByRole('spinbutton', { name: 'History days' });
    this.training = this.settings.locator('details.predict-training');
    this.leakage = this.region.getByTestId('predict-leakage');
    this.metrics = this.region.getByRole('table', { name: 'Prediction metrics, all locations' });
    this.locationMetrics = this.region.getByRole('table', { name: /^Prediction metrics, at / });
    this.verdicts = this.region.getByRole('list', { name: 'Model against baselines, all locations' }).getByRole('listitem');
    this.location = this.region.getByRole('combobox', { name: 'Location' });
    const views = this.region.getByRole('group', { name: 'Chart view' });
    this.overTimeButton = views.getByRole('button', { name: 'Over time' });
    this.scatterButton = views.getByRole('button', { name: 'Predicted vs actual' });
    this.overTimeChart = this.region.getByRole('img', { name: /^Actual and predicted .* over time at / });
    this.scatterChart = this.region.getByRole('img', { name: /^Predicted vs actual / });
    this.modelCard = this.region.getByRole('region', { name: 'Model card' });
    this.modelTarget = this.modelFact('Target');
    this.modelRefits = this.modelFact('Refits');
    this.coefficients = this.modelCard.getByRole('table', { name: 'Model coefficients' });
    this.anomalies = this.region.getByRole('table', { name: 'Anomalies' });
    this.anomalyCount = this.region.getByTestId('predict-anomaly-count');
    this.nextReplayHint = this.region.getByTestId('predict-next-replay');
    this.nextReplayButton = this.nextReplayHint.getByRole('button', { name: 'Replay' });
    this.zoom = this.region.getByRole('group', { name: 'Chart zoom' });
    this.chartPointer = this.region.getByTestId('predict-chart-pointer');
    this.chartTooltipTime = this.region.getByTestId('predict-chart-tooltip-time');
    const exports = this.region.getByRole('group', { name: 'Export' });
    this.exportForecastsButton = exports.getByRole('button', { name: 'Export forecasts (CSV)' });
    this.exportAnomaliesButton = exports.getByRole('button', { name: 'Export anomalies (CSV)' });
  }

  /** A value of the model card by its term: 'Kind', 'Target', 'Training rows', 'Window span', 'Last refit', 'Refit took', 'Refits', 'Training R²'. */
  modelFact(term: string): Locator {
    return this.modelCard.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
  }

  /** The over-time chart's plot area on the page (its grid spans exactly the plot). */
  async plotBox(): Promise<{ x: number; y: number; width: number; height: number }> {
    const box = await this.overTimeChart.locator('.recharts-cartesian-grid').boundingBox();
    if (!box) throw new Error('the over-time chart has no plot');
    return box;
  }

  /** The time axis's ticks as drawn: each label's text and the page x of its tick mark. */
  async timeTicks(): Promise<TimeTick[]> {
    const texts = await this.overTimeChart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();
    const marks = await this.overTimeChart.locator('.recharts-xAxis-tick-lines .recharts-cartesian-axis-tick-line').evaluateAll((lines) => lines.map((line) => line.getBoundingClientRect().left));
    if (texts.length !== marks.length) throw new Error(`${texts.length} tick labels but ${marks.length} tick marks`);
    return texts.map((text, i) => ({ text, x: marks[i] as number }));
  }

  /** The incident alarms shaded on the over-time chart, as page x spans [left, right]. */
  alarmAreas(): Promise<[number, number][]> {
    return this.overTimeChart.locator('.predict-alarm-area .recharts-reference-area-rect').evaluateAll((rects) =>
      rects.map((rect): [number, number] => {
        const box = rect.getBoundingClientRect();
        return [box.left, box.right];
      }),
    );
  }

  /** Drags a range over the plot from page x `from` to `to`, as a user zooms in; waits until the axis changed. */
  async zoomTo(from: number, to: number): Promise<void> {
    const before = (await this.timeTicks()).map((tick) => tick.text);
    const plot = await this.plotBox();
    await this.page.mouse.move(from, plot.y + plot.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(to, plot.y + plot.height / 2, { steps: 5 });
    await this.page.mouse.up();
    await expect.poll(async () => (await this.timeTicks()).map((tick) => tick.text)).not.toEqual(before);
  }

  /** Clicks an export button and resolves to the downloaded file's name and text. */
  async download(button: Locator): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
  }

  /** Rows the model has received, from "N received · …" in the rows line. */
  async rowsReceived(): Promise<number> {
    const match = /^([\d,]+) received/.exec((await this.rowsLine.textContent()) ?? '');
    return match ? parseCount(match[1] ?? '') : 0;
  }

  /** Rows of history the last fit used, from "Training rows: N (H history + W window)". */
  async historyRows(): Promise<number> {
    const match = /\(([\d,]+) history/.exec((await this.modelFact('Training rows').textContent()) ?? '');
    return match ? parseCount(match[1] ?? '') : 0;
  }

  /** Shows the tab; the first time, this is what starts feeding rows to the model. */
  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.region).toBeVisible();
  }

  async waitForState(state: 'Off' | 'Waiting' | 'Loading history' | 'Ready' | 'Failed', timeout = 60_000): Promise<void> {
    await expect(this.state).toHaveText(state, { timeout });
  }

  /** A cell of the metrics table, e.g. metricCell('MAE', 'Last value'). */
  metricCell(metric: MetricName, forecaster: Forecaster, table: Locator = this.metrics): Locator {
    const row = table.locator('tr', { has: this.page.getByRole('rowheader', { name: metric, exact: true }) });
    const column = (['Model', 'Last value', 'Same time yesterday'] as const).indexOf(forecaster);
    return row.getByRole('cell').nth(column);
  }

  /** The metric as a number (MAPE in percent); null while it shows "—". */
  async metric(metric: MetricName, forecaster: Forecaster, table: Locator = this.metrics): Promise<number | null> {
    return parseMetric(await this.metricCell(metric, forecaster, table).textContent());
  }

  /** The drawn path of one line of the over-time chart. */
  line(which: ChartLine): Locator {
    return this.overTimeChart.locator(`.predict-line-${which} path.recharts-line-curve`);
  }

  /** Points of a line as drawn (its path is "M x,y L x,y …": one command per point). */
  async linePoints(which: ChartLine): Promise<number> {
    if ((await this.line(which).count()) === 0) return 0;
    const d = (await this.line(which).first().getAttribute('d')) ?? '';
    return (d.match(/[ML]/g) ?? []).length;
  }

  /** Waits until the over-time chart draws both actual and predicted with at least `points` points each. */
  async waitForSeries(points: number, timeout = 60_000): Promise<void> {
    await expect(this.overTimeChart).toBeVisible({ timeout });
    await expect.poll(() => this.linePoints('actual'), { timeout }).toBeGreaterThanOrEqual(points);
    await expect.poll(() => this.linePoints('predicted'), { timeout }).toBeGreaterThanOrEqual(points);
  }

  /** Dots of the predicted-against-actual scatter: drawn as one path, one closed circle ("M…") per point. */
  async scatterPoints(): Promise<number> {
    const dots = this.scatterChart.locator('path.predict-scatter-points');
    if ((await dots.count()) === 0) return 0;
    return ((await dots.getAttribute('d')) ?? '').match(/M/g)?.length ?? 0;
  }

  async chooseTarget(column: string): Promise<void> {
    await this.target.selectOption(column);
    await expect(this.target).toHaveValue(column);
  }

  async refits(): Promise<number> {
    return parseCount(await this.modelRefits.textContent());
  }

  /** Opens the Training… popover, types the given fields and applies them (the popover closes once the engine took them). */
  async setTraining(fields: Partial<Record<'Refit every (rows)' | 'Refit every (seconds)' | 'Window (rows)' | 'Anomaly threshold (σ)', number>>): Promise<void> {
    await this.training.locator('summary').click();
    for (const [name, value] of Object.entries(fields)) await this.training.getByRole('spinbutton', { name }).fill(String(value));
    await this.training.getByRole('button', { name: 'Apply' }).click();
    await expect(this.training.getByRole('button', { name: 'Apply' })).toBeHidden();
  }

  /** A same-row column's checkbox in the feature list. */
  rawColumn(name: string): Locator {
    return this.settings.getByRole('group', { name: 'Same-row columns' }).getByRole('checkbox', { name, exact: true });
  }

  derivedFeature(label: string): Locator {
    return this.settings.getByRole('group', { name: 'Features' }).getByRole('checkbox', { name: label, exact: true });
  }
}

/** A tick of the over-time chart's time axis as drawn: its label and the page x of its mark. */
export interface TimeTick {
  text: string;
  x: number;
}

/**
 * "10-08 06:15" (axis over more than a day) or "2026-10-08 06:15:00" (tooltip) → epoch ms (UTC wall
 * clock). The axis leaves the year out, so it is given: the sample spans one month of one year.
 */
export function monthDayTime(text: string, year = 2000): number {
  const match = /(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) throw new Error(`not a time: ${text}`);
  const [, month, day, hour, minute, second] = match.map(Number) as number[];
  return Date.UTC(year, (month ?? 1) - 1, day, hour, minute, Number.isNaN(second) ? 0 : second);
}

/** The time the axis puts at page x: linear between its first and last tick labels. */
export function axisTimeAt(ticks: readonly TimeTick[], x: number, year = 2000): number {
  const first = ticks[0];
  const last = ticks[ticks.length - 1];
  if (!first || !last || first === last) throw new Error(`an axis needs two ticks to be read; it has ${ticks.length}`);
  const [t0, t1] = [monthDayTime(first.text, year), monthDayTime(last.text, year)];
  return t0 + ((x - first.x) / (last.x - first.x)) * (t1 - t0);
}

/** Where the axis puts a time (epoch ms, UTC wall clock): the page x, linear between its first and last tick labels. */
export function axisXAt(ticks: readonly TimeTick[], time: number, year = 2000): number {
  const first = ticks[0];
  const last = ticks[ticks.length - 1];
  if (!first || !last || first === last) throw new Error(`an axis needs two ticks to be read; it has ${ticks.length}`);
  const [t0, t1] = [monthDayTime(first.text, year), monthDayTime(last.text, year)];
  return first.x + ((time - t0) / (t1 - t0)) * (last.x - first.x);
}

/** The sample's scored rows: 21 days after the 7-day history, 10 junctions, 96 intervals a day. */
export const SAMPLE_SCORED_ROWS = 21 * 10 * 96;

/**
 * Opens the sample with the Predictions tab open, replays it at full speed and waits until the
 * model has scored `scored` rows: where every forecasting test starts.
 */
export async function forecastTheSample(app: TrafficMonitorPage, scored = SAMPLE_SCORED_ROWS): Promise<PredictionsPanel> {
  await app.openSample();
  const predictions = new PredictionsPanel(app.page);
  await predictions.open();
  await predictions.waitForState('Ready');
  await app.replay.start('max');
  await app.replay.waitForState('finished', 60_000);
  await expect(predictions.rowsLine).toContainText(`${scored.toLocaleString('en-US')} scored`, { timeout: 30_000 });
  return predictions;
}

