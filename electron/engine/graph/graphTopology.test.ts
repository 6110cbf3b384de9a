import { describe, expect, it } from 'vitest';
import { buildGraphTopology } from './graphTopology';
import type { InferredLink } from './inferredLinks';
import { parseNetworkJson } from './networkFile';
import { MAX_PROBLEMS_SHOWN } from './problemList';

/** A – B by road (1 km, 2 lanes); C is on the network with no road. */
const NETWORK = parseNetworkJson(
  JSON.stringify({
    junctions: [
      { id: 'A', name: 'Alpha', lat: 52, lon: 4 },
      { id: 'B', lat: 52.01, lon: 4 },
      { id: 'C', lat: 52.02, lon: 4 },
    ],
    links: [{ from: 'A', to: 'B', length_m: 1000, lanes: 2, name: 'High Street' }],
  }),
);

function link(from: string, to: string, correlation: number): InferredLink {
  return { from, to, correlation, commonSlots: 40, inferred: true };
}

describe('graph topology', () => {
  it('draws data locations and network junctions as nodes, and roads as edges', () => {
    const { topology, problems } = buildGraphTopology({ locations: ['B', 'E'], network: NETWORK, inferred: [], previousVersion: 0 });
    expect(topology.nodes).toEqual([
      { id: 'B', name: null, lat: 52.01, lon: 4, inData: true, inNetwork: true },
      { id: 'E', name: null, lat: null, lon: null, inData: true, inNetwork: false },
      { id: 'A', name: 'Alpha', lat: 52, lon: 4, inData: false, inNetwork: true },
      { id: 'C', name: null, lat: 52.02, lon: 4, inData: false, inNetwork: true },
    ]);
    expect(topology.edges).toEqual([{ id: 'A|B', from: 'A', to: 'B', lengthM: 1000, lanes: 2, name: 'High Street', inferred: false, correlation: null }]);
    expect(problems).toEqual([]);
  });

  it('numbers each build one past the topology it replaces', () => {
    expect(buildGraphTopology({ locations: [], network: null, inferred: [], previousVersion: 0 }).topology.version).toBe(1);
    expect(buildGraphTopology({ locations: [], network: null, inferred: [], previousVersion: 41 }).topology.version).toBe(42);
  });

  it('adds inferred links as edges with their correlation, except where a road already joins the pair', () => {
    const { topology } = buildGraphTopology({
      locations: ['A', 'B', 'C'],
      network: NETWORK,
      inferred: [link('B', 'C', 0.93), link('A', 'B', 0.99)],
      previousVersion: 0,
    });
    expect(topology.edges.map((edge) => [edge.id, edge.inferred, edge.correlation])).toEqual([
      ['A|B', false, null],
      ['B|C', true, 0.93],
    ]);
    expect(topology.edges[1]).toMatchObject({ lengthM: null, lanes: null, name: null });
  });

  it('caps the network’s problems for the list, and still counts them all', () => {
    const links = Array.from({ length: MAX_PROBLEMS_SHOWN + 50 }, () => ({ from: 'A', to: 'A' }));
    const broken = parseNetworkJson(JSON.stringify({ junctions: [{ id: 'A' }], links }));
    const { problems, problemCount } = buildGraphTopology({ locations: [], network: broken, inferred: [], previousVersion: 0 });
    expect(problems).toHaveLength(MAX_PROBLEMS_SHOWN);
    expect(problems.at(-1)?.message).toBe('…and 51 more problems like these');
    expect(problemCount).toBe(MAX_PROBLEMS_SHOWN + 50);
  });
});
