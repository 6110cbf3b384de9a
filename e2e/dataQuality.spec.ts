/**
 * Data quality, profiles and alarms (issue 23) in the browser, on the real engine. Every expected
 * value comes from the files themselves (read here with csv-parse) or from the generator's own
 * record of what it injected (faults) and planned (incidents.json), never from the app.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DEFAULTS, writeTrafficCsv } from '../sample-data/generator/writeTrafficCsv';
import type { FaultKind } from '../sample-data/generator/faults';
import { expect, test } from './fixtures';
import { DataQualityPanel, ProfilesPanel } from './pages/analysisPanels';
import type { TrafficMonitorPage } from './pages/trafficMonitorPage';

const ROOT = resolve(__dirname, '..');
const SAMPLE = join(ROOT, 'sample-data', 'traffic-sample.csv');
const CORPUS = join(ROOT, 'fidelity', 'corpus', 'real');
const DAY_MS = 86_400_000;

type Row = Record<string, string>;
const readCsv = (path: string, delimiter = ','): Row[] => parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { columns: true, delimiter, skip_empty_lines: true }) as Row[];

/** "1:15:00 PM" → hour 13, minute 15. */
function clock(text: string): { hour: number; minute: number } {
  const match = /^(\d{1,2}):(\d{2}):\d{2} (AM|PM)$/.exec(text);
  if (!match) throw new Error(`not a 12-hour time: ${text}`);
  return { hour: (Number(match[1]) % 12) + (match[3] === 'PM' ? 12 : 0), minute: Number(match[2]) };
}

/** A generated city file's row as event time (UTC wall clock), from its Date (day of month) and Time; the file starts in DEFAULTS.startDate's month. */
function sampleTime(row: Row): number {
  const start = new Date(`${DEFAULTS.startDate}T00:00Z`);
  const { hour, minute } = clock(row.Time ?? '');
  return Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), Number(row.Date), hour, minute);
}

const mondayFirst = (time: number): number => (new Date(time).getUTCDay() + 6) % 7;
const formatMean = (value: number): string => Number(value.toFixed(2)).toString();

async function replayFlatOut(app: TrafficMonitorPage): Promise<number> {
  await app.replay.start('max');
  await app.replay.waitForState('finished', 60_000);
  const counts = await app.replay.counts();
  expect(counts.read).toBe(counts.accepted + counts.rejected);
  return counts.accepted;
}

test.describe('data quality and profiles on the sample city', () => {
  test('every row is checked, ten junctions are OK with no flag, and the incidents after the warm-up are alarmed', async ({ app }) => {
    const rows = readCsv(SAMPLE);
    const junctions = [...new Set(rows.map((row) => row.Junction ?? ''))].sort();
    await app.openSample();
    const accepted = await replayFlatOut(app);
    expect(accepted).toBe(rows.length);

    const quality = new DataQualityPanel(app.page);
    await quality.open();
    await expect(quality.locationCount).toHaveText(`${junctions.length} locations`);
    await expect.poll(() => quality.rowsCheckedCount()).toBe(accepted);
    await expect(quality.rowsChecked).toHaveText(`${accepted.toLocaleString('en-US')} rows checked`);
    await expect(quality.flagCount).toHaveText('0 flags');
    await expect(quality.noFlags).toBeVisible();
    const statuses = await quality.locationStatuses();
    expect([...statuses.keys()]).toEqual(junctions);
    expect([...statuses.values()].every((location) => location.status === 'OK' && location.flags === 0)).toBe(true);
    // The live feed's rows carry their junction's status.
    await expect(app.feed.table.getByRole('img', { name: 'Data quality OK' }).first()).toBeVisible();

    // Alarms: an incident can be judged once 7 earlier days of its kind are in the file (the typical
    // day's minimum history); Monday–Friday pooled stands in for a weekday kind still learning.
    const incidents = JSON.parse(readFileSync(join(ROOT, 'sample-data', 'incidents.json'), 'utf8')) as { junction: string; start: string }[];
    const first = Math.min(...rows.map(sampleTime));
    const kind = (time: number): number => Math.min(2, Math.max(0, mondayFirst(time) - 4));
    const judged = incidents.filter((incident) => {
      const start = Date.parse(`${incident.start}Z`);
      let earlier = 0;
      for (let day = Math.floor(first / DAY_MS); day < Math.floor(start / DAY_MS); day++) if (kind(day * DAY_MS) === kind(start)) earlier++;
      return earlier >= 7;
    });
    expect(judged.length).toBeGreaterThan(0);
    await expect(quality.alarms).toBeVisible();
    const alarmRows = await quality.alarms.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '')));
    for (const incident of judged) {
      const start = incident.start.replace('T', ' ');
      expect(
        alarmRows.some((cells) => cells[2] === incident.junction && cells[0] === start),
        `an alarm at ${incident.junction} from ${start}; listed: ${JSON.stringify(alarmRows)}`,
      ).toBe(true);
    }
  });

  test('the heatmap fills and a cell shows the mean of its readings; the typical day draws for a junction', async ({ app }) => {
    const rows = readCsv(SAMPLE);
    await app.openSample();
    await replayFlatOut(app);
    const profiles = new ProfilesPanel(app.page);
    await profiles.open();

    // All junctions: 28 days cover every hour of every weekday.
    await expect(profiles.filledCells()).toHaveCount(7 * 24);
    await profiles.heatmapLocation.selectOption('J03');
    await expect(profiles.heatmap).toHaveAccessibleName(/J03$/);
    // Tuesday 08:00–09:00 at J03, by hand from the file.
    const values = rows
      .filter((row) => row.Junction === 'J03')
      .filter((row) => {
        const time = sampleTime(row);
        return mondayFirst(time) === 1 && new Date(time).getUTCHours() === 8;
      })
      .map((row) => Number(row.Total));
    expect(values.length).toBeGreaterThan(0);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const cell = profiles.cell(1, 8);
    await cell.hover();
    await expect(cell).toHaveAttribute('title', `Tuesday 08:00–09:00: mean Total ${formatMean(mean)} (${values.length} readings)`);
    await expect(profiles.region.getByLabel('Colour scale')).toBeVisible();

    await profiles.typicalLocation.selectOption('J05');
    await expect(profiles.region.getByRole('heading', { name: 'Typical day at J05' })).toBeVisible();
    // recharts draws the median line and the band as paths.
    await expect(profiles.typicalChart.locator('.recharts-line path.recharts-curve').first()).toBeVisible();
    await expect(profiles.typicalChart.locator('.recharts-area path').first()).toBeVisible();
  });
});

test.describe('a generated city with injected detector faults', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tm-faults-'));
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The check each kind of fault must raise, as the panel names it. */
  const EXPECTED: Record<FaultKind, string> = { stuck: 'Stuck value', missing: 'Missing intervals', spike: 'Far above usual', negative: 'Negative value' };

  test('each fault is flagged at its junction with the right check, and the flags CSV has every flag', async ({ app }) => {
    const file = join(dir, 'faulty-city.csv');
    const { faults } = await writeTrafficCsv({ out: file, days: 14, faults: { stuck: 2, missing: 2, spike: 2, negative: 2 } });
    expect(faults.length).toBe(8);
    await app.openFile(file);
    const accepted = await replayFlatOut(app);

    const quality = new DataQualityPanel(app.page);
    await quality.open();
    await expect.poll(() => quality.rowsCheckedCount()).toBe(accepted);
    const flags = await quality.flagRows();
    const statuses = await quality.locationStatuses();
    const last = Math.max(...readCsv(file).map(sampleTime));
    for (const fault of faults) {
      const from = Date.parse(`${fault.start}Z`);
      const to = Date.parse(`${fault.end}Z`);
      const found = flags.some((flag) => {
        const at = Date.parse(`${flag.time.replace(' ', 'T')}Z`);
        return flag.location === fault.junction && flag.check === EXPECTED[fault.kind] && at >= from - 3_600_000 && at < to;
      });
      expect(found, `${fault.kind} at ${fault.junction} ${fault.start}`).toBe(true);
      expect(statuses.get(fault.junction)?.flags ?? 0).toBeGreaterThan(0);
      // A fault within the last day leaves its junction suspect or bad at the end.
      if (to > last - DAY_MS) expect(['Suspect', 'Bad']).toContain(statuses.get(fault.junction)?.status);
    }

    const raised = await quality.flagsRaised();
    const download = await quality.download(quality.exportFlags);
    expect(download.name).toBe('flags.csv');
    const exported = parse(download.text, { columns: true }) as Row[];
    expect(exported).toHaveLength(raised);
    for (const fault of faults) expect(exported.some((row) => row.location === fault.junction && row.check === EXPECTED[fault.kind])).toBe(true);
  });
});

test.describe('real traffic files', () => {
  test('Fremont Bridge bicycles: one counter, every row checked, the heatmap covers the weekday-hours in the file', async ({ app }) => {
    const path = join(CORPUS, 'fremont-bridge-bicycles.csv');
    const rows = parse(readFileSync(path, 'utf8'), { columns: false, from_line: 2 }) as string[][];
    const measure = 1; // "Fremont Bridge Sidewalks, south of N 34th St", the total
    const cells = new Set<string>();
    for (const row of rows) {
      const match = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{1,2}):\d{2}:\d{2} (AM|PM)$/.exec(row[0] ?? '');
      if (!match || (row[measure] ?? '') === '') continue;
      const hour = (Number(match[4]) % 12) + (match[5] === 'PM' ? 12 : 0);
      cells.add(`${mondayFirst(Date.UTC(Number(match[3]), Number(match[1]) - 1, Number(match[2])))}:${hour}`);
    }
    await app.openFile(path);
    const accepted = await replayFlatOut(app);
    expect(accepted).toBe(rows.length);

    const quality = new DataQualityPanel(app.page);
    await quality.open();
    await expect.poll(() => quality.rowsCheckedCount()).toBe(rows.length);
    await expect(quality.locationCount).toHaveText('1 location');
    await expect(quality.locations.locator('tbody tr')).toHaveCount(1);

    const profiles = new ProfilesPanel(app.page);
    await profiles.open();
    await expect(profiles.filledCells()).toHaveCount(cells.size);
    await expect(profiles.typicalChart).toBeVisible();
  });

  test('Paris Champs-Élysées arc: hourly flow with offsets and gaps, every row checked, the heatmap covers its hours', async ({ app }) => {
    const path = join(CORPUS, 'paris-comptages-routiers.csv');
    const rows = readCsv(path, ';');
    const cells = new Set<string>();
    for (const row of rows) {
      if ((row['Débit horaire'] ?? '') === '') continue;
      const time = Date.parse(row['Date et heure de comptage'] ?? '');
      cells.add(`${mondayFirst(time)}:${new Date(time).getUTCHours()}`);
    }
    await app.openFile(path);
    // The export is unordered (four steps in five go back): said so, and not replayed as if newest first.
    await expect(app.page.getByTestId('time-order')).toContainText('Rows are not in time order: replayed as written');
    await expect(app.page.getByTestId('replay-order')).toHaveCount(0);
    const accepted = await replayFlatOut(app);
    expect(accepted).toBe(rows.length);

    const quality = new DataQualityPanel(app.page);
    await quality.open();
    await expect.poll(() => quality.rowsCheckedCount()).toBe(rows.length);
    await expect(quality.locationCount).toHaveText('1 location');
    await expect(quality.region).toContainText('Measure: Débit horaire');

    const profiles = new ProfilesPanel(app.page);
    await profiles.open();
    await expect(profiles.filledCells()).toHaveCount(cells.size);
  });
});

test.describe('a file written newest first', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tm-newest-first-'));
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a reversed copy of a clean file says it runs newest first, and no row is flagged out of order', async ({ app }) => {
    // Four junctions' hourly counts for June 2017, grouped by junction, each oldest first: reversed,
    // each junction runs newest first, and the runs are merged by time.
    const source = join(CORPUS, 'traffic-junctions.csv');
    const [header, ...lines] = readFileSync(source, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line !== '');
    const rows = readCsv(source);
    const junctions = [...new Set(rows.map((row) => row.Junction ?? ''))].sort();
    // Independent of the app: within each junction, the original file's times only go up.
    for (const junction of junctions) {
      const times = rows.filter((row) => row.Junction === junction).map((row) => Date.parse(`${row.DateTime} UTC`));
      expect(times.every((time, i) => i === 0 || time > (times[i - 1] as number))).toBe(true);
    }
    const path = join(dir, 'traffic-junctions-newest-first.csv');
    writeFileSync(path, `${[header, ...lines.reverse()].join('\n')}\n`);

    await app.openFile(path);
    await expect(app.page.getByTestId('replay-order')).toHaveText(/Grouped by location, each newest first: 4 runs, replayed merged by time/);
    const accepted = await replayFlatOut(app);
    expect(accepted).toBe(rows.length);

    const quality = new DataQualityPanel(app.page);
    await quality.open();
    await expect.poll(() => quality.rowsCheckedCount()).toBe(rows.length);
    await expect(quality.locationCount).toHaveText(`${junctions.length} locations`);
    const flags = await quality.flagRows();
    expect(flags.filter((flag) => flag.check === 'Timestamp out of order')).toEqual([]);
    const statuses = await quality.locationStatuses();
    expect([...statuses.keys()]).toEqual(junctions);
  });
});
