import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphLoads, GraphTopology } from '../../../shared/graph/graphContract';
import { roadCosts, routeLength } from './routeCosts';

function road(from: string, to: string, lengthM: number | null): GraphEdge {
  return { id: `${from}|${to}`, from, to, lengthM, lanes: 1, name: null, inferred: false, correlation: null };
}

const inferred: GraphEdge = { id: 'A|D', from: 'A', to: 'D', lengthM: null, lanes: null, name: null, inferred: true, correlation: 0.95 };

/** Roads of 1, 2 and 3 km, one of unknown length, and an inferred link between them. */
const topology: GraphTopology = {
  version: 3,
  nodes: ['A', 'B', 'C', 'D', 'E'].map((id) => ({ id, name: null, lat: null, lon: null, inData: true, inNetwork: true })),
  edges: [road('A', 'B', 1000), inferred, road('B', 'C', 2000), road('C', 'D', 3000), road('D', 'E', null)],
};

function loadsWithCongestion(edgeCongestion: (number | null)[]): GraphLoads {
  return { topologyVersion: 3, windowEnd: null, nodeLoads: [], nodePassing: [], nodeRank: [], edgeFlow: [], edgeCongestion, maxLoad: 0, capacityLabel: '' };
}

describe('road costs', () => {
  it('leaves inferred links out: they are not roads', () => {
    expect(roadCosts(topology, null).roads.map((edge) => edge.id)).toEqual(['A|B', 'B|C', 'C|D', 'D|E']);
  });

  it('costs a road its length without congestion, and the median known length when its own is unknown', () => {
    expect(roadCosts(topology, null).costs).toEqual([1000, 2000, 3000, 2000]);
  });

  it('makes congested roads dearer by the BPR curve, reading congestion in the topology’s edge order', () => {
    // Congestion is indexed like topology.edges, inferred link included: A|B 1, A|D (ignored), B|C 2, C|D none, D|E 0.
    const { costs } = roadCosts(topology, loadsWithCongestion([1, 5, 2, null, 0]));
    expect(costs[0]).toBeCloseTo(1000 * 1.15);
    expect(costs[1]).toBeCloseTo(2000 * (1 + 0.15 * 16));
    expect(costs.slice(2)).toEqual([3000, 2000]);
  });

  it('counts every road as 1 metre when no length is known', () => {
    const unknown: GraphTopology = { ...topology, edges: [road('A', 'B', null), road('B', 'C', null)] };
    expect(roadCosts(unknown, null).costs).toEqual([1, 1]);
  });
});

describe('route length', () => {
  const roads = topology.edges.filter((edge) => !edge.inferred);

  it('adds up the lengths of the roads on the route', () => {
    expect(routeLength(roads, ['A|B', 'B|C', 'C|D'])).toBe(6000);
    expect(routeLength(roads, [])).toBe(0);
  });

  it('is unknown when a road on the route has no length', () => {
    expect(routeLength(roads, ['C|D', 'D|E'])).toBeNull();
  });
});
