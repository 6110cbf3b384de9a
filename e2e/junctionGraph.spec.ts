/**
 * The Junction graph against the real engine: the sample city replays, every junction of the
 * data and every road of the sample's network are drawn, loads restyle the junctions as the
 * replay moves, a click on a junction opens its card and narrows the feed to it, and a network
 * file with problems lists them while the graph still shows.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures';
import { GraphPanel } from './pages/graphPanel';
import type { TrafficMonitorPage } from './pages/trafficMonitorPage';

const SAMPLE = resolve(__dirname, '..', 'sample-data', 'traffic-sample.csv');
const NETWORK = resolve(__dirname, '..', 'sample-data', 'junction-network.json');

/** The distinct values of the sample's location column (the header names it "Junction"). */
function sampleJunctions(): string[] {
  const [header, ...lines] = readFileSync(SAMPLE, 'utf8').trim().split(/\r?\n/);
  const column = (header ?? '').split(',').indexOf('Junction');
  return [...new Set(lines.map((line) => line.split(',')[column] ?? ''))].sort();
}

/**
 * Each junction's Total over the sample's last hour, counted from the CSV itself: the file is in
 * time order with one row per junction every 15 minutes, so a junction's last four rows are the
 * hour 23:00-23:45 of the last day, the graph's default window at the end of the file.
 */
function lastHourTotals(): Map<string, number> {
  const [header, ...lines] = readFileSync(SAMPLE, 'utf8').trim().split(/\r?\n/);
  const names = (header ?? '').split(',');
  const [junction, total] = [names.indexOf('Junction'), names.indexOf('Total')];
  const rows = new Map<string, number[]>();
  for (const line of lines) {
    const cells = line.split(',');
    const id = cells[junction] ?? '';
    rows.set(id, [...(rows.get(id) ?? []), Number(cells[total])]);
  }
  return new Map([...rows].map(([id, totals]) => [id, totals.slice(-4).reduce((a, b) => a + b, 0)]));
}

const sampleRoads = (): number => (JSON.parse(readFileSync(NETWORK, 'utf8')) as { links: unknown[] }).links.length;

/** Opens the panel first (loads are counted from then on), then replays the sample at a pace where the window moves. */
async function replayWithGraph(app: TrafficMonitorPage, rowsPerSecond = 1000): Promise<GraphPanel> {
  await app.openSample();
  const graph = new GraphPanel(app.page);
  await graph.open();
  await app.replay.start(rowsPerSecond);
  await app.replay.waitForState('running');
  await graph.waitForState('Live');
  return graph;
}

test.describe('Junction graph', () => {
  test('draws every junction of the data and every road of the sample network, restyled as loads move', async ({ app }) => {
    const graph = await replayWithGraph(app);
    const junctions = sampleJunctions();
    expect(junctions).toHaveLength(10);

    await expect.poll(() => graph.nodeCount()).toBe(junctions.length);
    await expect.poll(() => graph.edgeCount()).toBe(sampleRoads());
    await expect(graph.summary).toHaveText(`Sample city · junction-network.json · ${junctions.length} junctions · ${sampleRoads()} roads`);
    for (const id of junctions) expect(await graph.nodeStyle(id), id).not.toBeNull();
    // Ten junctions: roads show congestion by width as well as colour (a large graph keeps one width).
    await expect(app.page.getByTestId('legend-congestion-title')).toHaveText('Road congestion (width and colour)');

    // Loads arrive a few times a second; the same junction looks different a few seconds on.
    await expect.poll(() => graph.loadsApplied()).toBeGreaterThan(0);
    const first = await graph.nodeStyle('J01');
    const applied = await graph.loadsApplied();
    await app.page.waitForTimeout(3000);
    await expect
      .poll(async () => {
        const later = await graph.nodeStyle('J01');
        return later !== null && first !== null && (later.width !== first.width || later.color !== first.color);
      })
      .toBe(true);
    expect(await graph.loadsApplied()).toBeGreaterThan(applied);
    // A few times a second at most: not once per view update (20 a second).
    const before = await graph.loadsApplied();
    await app.page.waitForTimeout(2000);
    expect((await graph.loadsApplied()) - before).toBeLessThanOrEqual(12);

    await expect(graph.analyticsRows).toHaveCount(junctions.length);
    // Once the replay pauses or stops, the badge says so instead of "Live" over loads that no longer move.
    await app.replay.pauseButton.click();
    await graph.waitForState('Paused');
    await app.replay.stopButton.click();
    await graph.waitForState('Stopped');
  });

  test('opened only after a replay has finished, it shows every junction with the load of the last hour', async ({ app }) => {
    await app.openSample();
    await app.replay.start('max');
    await app.replay.waitForState('finished');

    // The tab is opened for the first time now: the loads must have been kept while it was closed.
    const graph = new GraphPanel(app.page);
    await graph.open();
    // The sample's network draws its ten junctions anyway; what was missing is their loads.
    await expect.poll(() => graph.nodeCount()).toBe(10);
    await expect(graph.message).not.toContainText('Press Replay');
    await expect(graph.analyticsRows).toHaveCount(10);

    const totals = lastHourTotals();
    // The quietest and the busiest junction of the last hour (J10's last row is 0, so a load of 0 would pass for neither).
    const ranked = [...totals].sort((a, b) => a[1] - b[1]);
    for (const [id, load] of [ranked[0], ranked[ranked.length - 1]] as [string, number][]) {
      await graph.clickNode(id);
      await expect(graph.card.getByRole('heading')).toContainText(id);
      await expect(graph.card.getByTestId('junction-load')).toHaveText(load >= 100 ? load.toLocaleString('en-US') : String(load));
    }
  });

  test('a click on a junction opens its card; "Show in feed" narrows the feed to it and "Query in SQL" types its query', async ({ app }) => {
    const graph = await replayWithGraph(app, 100);
    await expect.poll(() => graph.nodeCount()).toBe(10);
    await expect.poll(() => graph.loadsApplied()).toBeGreaterThan(0);

    await graph.clickNode('J03');
    await expect(graph.card).toBeVisible();
    await expect(graph.card.getByRole('heading')).toContainText('J03');
    await expect(graph.cardFact('Rank')).toHaveText(/^(\d+ of \d+|–)$/);

    await graph.showInFeed.click();
    const chip = app.page.getByTestId('feed-location');
    await expect(chip).toContainText('Only J03');
    // Every row the feed shows is J03's (the location column is the last one).
    await expect
      .poll(async () => {
        const cells = await app.feed.cells('Junction');
        return cells.length > 0 && cells.every((text) => text === 'J03');
      })
      .toBe(true);

    await graph.queryInSql.click();
    await expect(app.page.getByRole('tab', { name: 'SQL' })).toHaveAttribute('aria-selected', 'true');
    await expect(app.page.getByTestId('sql-editor').locator('.cm-content')).toHaveText(
      `SELECT * FROM "traffic" WHERE "Junction" = 'J03' ORDER BY _offset DESC LIMIT 100`,
    );

    await chip.getByRole('button').click();
    await expect(chip).toBeHidden();
    await expect
      .poll(async () => new Set(await app.feed.cells('Junction')).size)
      .toBeGreaterThan(1);
    await app.replay.stopButton.click();
  });

  test('a network file with problems lists them, and the rest of the graph still shows', async ({ app }, testInfo) => {
    const graph = await replayWithGraph(app);
    await expect.poll(() => graph.nodeCount()).toBe(10);

    const path = testInfo.outputPath('broken-network.json');
    writeFileSync(
      path,
      JSON.stringify({
        name: 'Broken city',
        junctions: [
          { id: 'J01', name: 'Harbour Gate' },
          { id: 'J02', name: 'Station Square' },
          { id: 'J03', name: 'Mill Street' },
        ],
        links: [
          { from: 'J01', to: 'J02', lengthM: 900, lanes: 2 },
          { from: 'J02', to: 'J02', lengthM: 100, lanes: 1 },
          { from: 'J03', to: 'J77', lengthM: 500, lanes: 1 },
        ],
      }),
    );
    await graph.loadNetwork(path);

    await expect(graph.problems).toBeVisible();
    await expect(graph.problems.locator('summary')).toHaveText(/^\d+ problems? in the network file$/);
    const items = graph.problems.getByRole('listitem');
    await expect(items.filter({ hasText: 'J77' })).toHaveCount(1);
    await expect(items.filter({ hasText: /self|itself|loop/i })).toHaveCount(1);
    await expect(graph.summary).toContainText('Broken city · broken-network.json');

    // The graph still shows: every junction of the data, and the one good road.
    await expect.poll(() => graph.nodeCount()).toBeGreaterThanOrEqual(10);
    await expect.poll(() => graph.edgeCount()).toBe(1);

    await graph.clearNetwork.click();
    await expect(graph.problems).toBeHidden();
    await expect.poll(() => graph.edgeCount()).toBe(0);
    await app.replay.stopButton.click();
  });

  test('routes between two junctions along the roads and says how long the route is', async ({ app }) => {
    const graph = await replayWithGraph(app, 1000);
    await expect.poll(() => graph.nodeCount()).toBe(10);
    const route = app.page.getByRole('region', { name: 'Shortest route' });
    await route.getByRole('combobox', { name: 'From', exact: true }).selectOption('J01');
    await route.getByRole('combobox', { name: 'To', exact: true }).selectOption('J09');
    await route.getByRole('button', { name: 'Route', exact: true }).click();
    // The sample's roads carry lengths, so the route has a length in km and a congestion-weighted cost.
    await expect(route.getByTestId('route-summary')).toHaveText(/^J01 → J09: \d+ junctions · [\d.,]+ km · cost [\d,]+$/);
    await route.getByRole('button', { name: 'Clear route' }).click();
    await expect(route.getByTestId('route-summary')).toHaveCount(0);
    await app.replay.stopButton.click();
  });

  test('opening another file clears the chosen junction and the route of the previous one', async ({ app }) => {
    const graph = await replayWithGraph(app);
    await expect.poll(() => graph.nodeCount()).toBe(10);
    await graph.clickNode('J03');
    await expect(graph.card.getByRole('heading')).toContainText('J03');
    const route = app.page.getByRole('region', { name: 'Shortest route' });
    await route.getByRole('combobox', { name: 'From', exact: true }).selectOption('J01');
    await route.getByRole('combobox', { name: 'To', exact: true }).selectOption('J09');
    await route.getByRole('button', { name: 'Route', exact: true }).click();
    await expect(route.getByTestId('route-summary')).toHaveText(/^J01 → J09: /);
    await app.replay.stopButton.click();

    // Another city: none of the sample's junctions is in it.
    const other = join(mkdtempSync(join(tmpdir(), 'tm-graph-')), 'other-city.csv');
    const rows = Array.from({ length: 40 }, (_, i) => `2026-03-01T${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}:00Z,K${(i % 4) + 1},${10 + i}`);
    writeFileSync(other, `${['Time,Junction,Vehicles', ...rows].join('\n')}\n`);
    await app.openFile(other);
    await app.replay.start('max');
    await app.replay.waitForState('finished');
    await expect.poll(() => graph.nodeCount()).toBe(4);

    await expect(route.getByTestId('route-summary')).toHaveCount(0);
    await expect(graph.region).not.toContainText('not a junction on the graph');
    await expect(graph.card).toHaveCount(0);
    await expect(graph.region).not.toContainText('J03');
    await expect(route.getByRole('combobox', { name: 'From', exact: true })).toHaveValue('');
    await expect(route.getByRole('combobox', { name: 'To', exact: true })).toHaveValue('');
  });

  test('the analytics table keeps every cell under its header when junction names are long', async ({ app }) => {
    await app.openFile(resolve(__dirname, '..', 'fidelity', 'corpus', 'synthetic', 'interval-time-column.csv'));
    await app.replay.start('max');
    await app.replay.waitForState('finished');
    const graph = new GraphPanel(app.page);
    await graph.open();
    await expect.poll(() => graph.analyticsRows.count(), { timeout: 30_000 }).toBeGreaterThan(1);
    const headers = graph.analytics.getByRole('columnheader');
    const headerLefts = await headers.evaluateAll((cells) => cells.map((cell) => Math.round(cell.getBoundingClientRect().left)));
    const rows = await graph.analyticsRows.evaluateAll((found) => found.map((row) => Array.from(row.querySelectorAll('[role="cell"]')).map((cell) => Math.round(cell.getBoundingClientRect().left))));
    expect(rows.length).toBeGreaterThan(1);
    for (const lefts of rows) expect(lefts).toEqual(headerLefts);
  });
});
