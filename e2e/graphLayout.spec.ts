/**
 * The Junction graph of a file without a road network: the locations arrive one by one as the
 * replay starts and used to be stacked in one column (links between them overlapping on that
 * line), and a single location was drawn as one node filling the canvas, its label cut off.
 * Checked on the canvas as drawn (through the panel's probe): no two junctions (with their labels)
 * overlap, all lie inside the canvas, no junction sits on a link between two others, inferred
 * links are drawn with their labels, the picture stays put while loads update, and one junction
 * is drawn small.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { expect, test } from './fixtures';
import { GraphPanel, type Box } from './pages/graphPanel';

const SAMPLE = resolve(__dirname, '..', 'sample-data', 'traffic-sample.csv');
const MELBOURNE = resolve(__dirname, '..', 'fidelity', 'corpus', 'real', 'melbourne-pedestrian-counts-2016-joined.csv');

/** Spearman's rank correlation of two equally long lists (no ties expected in coordinates). */
function rankCorrelation(a: readonly number[], b: readonly number[]): number {
  const ranks = (values: readonly number[]): number[] => {
    const order = values.map((value, index) => ({ value, index })).sort((x, y) => x.value - y.value);
    const out = new Array<number>(values.length);
    order.forEach((entry, rank) => (out[entry.index] = rank));
    return out;
  };
  const [ra, rb] = [ranks(a), ranks(b)];
  const n = a.length;
  const d2 = ra.reduce((sum, rank, i) => sum + (rank - (rb[i] as number)) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

const overlap = (a: Box, b: Box): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
const inside = (box: Box, canvas: { width: number; height: number }): boolean => box.x1 >= 0 && box.y1 >= 0 && box.x2 <= canvas.width && box.y2 <= canvas.height;

/** Distance from p to the segment a–b. */
function toSegment(p: { x: number; y: number }, a: { x: number; y: number }, b: { x: number; y: number }): number {
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

test.describe('Junction graph without a network file', () => {
  test('lays the sample city out readably: no overlaps, inside the canvas, inferred links drawn and labelled, stable across updates', async ({ app }, testInfo) => {
    // The sample's rows under another name: opened as a plain upload, no road network comes with it.
    const path = testInfo.outputPath('city-counts.csv');
    copyFileSync(SAMPLE, path);
    await app.openFile(path);
    const graph = new GraphPanel(app.page);
    await graph.open();
    await graph.enableInferredLinks(0.5);
    await app.replay.start(1000);
    await app.replay.waitForState('running');
    await graph.waitForState('Live');
    await expect.poll(() => graph.nodeCount(), { timeout: 30_000 }).toBe(10);
    await expect.poll(async () => (await graph.inferredEdges()).length, { timeout: 30_000 }).toBeGreaterThan(0);

    const first = await graph.drawing();
    const ids = Object.keys(first.boxes).sort();
    expect(ids).toHaveLength(10);
    const overlapping = ids.flatMap((a, i) => ids.slice(i + 1).filter((b) => overlap(first.boxes[a]!, first.boxes[b]!)).map((b) => `${a}/${b}`));
    expect(overlapping).toEqual([]);
    expect(ids.filter((id) => !inside(first.boxes[id]!, first.canvas))).toEqual([]);

    // Inferred links: each drawn with its "inferred r=…" label, and none runs through a third junction.
    const links = await graph.inferredEdges();
    for (const link of links) {
      expect(link.label).toMatch(/^inferred r=0\.\d\d$/);
      expect(link.labelDrawn, `${link.from}–${link.to} label too small to draw`).toBe(true);
      expect(link.length).toBeGreaterThan(0);
    }
    const crossed = links.flatMap((link) =>
      ids
        .filter((id) => id !== link.from && id !== link.to)
        .filter((id) => toSegment(first.centres[id]!, first.centres[link.from]!, first.centres[link.to]!) < (first.boxes[id]!.x2 - first.boxes[id]!.x1) / 4)
        .map((id) => `${link.from}–${link.to} through ${id}`),
    );
    expect(crossed).toEqual([]);

    // Two load updates (and whatever inferred links change) later, nothing has moved.
    const applied = await graph.loadsApplied();
    await expect.poll(() => graph.loadsApplied(), { timeout: 15_000 }).toBeGreaterThan(applied + 1);
    const later = await graph.drawing();
    for (const id of ids) {
      expect(Math.abs(later.centres[id]!.x - first.centres[id]!.x), id).toBeLessThan(0.5);
      expect(Math.abs(later.centres[id]!.y - first.centres[id]!.y), id).toBeLessThan(0.5);
    }
    await app.replay.stopButton.click();
  });

  test('a single location is drawn small, centred, its long label whole inside the canvas', async ({ app }, testInfo) => {
    const name = 'Northern Avenue / Station Road';
    const start = Date.UTC(2026, 9, 1);
    const lines = Array.from({ length: 400 }, (_, i) => `${new Date(start + i * 900_000).toISOString().slice(0, 19)},${name},${50 + (i % 7)}`);
    const path = testInfo.outputPath('one-sensor.csv');
    writeFileSync(path, `time,Site,Total\n${lines.join('\n')}\n`);
    await app.openFile(path);
    const graph = new GraphPanel(app.page);
    await graph.open();
    await app.replay.start(1000);
    await expect.poll(() => graph.nodeCount(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => graph.loadsApplied(), { timeout: 30_000 }).toBeGreaterThan(0);
    await app.replay.waitForState('finished', 30_000);

    const drawn = await graph.drawing();
    const box = drawn.boxes[name]!;
    expect(inside(box, drawn.canvas)).toBe(true);
    // Drawn at most a fifth of the canvas's shorter side across (it filled the canvas).
    const style = await graph.nodeStyle(name);
    const shorter = Math.min(drawn.canvas.width, drawn.canvas.height);
    expect((style?.width ?? Number.POSITIVE_INFINITY) * drawn.canvas.zoom).toBeLessThanOrEqual(0.2 * shorter + 0.5);
    // Centred.
    expect(Math.abs(drawn.centres[name]!.x - drawn.canvas.width / 2)).toBeLessThan(drawn.canvas.width / 10);
  });

  test('a file with latitude and longitude columns draws each sensor where it is: east to the right, north up', async ({ app }) => {
    // The sensors' coordinates as another CSV parser reads them from the file.
    const parsed = Papa.parse<Record<string, string>>(readFileSync(MELBOURNE, 'utf8'), { header: true, skipEmptyLines: true });
    const where = new Map<string, { lat: number; lon: number }>();
    for (const row of parsed.data) where.set(row.sensor_id as string, { lat: Number(row.latitude), lon: Number(row.longitude) });
    expect(where.size).toBe(38);

    await app.openFile(MELBOURNE);
    const graph = new GraphPanel(app.page);
    await graph.open();
    await app.replay.start('max');
    await app.replay.waitForState('finished');
    await expect.poll(() => graph.nodeCount(), { timeout: 30_000 }).toBe(38);
    const { centres } = await graph.drawing();
    const ids = [...where.keys()].filter((id) => centres[id] !== undefined);
    expect(ids).toHaveLength(38);
    // Screen y grows downwards: north (larger latitude) is a smaller y.
    expect(rankCorrelation(ids.map((id) => where.get(id)!.lon), ids.map((id) => centres[id]!.x))).toBeGreaterThan(0.9);
    expect(rankCorrelation(ids.map((id) => where.get(id)!.lat), ids.map((id) => -centres[id]!.y))).toBeGreaterThan(0.9);
  });
});
