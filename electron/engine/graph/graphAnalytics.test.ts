import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseGraph, shortestPath, type GraphTopology, type TopologyEdge } from './graphAnalytics';
import { buildJunctionGraph } from './junctionGraph';
import { parseNetworkJson } from './networkFile';

interface WeightedEdge extends TopologyEdge {
  lengthM: number;
}

function topology(nodeIds: string[], pairs: [string, string, number?][]): GraphTopology<WeightedEdge> {
  return {
    nodes: nodeIds.map((id) => ({ id })),
    edges: pairs.map(([from, to, lengthM = 1]) => ({ id: `${from}|${to}`, from, to, lengthM })),
  };
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

describe('analyseGraph', () => {
  it('a star: the centre has degree n−1, the highest PageRank and betweenness (n−1)(n−2)/2', () => {
    const leaves = ['a', 'b', 'c', 'd', 'e'];
    const n = leaves.length + 1;
    const result = analyseGraph(topology(['hub', ...leaves], leaves.map((leaf): [string, string] => ['hub', leaf])));
    const nodes = byId(result.nodes);
    const hub = nodes.get('hub')!;
    expect(hub.degree).toBe(n - 1);
    expect(hub.betweenness).toBeCloseTo(((n - 1) * (n - 2)) / 2);
    for (const leaf of leaves) {
      expect(nodes.get(leaf)!.degree).toBe(1);
      expect(nodes.get(leaf)!.betweenness).toBe(0);
      expect(nodes.get(leaf)!.pageRank).toBeLessThan(hub.pageRank);
      expect(nodes.get(leaf)!.pageRank).toBeCloseTo(nodes.get('a')!.pageRank);
    }
    expect(result.nodes.reduce((sum, node) => sum + node.pageRank, 0)).toBeCloseTo(1);
    expect(result.componentCount).toBe(1);
  });

  it('a path a–b–c–d: the middle two carry 2 routes each, the ends none', () => {
    const result = analyseGraph(topology(['a', 'b', 'c', 'd'], [['a', 'b'], ['b', 'c'], ['c', 'd']]));
    expect(result.nodes.map((node) => [node.id, node.degree, node.betweenness])).toEqual([
      ['a', 1, 0],
      ['b', 2, 2],
      ['c', 2, 2],
      ['d', 1, 0],
    ]);
    const nodes = byId(result.nodes);
    expect(nodes.get('b')!.pageRank).toBeGreaterThan(nodes.get('a')!.pageRank);
    expect(nodes.get('a')!.pageRank).toBeCloseTo(nodes.get('d')!.pageRank);
  });

  it('treats a road the same whichever way round it is given', () => {
    const forward = analyseGraph(topology(['a', 'b', 'c'], [['a', 'b'], ['b', 'c']]));
    const mixed = analyseGraph(topology(['a', 'b', 'c'], [['b', 'a'], ['b', 'c']]));
    expect(mixed.nodes.map((node) => node.pageRank)).toEqual(forward.nodes.map((node) => node.pageRank).map((rank) => expect.closeTo(rank, 6) as number));
    expect(mixed.nodes.map((node) => node.betweenness)).toEqual(forward.nodes.map((node) => node.betweenness));
  });

  it('numbers components in node order, isolated nodes included', () => {
    const result = analyseGraph(topology(['x', 'a', 'b', 'y', 'lonely'], [['a', 'b'], ['y', 'x']]));
    expect(result.componentCount).toBe(3);
    expect(result.nodes.map((node) => [node.id, node.component])).toEqual([
      ['x', 0],
      ['a', 1],
      ['b', 1],
      ['y', 0],
      ['lonely', 2],
    ]);
    expect(byId(result.nodes).get('lonely')!.degree).toBe(0);
  });

  it('ignores edges to unknown nodes and copes with an empty graph', () => {
    expect(analyseGraph({ nodes: [], edges: [] })).toEqual({ nodes: [], componentCount: 0 });
    const result = analyseGraph(topology(['a', 'b'], [['a', 'b'], ['a', 'ghost']]));
    expect(result.nodes.map((node) => node.degree)).toEqual([1, 1]);
  });
});

describe('shortestPath', () => {
  const line = topology(['a', 'b', 'c', 'd'], [['a', 'b'], ['b', 'c'], ['c', 'd']]);

  it('walks a path end to end, against the direction roads are listed in too', () => {
    expect(shortestPath(line, 'a', 'd', () => 1)).toEqual({ path: ['a', 'b', 'c', 'd'], edges: ['a|b', 'b|c', 'c|d'], cost: 3 });
    expect(shortestPath(line, 'd', 'a', () => 1)).toEqual({ path: ['d', 'c', 'b', 'a'], edges: ['c|d', 'b|c', 'a|b'], cost: 3 });
    expect(shortestPath(line, 'b', 'b', () => 1)).toEqual({ path: ['b'], edges: [], cost: 0 });
  });

  it('takes the cheaper detour over the shorter but dearer road', () => {
    // a–d directly costs 10; a–b–c–d costs 2 + 3 + 1 = 6.
    const graph = topology(['a', 'b', 'c', 'd'], [['a', 'd', 10], ['a', 'b', 2], ['b', 'c', 3], ['c', 'd', 1]]);
    expect(shortestPath(graph, 'a', 'd', (edge) => edge.lengthM)).toEqual({ path: ['a', 'b', 'c', 'd'], edges: ['a|b', 'b|c', 'c|d'], cost: 6 });
    // With every road costing the same, the direct one wins.
    expect(shortestPath(graph, 'a', 'd', () => 1)).toEqual({ path: ['a', 'd'], edges: ['a|d'], cost: 1 });
  });

  it('is null across components, for unknown nodes, and when the only roads are unusable', () => {
    const split = topology(['a', 'b', 'c', 'd'], [['a', 'b'], ['c', 'd']]);
    const analytics = byId(analyseGraph(split).nodes);
    expect(analytics.get('a')!.component).not.toBe(analytics.get('c')!.component);
    expect(shortestPath(split, 'a', 'd', () => 1)).toBeNull();
    expect(shortestPath(split, 'a', 'nowhere', () => 1)).toBeNull();
    expect(shortestPath(line, 'a', 'd', (edge) => (edge.id === 'b|c' ? Number.NaN : 1))).toBeNull();
    expect(shortestPath(line, 'a', 'd', (edge) => (edge.id === 'b|c' ? -1 : 1))).toBeNull();
  });
});

describe('on the committed sample network', () => {
  it('is one connected town with a route by road length between any two junctions', async () => {
    const network = parseNetworkJson(await readFile(join(__dirname, '..', '..', '..', 'sample-data', 'junction-network.json'), 'utf8'));
    const graph = buildJunctionGraph(network.junctions.map((junction) => junction.id), network);
    const analytics = analyseGraph(graph);
    expect(analytics.componentCount).toBe(1);
    expect(analytics.nodes.map((node) => node.degree).reduce((sum, degree) => sum + degree, 0)).toBe(2 * graph.edges.length);
    // J01 → J02: via J07 is 2180 + 950 = 3130 m, shorter than via J04 (4970 + 2820).
    expect(shortestPath(graph, 'J01', 'J02', (edge) => edge.lengthM ?? Number.NaN)).toEqual({ path: ['J01', 'J07', 'J02'], edges: ['J01|J07', 'J02|J07'], cost: 3130 });
  });
});
