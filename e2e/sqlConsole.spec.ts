/**
 * The SQL console against the real engine: query the live table `traffic` while a replay runs,
 * see SQLite's errors where they point, keep a count fresh with Live, and chart a GROUP BY.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { SqlPanel } from './pages/sqlPanel';
import type { TrafficMonitorPage } from './pages/trafficMonitorPage';

const PACE_ROWS_PER_SECOND = 1000;

/** Replays the sample in a loop, so rows keep arriving for as long as a test needs. */
async function replayWithSql(app: TrafficMonitorPage): Promise<SqlPanel> {
  await app.openSample();
  await app.replay.setLimits({ loop: true });
  await app.replay.limits.locator('summary').click(); // closes the limits popover
  await app.replay.start(PACE_ROWS_PER_SECOND);
  await app.replay.waitForState('running');
  const sql = new SqlPanel(app.page);
  await sql.open();
  await expect.poll(() => sql.rowsHeld()).toBeGreaterThan(0);
  return sql;
}

test.describe('SQL console', () => {
  test('runs a query with Ctrl+Enter and shows its row; a broken query shows SQLite\'s error where it points', async ({ app }) => {
    const sql = await replayWithSql(app);
    await expect(sql.tableStatus).toContainText(/^traffic · [\d,]+ rows held · [\d,]+ evicted · [\d,]+ pending · /);

    await sql.setQuery('SELECT count(*) AS n FROM traffic');
    await sql.runWithShortcut();
    await expect(sql.headers).toHaveText(['#', 'n']);
    await expect(sql.rows).toHaveCount(1);
    expect(await sql.number(0, 'n')).toBeGreaterThan(0);
    await expect(sql.summary).toContainText(/^1 row · /);

    await sql.setQuery('SELEC count(*) FROM traffic');
    await sql.runWithShortcut();
    await expect(sql.error).toContainText('syntax error');
    await expect(sql.errorMark).toBeVisible();

    // A statement the engine refuses or SQLite rejects leaves no stale grid behind.
    await expect(sql.grid).toBeHidden();
    await app.replay.stopButton.click();
  });

  test('the table settings popover applies a new query timeout', async ({ app }) => {
    const sql = await replayWithSql(app);
    await sql.setTimeoutSeconds(25);
    // Opened again, the form starts from the settings the engine now reports.
    await sql.settings.locator('summary').click();
    await expect(sql.settings.getByRole('spinbutton', { name: 'Query timeout seconds' })).toHaveValue('25');
    await app.replay.stopButton.click();
  });

  test('completion offers the live table\'s columns, quoted where SQLite needs it', async ({ app }) => {
    const sql = await replayWithSql(app);
    await sql.setQuery('SELECT ');
    await sql.editor.pressSequentially('Day');
    const option = sql.completions.filter({ hasText: 'Day of the week' });
    await expect(option).toBeVisible();
    await option.click();
    await expect(sql.editor).toHaveText('SELECT "Day of the week"');
    await sql.editor.pressSequentially(' FROM traffic LIMIT 3');
    await sql.closeCompletions();
    await sql.runWithShortcut();
    await expect(sql.headers).toHaveText(['#', 'Day of the week']);
    await expect(sql.rows).toHaveCount(3);
    await app.replay.stopButton.click();
  });

  test('Live re-runs the count while the replay adds rows', async ({ app }) => {
    const sql = await replayWithSql(app);
    await sql.setQuery('SELECT count(*) AS n FROM traffic');
    await sql.runButton.click();
    await expect(sql.rows).toHaveCount(1);
    const first = await sql.number(0, 'n');

    await sql.liveButton.click();
    await expect(sql.liveButton).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => sql.number(0, 'n'), { timeout: 20_000 }).toBeGreaterThan(first);
    const second = await sql.number(0, 'n');
    await expect.poll(() => sql.number(0, 'n'), { timeout: 20_000 }).toBeGreaterThan(second);
    await expect(sql.liveAge).toContainText(/^live · updated [\d.]+ s ago$/);

    await sql.liveButton.click();
    await expect(sql.liveButton).toHaveAttribute('aria-pressed', 'false');
    await expect(sql.liveAge).toBeHidden();
    await app.replay.stopButton.click();
  });

  test('a GROUP BY result becomes a bar chart, then a line chart', async ({ app }) => {
    const sql = await replayWithSql(app);
    await sql.setQuery('SELECT Junction, sum(Total) AS total, count(*) AS n FROM traffic GROUP BY Junction ORDER BY Junction');
    await sql.runWithShortcut();
    await expect(sql.headers).toHaveText(['#', 'Junction', 'total', 'n']);
    await expect.poll(() => sql.rows.count()).toBeGreaterThan(1);

    await sql.chartButton.click();
    await expect(sql.chartButton).toHaveAttribute('aria-pressed', 'true');
    await expect(sql.chart.locator('svg').first()).toBeVisible();
    await expect.poll(() => sql.chartMarks('bar').count()).toBeGreaterThan(1);
    // Defaults: x = the first column, y = the first numeric column other than x.
    await expect(sql.region.getByRole('combobox', { name: 'X axis' })).toHaveValue('Junction');
    await expect(sql.region.getByRole('checkbox', { name: 'total', exact: true })).toBeChecked();
    await expect(sql.region.getByRole('checkbox', { name: 'n', exact: true })).not.toBeChecked();

    await sql.chartType.selectOption('line');
    await expect(sql.chartMarks('line')).toHaveCount(1);
    await sql.region.getByRole('checkbox', { name: 'n', exact: true }).check();
    await expect(sql.chartMarks('line')).toHaveCount(2);
    await expect(sql.chart.locator('.recharts-legend-item')).toHaveCount(2);

    await sql.chartButton.click();
    await expect(sql.grid).toBeVisible();
    await app.replay.stopButton.click();
  });

  test('scrolling a long result fetches the rows further down', async ({ app }) => {
    const sql = await replayWithSql(app);
    await expect.poll(() => sql.rowsHeld()).toBeGreaterThanOrEqual(1500);
    await sql.setQuery('SELECT _offset, _partition, Total FROM traffic LIMIT 1500');
    await sql.runWithShortcut();
    await expect(sql.summary).toContainText(/^1,500 rows · /);
    // The first page holds 200 rows; the last ones come from the engine as they scroll into view.
    await sql.gridScroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    const last = sql.row(1499);
    await expect(last.getByRole('cell').first()).toHaveText('1500');
    await expect(last.getByRole('cell').nth(3)).toHaveText(/^\d+$/);
    await app.replay.stopButton.click();
  });

  test('a huge value shows its start and its length; a result of big rows still scrolls to its end', async ({ app }) => {
    await app.openSample();
    const sql = new SqlPanel(app.page);
    await sql.open();
    await sql.setQuery("SELECT printf('%.*c', 270000000, 'x') AS big, 7 AS n");
    await sql.runWithShortcut();
    await expect(sql.headers).toHaveText(['#', 'big', 'n']);
    expect(await sql.cell(0, 'big')).toMatch(/^x{100,}… \(270,000,000 characters\)$/);
    expect(await sql.number(0, 'n')).toBe(7);

    // 1,000 rows of 18,000 characters: pages come back shorter than asked, and the grid asks on.
    await sql.setQuery("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) SELECT i, printf('%.*c', 9000, 'y') AS a, printf('%.*c', 9000, 'z') AS b FROM n");
    await sql.runWithShortcut();
    await expect(sql.summary).toContainText(/^1,000 rows · /);
    await sql.gridScroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(sql.row(999).getByRole('cell').nth(1)).toHaveText('1000');
  });

  test('Export CSV downloads every row of the result', async ({ app }) => {
    const sql = await replayWithSql(app);
    // Every junction has reported by then, so the export (which runs the query again) finds the same groups.
    await expect.poll(() => sql.rowsHeld()).toBeGreaterThanOrEqual(100);
    await sql.setQuery('SELECT Junction, count(*) AS n FROM traffic GROUP BY Junction ORDER BY Junction');
    await sql.runWithShortcut();
    await expect.poll(() => sql.rows.count()).toBeGreaterThan(1);
    const shown = await sql.rows.count();
    const [download] = await Promise.all([sql.page.waitForEvent('download'), sql.exportButton.click()]);
    // The browser keeps a download's address in its list: it holds a one-use ticket, never the secret.
    expect(new URL(download.url()).searchParams.has('ticket')).toBe(true);
    expect(new URL(download.url()).searchParams.has('token')).toBe(false);
    const lines = (await readFile(await download.path(), 'utf8')).split(/\r?\n/).filter((line) => line !== '');
    expect(lines[0]).toBe('Junction,n');
    // Followed again, the address opens nothing.
    expect((await sql.page.request.get(download.url())).status()).toBe(401);
    expect(lines).toHaveLength(shown + 1);
    await app.replay.stopButton.click();
  });

  test('a view the user creates is confirmed and then offered by completion', async ({ app }) => {
    const sql = await replayWithSql(app);
    await sql.setQuery('CREATE VIEW busy AS SELECT Junction, Total FROM traffic WHERE Total > 50');
    await sql.runWithShortcut();
    await expect(sql.message).toContainText('busy');
    await expect(sql.grid).toBeHidden();

    await sql.setQuery('SELECT * FROM ');
    await sql.editor.pressSequentially('bu');
    const option = sql.completions.filter({ hasText: 'busy' });
    await expect(option).toBeVisible();
    await option.click();
    await sql.runWithShortcut();
    await expect(sql.headers).toHaveText(['#', 'Junction', 'Total']);
    await app.replay.stopButton.click();
  });
});
