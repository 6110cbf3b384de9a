/**
 * Windowed aggregates (issue 23) in the browser against the real engine: a window declared from
 * the console covers every row of a flat-out replay, one declared from the form is listed with its
 * rows, a broken statement is pointed at like an SQLite error, and a window's table charts.
 */
import { expect, test } from './fixtures';
import { SqlPanel } from './pages/sqlPanel';
import { SqlWindows } from './pages/sqlConsoleWindows';
import type { TrafficMonitorPage } from './pages/trafficMonitorPage';

/** The sample, replayed as fast as it goes with the SQL console open, to its end. */
async function replayFlatOut(app: TrafficMonitorPage): Promise<SqlPanel> {
  await app.openSample();
  const sql = new SqlPanel(app.page);
  await sql.open();
  // The table fills from the moment the console's sql:open reached the engine: wait for it (the
  // state note is shown while the table is off or starting), or the first rows would miss it.
  await expect(sql.tableStatus).toContainText('rows held');
  await expect(app.page.getByTestId('sql-table-state')).toBeHidden();
  await app.replay.start('max');
  return sql;
}

async function scalar(sql: SqlPanel, query: string): Promise<number> {
  await sql.setQuery(query);
  await sql.runWithShortcut();
  await expect(sql.rows).toHaveCount(1);
  return sql.number(0, (await sql.headers.allTextContents())[1] ?? '');
}

test.describe('SQL windows', () => {
  test('CREATE WINDOW from the console sums to the rows read once the replay finished', async ({ app }) => {
    const sql = await replayFlatOut(app);
    await sql.setQuery('CREATE WINDOW traffic_hourly AS TUMBLE 1 HOUR');
    await sql.runButton.click();
    await expect(sql.message).toContainText('Window traffic_hourly declared');
    await app.replay.waitForState('finished', 120_000);
    const { read, accepted, rejected } = await app.replay.counts();
    expect(rejected).toBe(0);
    expect(read).toBeGreaterThan(0);
    // The live table saw every row (else the window could not: it is filled from the same rows).
    await expect.poll(() => sql.rowsHeld()).toBe(accepted);
    await expect.poll(() => scalar(sql, 'SELECT SUM(row_count) AS n FROM traffic_hourly'), { timeout: 20_000 }).toBe(accepted);
    // Every window closed at the end of the replay.
    expect(await scalar(sql, 'SELECT count(*) AS open FROM traffic_hourly WHERE closed = 0')).toBe(0);
    const windows = new SqlWindows(app.page);
    await expect(windows.row('traffic_hourly')).toContainText('TUMBLE');
    await expect.poll(() => windows.rowsEmitted('traffic_hourly')).toBeGreaterThan(0);

    // The window's table is read-only to the console's own SQL.
    await sql.setQuery('DELETE FROM traffic_hourly');
    await sql.runWithShortcut();
    await expect(sql.error).toContainText('read-only');
  });

  test('a window declared from the form is listed with its rows and can be dropped', async ({ app }) => {
    await replayFlatOut(app);
    await app.replay.waitForState('finished', 120_000);
    const windows = new SqlWindows(app.page);
    await windows.create({ name: 'by_quarter', size: 1, sizeUnit: 'HOURS', hop: { every: 15, unit: 'MINUTES' } });
    await expect(windows.form).toBeHidden();
    const row = windows.row('by_quarter');
    await expect(row).toContainText('HOP');
    await expect(row).toContainText('1 hour');
    await expect(row).toContainText('15 min');
    await expect.poll(() => windows.rowsEmitted('by_quarter')).toBeGreaterThan(0);

    // A clash is said in the form, which stays open.
    await windows.create({ name: 'by_quarter', size: 15, sizeUnit: 'MINUTES' });
    await expect(windows.formError).toContainText('A window called by_quarter exists already');
    await windows.form.getByRole('button', { name: 'Close' }).click();

    await row.getByRole('button', { name: 'Drop window by_quarter' }).click();
    await expect(windows.rows).toHaveCount(0);
  });

  test('a broken window statement shows a clear error pointing at its place', async ({ app }) => {
    await app.openSample();
    const sql = new SqlPanel(app.page);
    await sql.open();
    await sql.setQuery('CREATE WINDOW broken AS TUMBLE 15 MINS');
    await sql.runWithShortcut();
    await expect(sql.error).toContainText('Expected a unit after 15 (SECONDS, MINUTES, HOURS or DAYS), found "MINS".');
    await expect(sql.errorMark).toHaveText('MINS');
    await expect(sql.grid).toBeHidden();
  });

  test("a window's table charts like any result", async ({ app }) => {
    const sql = await replayFlatOut(app);
    await sql.setQuery('CREATE WINDOW traffic_15min AS TUMBLE 15 MINUTES');
    await sql.runWithShortcut();
    await expect(sql.message).toContainText('Window traffic_15min declared');
    await app.replay.waitForState('finished', 120_000);
    await sql.setQuery('SELECT window_start, sum(Total_sum) AS total FROM traffic_15min GROUP BY window_start ORDER BY window_start LIMIT 96');
    await sql.runWithShortcut();
    await expect(sql.headers).toHaveText(['#', 'window_start', 'total']);
    await expect.poll(() => sql.rows.count()).toBeGreaterThan(1);
    await sql.chartButton.click();
    await expect(sql.chart.locator('svg').first()).toBeVisible();
    await sql.chartType.selectOption('line');
    await expect(sql.chartMarks('line')).toHaveCount(1);
  });
});
