/**
 * Replay controls beyond play/pause: pace changes while running, the seek scrubber, duration and
 * row limits, looping, the schema dialog, files with other time formats, and saving rejected rows.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { parseCount } from './pages/trafficMonitorPage';

const DAY_MS = 86_400_000;

function fixture(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'tm-replay-')), name);
  writeFileSync(path, content);
  return path;
}

test('changing the pace during a replay takes effect at once', async ({ app }) => {
  await app.openSample();
  await app.replay.start(100);
  await app.replay.waitForState('running');
  await expect.poll(() => app.replay.rowsReadCount()).toBeGreaterThan(50);
  const slow = parseCount(await app.replay.rowsPerSecond.textContent());
  expect(slow).toBeLessThan(200);

  await app.replay.choosePace(10_000);
  await expect.poll(async () => parseCount(await app.replay.rowsPerSecond.textContent())).toBeGreaterThan(2000);
  expect(await app.replay.counts()).toMatchObject({ rejected: 0 });

  // By the data's clock: at 600× a 15-minute step takes 1.5 s; a custom factor of 500,000× runs
  // through several days of data in a couple of seconds.
  await app.replay.choosePace({ speed: 600 });
  const atSlowClock = await app.replay.eventTimeMs();
  await app.replay.pace.selectOption('event:custom');
  await app.replay.customPace.fill('500000');
  await app.replay.customPace.press('Enter');
  await expect.poll(async () => (await app.replay.eventTimeMs()) - atSlowClock, { timeout: 20_000 }).toBeGreaterThan(2 * DAY_MS);
  await app.replay.stopButton.click();
  const counts = await app.replay.counts();
  expect(counts.read).toBe(counts.accepted + counts.rejected);
});

test('the scrubber seeks to a time and the panels restart from there', async ({ app }) => {
  await app.openSample();
  await app.replay.start(1000);
  await app.replay.waitForState('running');
  await expect.poll(() => app.replay.rowsReadCount()).toBeGreaterThan(100);

  const min = Number(await app.replay.scrubber.getAttribute('min'));
  const target = min + 14 * DAY_MS; // two weeks into the sample city's four
  await app.replay.scrubber.fill(String(target));
  await expect(app.replay.seekNotice).toContainText('Jumped to 2026-10-15 00:00');
  await expect.poll(() => app.replay.replayedSinceSeekCount()).toBeGreaterThan(50);

  // Every row shown is from the target time on, and the counts started again at the seek point.
  const eventTimes = await app.feed.cells('Event time');
  expect(eventTimes.length).toBeGreaterThan(0);
  for (const text of eventTimes) expect(Date.parse(`${text.replace(' ', 'T')}Z`)).toBeGreaterThanOrEqual(target);
  await app.replay.stopButton.click();
  await app.replay.waitForState('stopped');
  const counts = await app.replay.counts();
  expect(counts.read).toBeLessThan(26_880 / 2);
  expect(counts.read).toBe(counts.accepted + counts.rejected);
  // The threshold panel counts from the seek point too: exactly the rows replayed since.
  await expect.poll(async () => parseCount(await app.threshold.evaluated.textContent())).toBe(counts.accepted);
});

test('after a seek the progress text counts the file position like the bar, and rows replayed since the seek apart', async ({ app }) => {
  // From the sample itself: the rows before the seek target (day 15, 00:00; rows are in time order).
  const days = readFileSync(join(__dirname, '..', 'sample-data', 'traffic-sample.csv'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => Number(line.split(',')[1]));
  const rowsBeforeTarget = days.findIndex((day) => day >= 15);
  expect(rowsBeforeTarget).toBeGreaterThan(0);

  await app.openSample();
  await app.replay.start(1000);
  await app.replay.waitForState('running');
  const min = Number(await app.replay.scrubber.getAttribute('min'));
  await app.replay.scrubber.fill(String(min + 14 * DAY_MS));
  await expect(app.replay.seekNotice).toContainText('Jumped to 2026-10-15 00:00');
  await app.replay.choosePace('max');
  await app.replay.waitForState('finished');

  await expect(app.replay.rowsRead).toHaveText('26,880 of 26,880 rows');
  expect(await app.replay.progressBar.evaluate((bar) => [(bar as HTMLProgressElement).value, (bar as HTMLProgressElement).max])).toEqual([26_880, 26_880]);
  await expect(app.replay.replayedSinceSeek).toHaveText(`· ${(26_880 - rowsBeforeTarget).toLocaleString('en-US')} replayed since the seek`);
  expect(await app.replay.counts()).toMatchObject({ read: 26_880 - rowsBeforeTarget });
});

test('a duration limit stops the replay on time and says why', async ({ app }) => {
  await app.openSample();
  await app.replay.choosePace(100);
  await app.replay.setLimits({ seconds: 2 });
  const started = Date.now();
  await app.replay.limits.getByRole('button', { name: 'Replay with these limits' }).click();
  await app.replay.waitForState('finished', 15_000);
  const wallSeconds = (Date.now() - started) / 1000;
  await expect(app.replay.message).toHaveText('Stopped after 2 s: the duration limit.');
  // 2 s at 100 rows/s: about 200 rows. The bounds allow for a slow, shared machine.
  const counts = await app.replay.counts();
  expect(counts.accepted).toBeGreaterThanOrEqual(170);
  expect(counts.accepted).toBeLessThanOrEqual(260);
  expect(wallSeconds).toBeGreaterThanOrEqual(1.9);
});

test('a row limit stops at exactly that many rows; looping repeats the file with a loop counter', async ({ app }) => {
  await app.openSample();
  await app.replay.choosePace('max');
  await app.replay.setLimits({ rows: 1234 });
  await app.replay.replayButton.click();
  await app.replay.waitForState('finished');
  expect(await app.replay.counts()).toEqual({ read: 1234, accepted: 1234, rejected: 0 });
  await expect(app.replay.message).toContainText('the row limit');

  await app.replay.setLimits({ rows: null, loop: true });
  await app.replay.replayButton.click();
  await expect.poll(async () => parseCount(await app.replay.loopCount.textContent()), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  await app.replay.stopButton.click();
  const counts = await app.replay.counts();
  // The counter shows loop 3 as soon as it begins, so Stop may come before its first row: two whole loops at least.
  expect(counts.read).toBeGreaterThanOrEqual(2 * 26_880);
  expect(counts.read).toBe(counts.accepted + counts.rejected);
  // Later loops continue the timeline instead of repeating October.
  expect(await app.replay.eventTimeMs()).toBeGreaterThan(Date.parse('2026-11-20T00:00:00Z'));
});

test('the schema dialog changes a role, the panels follow, and the choice is remembered', async ({ app }) => {
  await app.openSample();
  await expect(app.threshold.column).toHaveValue('Total');
  await app.page.getByRole('button', { name: 'Edit roles…' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Column roles' });
  await dialog.getByRole('combobox', { name: 'Role of Total' }).selectOption('category');
  // Two locations are refused with a clear message, and nothing changes.
  await dialog.getByRole('combobox', { name: 'Role of Traffic Situation' }).selectOption('location');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Only one column can identify the location');
  await dialog.getByRole('combobox', { name: 'Role of Traffic Situation' }).selectOption('category');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();

  await expect(app.columnRole('Total')).toHaveText('category');
  await expect(app.columnType('Total')).toHaveText('text');
  // The threshold filter only offers measures now.
  await expect(app.threshold.column).toHaveValue('CarCount');
  await expect(app.threshold.column.locator('option', { hasText: /^Total$/ })).toHaveCount(0);

  // Another file with the same header (tomorrow's export) opens with the same roles.
  const sample = readFileSync(join(__dirname, '..', 'sample-data', 'traffic-sample.csv'), 'utf8');
  await app.openFile(fixture('next-export.csv', sample.split('\n').slice(0, 500).join('\n')));
  await expect(app.page.getByTestId('file-name')).toHaveText('next-export.csv');
  await expect(app.columnRole('Total')).toHaveText('category');
  await expect(app.page.getByText('roles remembered for these columns')).toBeVisible();
  await app.page.getByRole('button', { name: 'Edit roles…' }).click();
  await dialog.getByRole('button', { name: 'Back to inferred' }).click();
  await expect(app.columnRole('Total')).toHaveText('measure');
});

test('ISO timestamps with semicolons and decimal commas are recognised', async ({ app }) => {
  const rows = ['timestamp;sensor_id;speed_kmh;count'];
  for (let i = 0; i < 40; i++) {
    const time = new Date(Date.UTC(2026, 2, 14, 7, 0) + i * 5 * 60_000).toISOString().replace('.000Z', '+00:00');
    rows.push(`${time};S${(i % 4) + 1};${50 + (i % 7)},5;${10 + i}`);
  }
  rows.push('2026-03-14T99:00:00+00:00;S1;51,5;3'); // an impossible hour: rejected with its line
  await app.openFile(fixture('sensors.csv', `${rows.join('\n')}\n`));
  await expect(app.page.getByTestId('file-reading')).toContainText('ISO 8601');
  await expect(app.page.getByText(/semicolon-separated · decimal comma/)).toBeVisible();
  await expect(app.columnRole('sensor_id')).toHaveText('location');
  await expect(app.columnType('speed_kmh')).toHaveText('number');
  await app.replay.start('max');
  await app.replay.waitForState('finished');
  expect(await app.replay.counts()).toEqual({ read: 41, accepted: 40, rejected: 1 });
  await expect(app.rejected.table.getByRole('row').nth(1)).toContainText('42');
  await expect(app.rejected.table.getByRole('row').nth(1)).toContainText('expects ISO 8601');
  const speeds = await app.feed.cells('speed_kmh');
  expect(speeds.some((text) => text.endsWith('.5'))).toBe(true);
});

test('every rejected row can be saved to a CSV file', async ({ app }) => {
  const header = 'Time,Date,Day of the week,CarCount,BikeCount,BusCount,TruckCount,Total,Traffic Situation';
  const lines = [header];
  // One row in 25 is bad: few enough that CarCount is still inferred as a number.
  for (let i = 0; i < 2000; i++) lines.push(i % 25 !== 1 ? '12:00:00 AM,10,Tuesday,31,0,4,4,39,low' : `12:15:00 AM,10,Tuesday,x${i},0,3,3,55,"say ""hi"""`);
  await app.openFile(fixture('many-bad.csv', `${lines.join('\n')}\n`));
  await app.replay.start('max');
  await app.replay.waitForState('finished');
  expect(await app.replay.counts()).toEqual({ read: 2000, accepted: 1920, rejected: 80 });

  const download = app.page.waitForEvent('download');
  await app.rejected.region.getByRole('button', { name: 'Save all…' }).click();
  expect((await download).url()).not.toContain('token=');
  const saved = readFileSync(await (await download).path(), 'utf8').trim().split('\n');
  expect(saved[0]).toBe('line,reason,text');
  expect(saved).toHaveLength(81);
  expect(saved[1]).toBe('3,"column ""CarCount"" expects a number, found ""x1""","12:15:00 AM,10,Tuesday,x1,0,3,3,55,say ""hi"""');
});
