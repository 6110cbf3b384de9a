import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';

/**
 * Hourly counts as a Kaggle-style export writes them: a junction numbered 1..4, a running ID, and
 * weather before the volume. The page must say how it reads the file at once, and the measure must
 * change everywhere with one choice.
 */
function junctionExport(): string {
  const lines = ['temp,DateTime,Junction,Vehicles,ID'];
  let id = 20250301000;
  for (let hour = 0; hour < 48; hour++) {
    const time = new Date(Date.UTC(2025, 2, 1, hour)).toISOString().slice(0, 16).replace('T', ' ');
    for (let junction = 1; junction <= 4; junction++) lines.push(`${270 + (hour % 9)},${time},${junction},${10 + ((hour * 7 + junction * 13) % 90)},${id++}`);
  }
  return `${lines.join('\n')}\n`;
}

test('opening a file says how it is read (time, location, measure, what was inferred), and one choice changes the measure everywhere', async ({ app }) => {
  const path = join(mkdtempSync(join(tmpdir(), 'tm-reading-')), 'junction-export.csv');
  writeFileSync(path, junctionExport());
  await app.openFile(path);

  const reading = app.page.getByTestId('file-reading');
  await expect(reading).toContainText('Time: ISO 8601');
  await expect(reading).toContainText('Location: Junction');
  await expect(reading).toContainText('Measure: Vehicles');
  await expect(app.page.getByTestId('file-notes')).toContainText('"ID" read as identifiers, not measures');
  await expect(app.threshold.column).toHaveValue('Vehicles');

  // One click on the measure opens Edit roles; choosing temp there moves the threshold to it.
  await reading.getByRole('button', { name: /Measure: Vehicles/ }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Column roles' });
  await dialog.getByRole('combobox', { name: 'Main measure' }).selectOption('temp');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  await expect(reading).toContainText('Measure: temp');
  await expect(app.threshold.column).toHaveValue('temp');

  await app.replay.start('max');
  await app.replay.waitForState('finished');
  expect(await app.replay.counts()).toEqual({ read: 192, accepted: 192, rejected: 0 });
});

const CORPUS = join(__dirname, '..', 'fidelity', 'corpus');
/** The corpus's own expectation for a file (counted by Python's csv or its generator, not by the app). */
const expectedRows = (folder: string, name: string): number => (JSON.parse(readFileSync(join(CORPUS, folder, name.replace(/\.csv$/, '.expected.json')), 'utf8')) as { dataRows: number }).dataRows;

test('a report export with title lines above its header opens on the real header, says which lines it passed over, and replays every row', async ({ app }) => {
  await app.openFile(join(CORPUS, 'synthetic', 'title-lines-above-header.csv'));
  const reading = app.page.getByTestId('file-reading');
  await expect(reading).toContainText('Location: site');
  await expect(reading).toContainText('Measure: volume');
  await expect(app.page.getByTestId('file-notes')).toContainText('Lines 1–4 are a title above the table ("Traffic counts report" …), not rows: the header is line 5.');
  await app.replay.start('max');
  await app.replay.waitForState('finished');
  const rows = expectedRows('synthetic', 'title-lines-above-header.csv');
  expect(await app.replay.counts()).toEqual({ read: rows, accepted: rows, rejected: 0 });
});

test("Berlin's detector counts, sorted by detector with the hour in a column of its own, are replayed merged by time", async ({ app }) => {
  await app.openFile(join(CORPUS, 'real', 'berlin-detectors-hourly.csv'));
  await expect(app.page.getByTestId('file-reading')).toContainText('Location: detid_15');
  await expect(app.page.getByTestId('replay-order')).toContainText('Grouped by location');
  await app.replay.start('max');
  await app.replay.waitForState('finished');
  const counts = await app.replay.counts();
  expect(counts.read).toBe(expectedRows('real', 'berlin-detectors-hourly.csv'));
});

test('times written with their local offset are shown as the clock written, and Edit roles can convert them to UTC', async ({ app }) => {
  // Paris-style counts across the clock change: +01:00 in winter, +02:00 in summer; 8 rows.
  const rows = ['2024-03-30T22:00:00+01:00', '2024-03-30T23:00:00+01:00', '2024-04-02T07:00:00+02:00', '2024-04-02T08:00:00+02:00'];
  const path = join(mkdtempSync(join(tmpdir(), 'tm-zones-')), 'zoned-counts.csv');
  writeFileSync(path, `time;arc;flow\n${rows.flatMap((time, i) => [`${time};Convention;${300 + i}`, `${time};Washington;${500 + i}`]).join('\n')}\n`);
  await app.openFile(path);
  await expect(app.page.getByTestId('file-notes')).toContainText('"time" writes its times with their zone (+01:00, +02:00');

  await app.replay.start('max');
  await app.replay.waitForState('finished');
  // The hours the file writes (22:00, 23:00, 07:00, 08:00), not UTC's 21:00, 22:00, 05:00, 06:00.
  await expect.poll(async () => [...new Set(await app.feed.cells('Event time'))].map((text) => text.slice(11, 16)).sort()).toEqual(['07:00', '08:00', '22:00', '23:00']);

  await app.page.getByTestId('file-reading').getByRole('button', { name: /Time:/ }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Column roles' });
  await expect(dialog.getByRole('combobox', { name: 'Zone reading' })).toHaveValue('as-written');
  await dialog.getByRole('combobox', { name: 'Zone reading' }).selectOption('utc');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.page.getByTestId('file-notes')).toContainText('as chosen in Edit roles, every time is converted to UTC');
  await app.replay.startAgain('max');
  await app.replay.waitForState('finished');
  await expect.poll(async () => [...new Set(await app.feed.cells('Event time'))].map((text) => text.slice(11, 16)).sort()).toEqual(['05:00', '06:00', '21:00', '22:00']);
});

test('a file with a column per hour is unfolded into a record per hour, replayed by the hour, with the original untouched', async ({ app }) => {
  // NYC DOT's "Traffic Volume Counts" layout: one row per segment, direction and day; AM/PM only at each interval's end.
  const hours = ['12:00-1:00 AM', ...Array.from({ length: 10 }, (_, i) => `${i + 1}:00-${i + 2}:00AM`), '11:00-12:00PM', '12:00-1:00PM', ...Array.from({ length: 10 }, (_, i) => `${i + 1}:00-${i + 2}:00PM`), '11:00-12:00AM'];
  const lines = [`ID,Segment ID,Roadway Name,From,To,Direction,Date,${hours.join(',')}`];
  let id = 1;
  for (let day = 1; day <= 7; day++) {
    for (const direction of ['NB', 'SB']) lines.push([id++, 1000, 'BROADWAY', 'W 96 ST', 'W 97 ST', direction, `09/${String(day).padStart(2, '0')}/2012`, ...hours.map((_, h) => 40 + ((h * 37 + day * 11) % 700))].join(','));
  }
  const path = join(mkdtempSync(join(tmpdir(), 'tm-wide-')), 'traffic-volume-counts.csv');
  const text = `${lines.join('\n')}\n`;
  writeFileSync(path, text);
  await app.openFile(path);

  const reading = app.page.getByTestId('file-reading');
  await expect(reading).toContainText('Measure: Volume');
  await expect(reading).toContainText('Time: Month/day/year, as 09/01/2012 00:00');
  await expect(app.page.getByTestId('file-notes')).toContainText("Unfolded: one column per time of day (24 columns, \"12:00-1:00 AM\" … \"11:00-12:00AM\"), so each of the file's 14 rows became 24 records (336 in all)");
  await expect(app.threshold.column).toHaveValue('Volume');

  await app.replay.start('max');
  await app.replay.waitForState('finished');
  expect(await app.replay.counts()).toEqual({ read: 14 * 24, accepted: 14 * 24, rejected: 0 });
  // The last day's evening, by the hour, in the feed; the file itself is as it was.
  await expect.poll(async () => (await app.feed.cells('Interval')).slice(0, 2).sort()).toEqual(['11:00-12:00AM', '11:00-12:00AM']);
  expect(readFileSync(path, 'utf8')).toBe(text);

  // Corrected in Edit roles and back to inferred, it is still the user's file, unfolded.
  await expect(app.page.getByTestId('file-name')).toContainText('traffic-volume-counts.csv');
  await reading.getByRole('button', { name: /Measure: Volume/ }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Column roles' });
  await dialog.getByRole('combobox', { name: 'Role of Segment ID' }).selectOption('category');
  await dialog.getByRole('combobox', { name: 'Role of Direction' }).selectOption('location');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(reading).toContainText('Location: Direction');
  await reading.getByRole('button', { name: /Measure: Volume/ }).click();
  await dialog.getByRole('button', { name: 'Back to inferred' }).click();
  await expect(reading).toContainText('Location: Segment ID');
  await expect(app.page.getByTestId('file-name')).toContainText('traffic-volume-counts.csv');
  await expect(app.page.getByTestId('file-notes')).toContainText('Unfolded: one column per time of day');
});

test("a file with a column per counter (Montréal's bicycle counters, Windows-1252) is read as a record per day and counter, the counter its location", async ({ app }) => {
  await app.openFile(join(__dirname, '..', 'fidelity', 'corpus', 'real', 'montreal-bikes-2012.csv'));
  const reading = app.page.getByTestId('file-reading');
  await expect(reading).toContainText('Location: Counter');
  await expect(app.page.getByTestId('file-notes')).toContainText("Unfolded: one column per counter (7 columns, \"Berri 1\", \"Côte-Sainte-Catherine\", \"Maisonneuve 1\" … \"Rachel1\"), so each of the file's 310 rows became 7 records (2,170 in all)");
  await app.replay.start('max');
  await app.replay.waitForState('finished');
  // 310 days × 7 counters, counted by Python's csv module (fidelity corpus).
  expect(await app.replay.counts()).toEqual({ read: 2170, accepted: 2170, rejected: 0 });
  await expect.poll(async () => new Set(await app.feed.cells('Counter')).size).toBeGreaterThanOrEqual(7);
  expect(await app.feed.cells('Counter')).toContain('Côte-Sainte-Catherine');
});

test("a Synchro turning-movement export (title lines, =\"0015\" times, a column per movement, no total) is read as a record per movement at each intersection", async ({ app }) => {
  await app.openFile(join(__dirname, '..', 'fidelity', 'corpus', 'real', 'bentonville-synchro-turning-movements-15min.csv'));
  const reading = app.page.getByTestId('file-reading');
  await expect(reading).toContainText('Location: INTID');
  await expect(reading).toContainText('Measure: Volume');
  await expect(app.page.getByTestId('file-notes')).toContainText('Unfolded: one column per turning movement and no total (12 columns, "NBL", "NBT", "NBR" … "WBR")');
  await app.replay.start('max');
  await app.replay.waitForState('finished');
  // 5 intersections × 672 quarter hours × 12 movements, counted by Python's csv module (fidelity corpus).
  expect(await app.replay.counts()).toEqual({ read: 40320, accepted: 40320, rejected: 0 });
  await expect.poll(async () => new Set(await app.feed.cells('Movement')).size).toBeGreaterThanOrEqual(4);
  // The times came out of ="HHMM": a quarter hour, never the formula.
  expect((await app.feed.cells('TIME')).every((time) => /^\d{4}$/.test(time))).toBe(true);
});
