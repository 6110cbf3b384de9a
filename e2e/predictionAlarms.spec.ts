/**
 * Incident alarms on the Predictions panel's "Over time" chart (issue 23): an alarm raised at a
 * junction is shaded on that junction's chart from its start to its end, and nowhere else. The
 * sample city's incidents are planned by its generator (sample-data/incidents.json); times on the
 * chart are read off its time axis as drawn (tick labels and where their marks sit). Starts are
 * checked against incidents.json, ends against the alarm list in Data quality (an alarm lasts until
 * the readings are back near typical, which the plan does not say).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import { DataQualityPanel } from './pages/analysisPanels';
import { axisTimeAt, axisXAt, forecastTheSample, type PredictionsPanel } from './pages/predictionsPanel';
import { WorkspaceLayout } from './pages/workspaceLayout';

const INCIDENTS = resolve(__dirname, '..', 'sample-data', 'incidents.json');
/** The axis labels leave the year out; the sample is October 2026. */
const YEAR = 2026;
const HOUR_MS = 3_600_000;
/** How far a shaded edge may sit from its time once zoomed to about two days: under one 15-minute interval. */
const TOLERANCE_MS = 10 * 60_000;

interface Incident {
  junction: string;
  start: string;
  end: string;
}

/** "2026-10-16T07:30" or "2026-10-16 07:30" (UTC wall clock, as the app shows a time without zone) → epoch ms. */
const utc = (wallClock: string): number => Date.parse(`${wallClock.replace(' ', 'T')}Z`);

/** Forecasts start after the sample's 7 history days (2026-10-01 to 10-07). */
const FORECASTS_FROM = utc('2026-10-08 00:00');

/**
 * The incidents the chart must shade, counted by hand from incidents.json: forecasts start on
 * 10-08, and an alarm needs 7 earlier weekdays for its typical day (10-01, 02, 05, 06, 07, 08, 09),
 * so it can be raised from Monday 10-12 on. That leaves out J10's on Saturday 10-03 and J03's on
 * Friday 10-09, and keeps J05's on 10-16 and J01's on 10-26.
 */
function shadedIncidents(): Incident[] {
  const incidents = JSON.parse(readFileSync(INCIDENTS, 'utf8')) as Incident[];
  return incidents.filter((incident) => utc(incident.start) >= utc('2026-10-12 00:00'));
}

/** Shows the chart of one location (the engine sends only that location's series). */
async function showLocation(predictions: PredictionsPanel, location: string): Promise<void> {
  await predictions.location.selectOption(location);
  await expect(predictions.region.getByRole('img', { name: new RegExp(` over time at ${location}$`) })).toBeVisible();
  await predictions.waitForSeries(50);
}

/**
 * Zooms the chart to `around` with 18 hours either side (the axis then labels day and minute), and
 * reads each shaded area's left and right edge as a time off the zoomed axis.
 */
async function shadedSpans(predictions: PredictionsPanel, around: [number, number]): Promise<[number, number][]> {
  const ticks = await predictions.timeTicks();
  await predictions.zoomTo(axisXAt(ticks, around[0] - 18 * HOUR_MS, YEAR), axisXAt(ticks, around[1] + 18 * HOUR_MS, YEAR));
  const zoomed = await predictions.timeTicks();
  const areas = await predictions.alarmAreas();
  return areas.map(([left, right]) => [axisTimeAt(zoomed, left, YEAR), axisTimeAt(zoomed, right, YEAR)]);
}

test('incident alarms are shaded on the Over time chart at their junction, from the alarm start to its end', async ({ app }) => {
  test.setTimeout(120_000);
  const incidents = shadedIncidents();
  expect(incidents.map((incident) => incident.junction)).toEqual(['J05', 'J01']);

  const predictions = await forecastTheSample(app);
  // A wider chart reads its axis finer: the side panels make way.
  await new WorkspaceLayout(app.page).sidePanelsToggle.click();
  await expect(predictions.overTimeButton).toHaveAttribute('aria-pressed', 'true');

  // First on the Predictions tab alone (Data quality never opened): the shading comes with the chart.
  const measured = new Map<string, [number, number]>();
  for (const incident of incidents) {
    await showLocation(predictions, incident.junction);
    await expect.poll(async () => (await predictions.alarmAreas()).length, { message: `shaded areas at ${incident.junction}` }).toBe(1);
    const spans = await shadedSpans(predictions, [utc(incident.start), utc(incident.end)]);
    expect(spans, `shaded areas at ${incident.junction} once zoomed to its incident`).toHaveLength(1);
    const [from, to] = spans[0] ?? [Number.NaN, Number.NaN];
    expect(Math.abs(from - utc(incident.start)), `shading at ${incident.junction} starts at ${new Date(from).toISOString()}, the incident at ${incident.start}`).toBeLessThanOrEqual(TOLERANCE_MS);
    expect(to, `shading at ${incident.junction} ends after it starts`).toBeGreaterThan(from + HOUR_MS / 2);
    measured.set(incident.junction, [from, to]);
    await predictions.zoom.getByRole('button', { name: 'Reset zoom' }).click();
  }

  // Each shaded span is the alarm the Data quality panel lists for that junction, start and end.
  const quality = new DataQualityPanel(app.page);
  await quality.open();
  await expect(quality.alarms).toBeVisible();
  const alarms = await quality.alarmRows();
  for (const incident of incidents) {
    const alarm = alarms.find((row) => row.location === incident.junction && utc(row.start) === utc(incident.start));
    expect(alarm, `an alarm at ${incident.junction} from ${incident.start}; listed: ${JSON.stringify(alarms)}`).toBeDefined();
    const [from, to] = measured.get(incident.junction) ?? [Number.NaN, Number.NaN];
    expect(Math.abs(from - utc(alarm?.start ?? ''))).toBeLessThanOrEqual(TOLERANCE_MS);
    expect(Math.abs(to - utc(alarm?.end ?? '')), `shading at ${incident.junction} ends at ${new Date(to).toISOString()}, the alarm at ${alarm?.end}`).toBeLessThanOrEqual(TOLERANCE_MS);
  }

  // Every junction's chart has as many shaded areas as alarms listed for it in the forecast period
  // (neighbours alarmed with an incident included), and a junction without one has none.
  await predictions.open();
  const junctions = await predictions.location.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  expect(junctions).toHaveLength(10);
  for (const junction of junctions) {
    const listed = alarms.filter((row) => row.location === junction && utc(row.start) >= FORECASTS_FROM).length;
    await showLocation(predictions, junction);
    await expect.poll(async () => (await predictions.alarmAreas()).length, { message: `shaded areas at ${junction}` }).toBe(listed);
  }
});
