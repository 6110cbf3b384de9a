import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseNetworkFile } from '../../electron/engine/graph/networkFile.js';
import { generateGridCity } from './gridCity.js';
import { withLinkCount } from './extraLinks.js';
import { GRAPH_BENCH, graphBenchNetwork, writeGraphBenchFiles } from './graphBenchFiles.js';
import type { JunctionNetwork } from './junctionNetwork.js';

const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-bench-'));
afterAll(() => fs.rmSync(tmpDir, { recursive: true, force: true }));

function expectSimpleGraph(network: JunctionNetwork): void {
  const ids = new Set(network.junctions.map((j) => j.id));
  const pairs = new Set<string>();
  for (const link of network.links) {
    expect(ids.has(link.from) && ids.has(link.to), `${link.from}–${link.to} joins listed junctions`).toBe(true);
    expect(link.from, 'no self-loop').not.toBe(link.to);
    const pair = [link.from, link.to].sort().join('|');
    expect(pairs.has(pair), `duplicate link ${pair}`).toBe(false);
    pairs.add(pair);
    expect(Number.isInteger(link.lengthM) && link.lengthM > 0).toBe(true);
    expect(link.lanes).toBe(Math.round(link.lanes));
  }
}

describe('withLinkCount', () => {
  it('adds links up to the exact target, keeping the original ones first and unchanged', () => {
    const grid = generateGridCity(50);
    const topped = withLinkCount(grid, grid.links.length + 17);
    expect(topped.links).toHaveLength(grid.links.length + 17);
    expect(topped.links.slice(0, grid.links.length)).toEqual(grid.links);
    expect(topped.junctions).toBe(grid.junctions);
    expectSimpleGraph(topped);
  });

  it('joins each new link to a nearby junction, not across the city', () => {
    const grid = generateGridCity(400);
    const topped = withLinkCount(grid, grid.links.length + 100);
    const longestGridLink = Math.max(...grid.links.map((l) => l.lengthM));
    for (const link of topped.links.slice(grid.links.length)) expect(link.lengthM).toBeLessThanOrEqual(2 * longestGridLink);
  });

  it('can fill a small network completely, and refuses targets it cannot reach', () => {
    const grid = generateGridCity(5);
    expect(withLinkCount(grid, 10).links).toHaveLength(10);
    expectSimpleGraph(withLinkCount(grid, 10));
    expect(withLinkCount(grid, grid.links.length)).toBe(grid);
    expect(() => withLinkCount(grid, 11)).toThrow(RangeError);
    expect(() => withLinkCount(grid, grid.links.length - 1)).toThrow(RangeError);
    expect(() => withLinkCount(grid, 7.5)).toThrow(RangeError);
  });
});

describe('graph benchmark files', () => {
  it('is a network of exactly 1,000 junctions and 3,000 links, the same every time', () => {
    const network = graphBenchNetwork();
    expect(network.junctions).toHaveLength(GRAPH_BENCH.junctions);
    expect(network.links).toHaveLength(GRAPH_BENCH.links);
    expectSimpleGraph(network);
    expect(graphBenchNetwork()).toEqual(network);
  });

  it('writes a network file the app reads with no problems and a CSV whose locations are all in it', async () => {
    const files = await writeGraphBenchFiles(tmpDir, { days: 1 });
    expect(path.basename(files.networkPath)).toBe('network-1000.json');
    expect(files.rows).toBe(1000 * 96);

    const parsed = await parseNetworkFile(files.networkPath);
    expect(parsed.problems).toEqual([]);
    expect(parsed.junctions).toHaveLength(1000);
    expect(parsed.links).toHaveLength(3000);
    expect(parsed.junctions.every((j) => j.coordinates !== null)).toBe(true);

    const lines = fs.readFileSync(files.csvPath, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1 + files.rows);
    const header = lines[0]!.split(',');
    const column = header.indexOf('Junction');
    const locations = new Set(lines.slice(1).map((line) => line.split(',')[column]));
    const networkIds = new Set(parsed.junctions.map((j) => j.id));
    expect(locations.size).toBe(1000);
    for (const location of locations) expect(networkIds.has(location!), `${location} is in the network`).toBe(true);
  });

  it('writes byte-identical files on a second run', async () => {
    const again = path.join(tmpDir, 'again');
    const first = await writeGraphBenchFiles(path.join(tmpDir, 'first'), { days: 1 });
    const second = await writeGraphBenchFiles(again, { days: 1 });
    expect(fs.readFileSync(second.networkPath).equals(fs.readFileSync(first.networkPath))).toBe(true);
    expect(fs.readFileSync(second.csvPath).equals(fs.readFileSync(first.csvPath))).toBe(true);
  });
});
