/**
 * SQL windows (issue 23) on real files of the fidelity corpus, in the browser against the real
 * engine: after a full replay, each window table's rows (window start, location, rows counted, the
 * measure's sum) are exactly those a small Python script computes from the CSV on its own
 * (e2e/independent/windowTotals.py: Python's csv module and an explicit strptime format per file).
 * The app's own reading of each file's time is checked first against the same script: the span the
 * Columns panel reports is the script's first and last row time, so the windows are compared on
 * one timeline (times without a zone are shown, and windowed, as written: UTC wall clock).
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, test } from './fixtures';
import { SqlPanel } from './pages/sqlPanel';
import type { TrafficMonitorPage } from './pages/trafficMonitorPage';

const ROOT = resolve(__dirname, '..');
const CORPUS = join(ROOT, 'fidelity', 'corpus', 'real');
const SCRIPT = join(__dirname, 'independent', 'windowTotals.py');

/** One window and location: start ("YYYY-MM-DD HH:MM:SS"), location as text, rows counted, the measure's sum. */
type WindowRow = [string, string, number, number];

interface Totals {
  first: string;
  last: string;
  windows: WindowRow[];
}

interface CorpusFile {
  file: string;
  /** How the file writes its time, for Python's strptime (read off the file, see its .expected.json). */
  timeColumn: string;
  format: string;
  location: string;
  measure: string;
}

interface WindowSpec {
  name: string;
  statement: string;
  sizeMinutes: number;
  hopMinutes: number;
}

function independentTotals(corpus: CorpusFile, window: WindowSpec): Totals {
  const args = [SCRIPT, join(CORPUS, corpus.file), '--time', corpus.timeColumn, '--format', corpus.format, '--location', corpus.location];
  args.push('--measure', corpus.measure, '--size', String(window.sizeMinutes), '--hop', String(window.hopMinutes));
  return JSON.parse(execFileSync('python3', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as Totals;
}

/** Runs a one-value query and reads its value. */
async function scalar(sql: SqlPanel, query: string): Promise<number> {
  await sql.setQuery(query);
  await sql.runWithShortcut();
  await expect(sql.rows).toHaveCount(1);
  return sql.number(0, (await sql.headers.allTextContents())[1] ?? '');
}

/** Every row of a query, as the console's Export CSV writes them (it runs the query again in full). */
async function exported(sql: SqlPanel, query: string): Promise<string[][]> {
  await sql.setQuery(query);
  await sql.runWithShortcut();
  await expect.poll(() => sql.rows.count()).toBeGreaterThan(0);
  const [download] = await Promise.all([sql.page.waitForEvent('download'), sql.exportButton.click()]);
  return parse(await readFile(await download.path(), 'utf8'), { from_line: 2 }) as string[][];
}

/**
 * Opens the file, checks its time span as the app reports it against the script's, declares the
 * windows in the console, replays flat out to the end, and waits until every window has every row
 * (a hopping row is in size ÷ hop windows).
 */
async function replayWithWindows(app: TrafficMonitorPage, corpus: CorpusFile, windows: readonly WindowSpec[], span: Totals, open = true): Promise<SqlPanel> {
  if (open) await app.openFile(join(CORPUS, corpus.file));
  await expect(app.page.getByTestId('time-source')).toContainText(`Spans ${span.first} to ${span.last}`);
  const sql = new SqlPanel(app.page);
  await sql.open();
  await expect(sql.tableStatus).toContainText('rows held');
  await expect(app.page.getByTestId('sql-table-state')).toBeHidden();
  for (const window of windows) {
    await sql.setQuery(window.statement);
    await sql.runWithShortcut();
    await expect(sql.message).toContainText(`Window ${window.name} declared`);
  }
  await app.replay.start('max');
  await app.replay.waitForState('finished', 120_000);
  const { accepted, rejected } = await app.replay.counts();
  expect(rejected).toBe(0);
  for (const window of windows) {
    const perRow = window.sizeMinutes / window.hopMinutes;
    await expect.poll(() => scalar(sql, `SELECT SUM(row_count) AS n FROM ${window.name}`), { timeout: 30_000 }).toBe(accepted * perRow);
  }
  return sql;
}

/** The window table's rows in the script's order, numbers as numbers. */
async function windowRows(sql: SqlPanel, window: WindowSpec, corpus: CorpusFile): Promise<WindowRow[]> {
  const rows = await exported(
    sql,
    `SELECT window_start, CAST("${corpus.location}" AS TEXT), row_count, "${corpus.measure}_sum" FROM ${window.name} ORDER BY CAST("${corpus.location}" AS TEXT), window_start`,
  );
  return rows.map(([start, location, count, sum]): WindowRow => [start ?? '', location ?? '', Number(count), Number(sum)]);
}

const TUMBLE_15: WindowSpec = { name: 'w_15min', statement: 'CREATE WINDOW w_15min AS TUMBLE 15 MINUTES', sizeMinutes: 15, hopMinutes: 15 };
const HOP_DAY: WindowSpec = { name: 'w_day_6h', statement: 'CREATE WINDOW w_day_6h AS HOP 1 DAY EVERY 6 HOURS', sizeMinutes: 1440, hopMinutes: 360 };

const FILES: CorpusFile[] = [
  // Kaggle's junction counts, US month-first without leading zeros ("6/13/2017 0:00"), the file
  // grouped by junction (the app replays it merged by time, so no row comes late to its window).
  { file: 'traffic-junctions.csv', timeColumn: 'DateTime', format: '%m/%d/%Y %H:%M', location: 'Junction', measure: 'Vehicles' },
  // The same data set's other copy: CRLF, day-first with dashes and the hour written "7.00" ("13-01-2017 7.00").
  { file: 'traffic-junctions-dayfirst.csv', timeColumn: 'DateTime', format: '%d-%m-%Y %H.%M', location: 'Junction', measure: 'Vehicles' },
];

test.describe('SQL windows on real corpus files', () => {
  for (const corpus of FILES) {
    test(`${corpus.file}: TUMBLE 15 MINUTES and HOP 1 DAY EVERY 6 HOURS hold, per junction, the rows and sums Python counts`, async ({ app }) => {
      test.setTimeout(180_000);
      const tumble = independentTotals(corpus, TUMBLE_15);
      const hop = independentTotals(corpus, HOP_DAY);
      // The script's own sanity: four junctions, and every hopping window of a full day holds 24 hourly rows.
      expect(new Set(tumble.windows.map(([, location]) => location)).size).toBe(4);
      expect(hop.windows.filter(([start]) => start.endsWith('00:00:00') && start > tumble.first && start < tumble.last.slice(0, 10)).every(([, , count]) => count === 24)).toBe(true);

      const sql = await replayWithWindows(app, corpus, [TUMBLE_15, HOP_DAY], tumble);
      expect(await windowRows(sql, TUMBLE_15, corpus)).toEqual(tumble.windows);
      expect(await windowRows(sql, HOP_DAY, corpus)).toEqual(hop.windows);
      // Every window closed at the end of the replay.
      expect(await scalar(sql, `SELECT count(*) AS open FROM ${HOP_DAY.name} WHERE closed = 0`)).toBe(0);
    });
  }
});

test.describe('SQL windows on a real file written newest first', () => {
  // Seattle's Fremont Bridge bicycle counts, as published: newest first, one place (no location
  // column), US 12-hour times. Replayed as written, every row after the first would be behind the
  // watermark and late; replayed oldest first, every row is in its windows.
  const fremont = { file: 'fremont-bridge-bicycles.csv', timeColumn: 'Date', format: '%m/%d/%Y %I:%M:%S %p', measure: 'Fremont Bridge Sidewalks, south of N 34th St' };
  const DAILY: WindowSpec = { name: 'w_daily', statement: 'CREATE WINDOW w_daily AS TUMBLE 1 DAY', sizeMinutes: 1440, hopMinutes: 1440 };

  test('TUMBLE 1 DAY holds every row, with the daily rows and sums Python counts, none late', async ({ app }) => {
    test.setTimeout(180_000);
    const args = [SCRIPT, join(CORPUS, fremont.file), '--time', fremont.timeColumn, '--format', fremont.format, '--measure', fremont.measure, '--size', '1440'];
    const daily = JSON.parse(execFileSync('python3', args, { encoding: 'utf8' })) as Totals;
    await app.openFile(join(CORPUS, fremont.file));
    await expect(app.page.getByTestId('time-order')).toContainText('Rows run newest first: replayed oldest first');
    const sql = await replayWithWindows(app, { ...fremont, location: '' }, [DAILY], daily, false);
    // The window table names a measure's sum with its name made bare (runs of other characters become one _).
    const rows = await exported(sql, `SELECT window_start, row_count, Fremont_Bridge_Sidewalks_south_of_N_34th_St_sum FROM ${DAILY.name} ORDER BY window_start`);
    expect(rows.map(([start, count, sum]) => [start, '', Number(count), Number(sum)])).toEqual(daily.windows);
    expect(await scalar(sql, `SELECT count(*) AS open FROM ${DAILY.name} WHERE closed = 0`)).toBe(0);
  });
});
