/**
 * A detector that sticks shows where an engineer looks first: its junction on the graph gets the
 * "bad" halo and its row in Data quality says Bad, while the healthy ones stay unmarked. And with
 * the checks switched off, a replay checks nothing and the panel says so. The file is written here,
 * so what is wrong with it is known without asking the app.
 */
import { writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { DataQualityPanel } from './pages/analysisPanels';
import { GraphPanel } from './pages/graphPanel';
import type { TrafficMonitorPage } from './pages/trafficMonitorPage';

const SENSORS = ['S1', 'S2', 'S3'] as const;
const DAYS = 10;
const SLOTS = 96;
/** S3 repeats this value for its last STUCK_SLOTS readings (3 hours: past the default 2-hour stuck rule). */
const STUCK_VALUE = 57;
const STUCK_SLOTS = 12;

/** A daily shape with a morning and an evening peak, different per sensor and day, never constant for long. */
function flow(sensor: number, day: number, slot: number): number {
  const hour = slot / 4;
  const peaks = 60 * Math.exp(-((hour - 8) ** 2) / 3) + 70 * Math.exp(-((hour - 17.5) ** 2) / 4);
  return Math.round(15 + peaks + sensor * 5 + ((day * 7 + slot * 13 + sensor * 3) % 9));
}

function writeStuckFile(path: string): number {
  const lines = ['timestamp,sensor,flow'];
  const start = Date.UTC(2026, 8, 1);
  for (let day = 0; day < DAYS; day++) {
    for (let slot = 0; slot < SLOTS; slot++) {
      const time = new Date(start + ((day * SLOTS + slot) * 15) * 60_000).toISOString().slice(0, 19);
      SENSORS.forEach((sensor, i) => {
        const stuck = sensor === 'S3' && day === DAYS - 1 && slot >= SLOTS - STUCK_SLOTS;
        lines.push(`${time},${sensor},${stuck ? STUCK_VALUE : flow(i, day, slot)}`);
      });
    }
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return lines.length - 1;
}

async function replayFlatOut(app: TrafficMonitorPage): Promise<number> {
  // A test here may replay twice: the second "finished" must be the new run's.
  await app.replay.startAgain('max');
  await app.replay.waitForState('finished', 60_000);
  return (await app.replay.counts()).accepted;
}

test('a detector stuck at the end of the file is Bad in Data quality and haloed on the graph; the others are not', async ({ app }, testInfo) => {
  const path = testInfo.outputPath('stuck-sensor.csv');
  const rows = writeStuckFile(path);
  await app.openFile(path);
  // The graph draws the junctions a replay names while it is open.
  const graph = new GraphPanel(app.page);
  await graph.open();
  expect(await replayFlatOut(app)).toBe(rows);
  await expect.poll(() => graph.nodeMarks('S3')).toMatchObject({ health: 'bad' });
  expect(await graph.nodeMarks('S1')).toMatchObject({ health: null });
  expect(await graph.nodeMarks('S2')).toMatchObject({ health: null });

  const quality = new DataQualityPanel(app.page);
  await quality.open();
  await expect.poll(() => quality.rowsCheckedCount()).toBe(rows);
  await expect.poll(async () => (await quality.locationStatuses()).get('S3')?.status).toMatch(/bad/i);
  const statuses = await quality.locationStatuses();
  expect(statuses.get('S1')?.status).toMatch(/ok/i);
  expect(statuses.get('S2')?.status).toMatch(/ok/i);
});

test('with Check rows off, a replay checks no row and the panel says so; on again, the next replay checks them all', async ({ app }, testInfo) => {
  const path = testInfo.outputPath('stuck-sensor.csv');
  const rows = writeStuckFile(path);
  await app.openFile(path);
  const quality = new DataQualityPanel(app.page);
  await quality.open();
  const settings = quality.region.getByRole('form', { name: 'Health settings' });
  await settings.getByRole('checkbox', { name: 'Check rows' }).uncheck();
  await settings.getByRole('button', { name: 'Apply' }).click();
  expect(await replayFlatOut(app)).toBe(rows);
  await expect(quality.region).toContainText('off for this run: no row is checked');
  expect(await quality.rowsCheckedCount()).toBe(0);

  await settings.getByRole('checkbox', { name: 'Check rows' }).check();
  await settings.getByRole('button', { name: 'Apply' }).click();
  await expect(quality.region).toContainText('on again from the next replay');
  expect(await replayFlatOut(app)).toBe(rows);
  await expect.poll(() => quality.rowsCheckedCount()).toBe(rows);
});
