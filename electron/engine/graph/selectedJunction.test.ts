import { describe, expect, it } from 'vitest';
import type { GraphLoads, GraphTopology } from '../../../shared/graph/graphContract';
import { JunctionLoads } from './junctionLoads';
import { selectedJunction } from './selectedJunction';

const MIN = 60_000;
const T0 = Date.UTC(2026, 9, 5, 8, 0);

/** A – B – C by road, plus an inferred link B – D. */
const TOPOLOGY: GraphTopology = {
  version: 2,
  nodes: ['A', 'B', 'C', 'D'].map((id) => ({ id, name: id === 'B' ? 'Bravo' : null, lat: null, lon: null, inData: true, inNetwork: true })),
  edges: [
    { id: 'A|B', from: 'A', to: 'B', lengthM: 1000, lanes: 1, name: null, inferred: false, correlation: null },
    { id: 'B|C', from: 'B', to: 'C', lengthM: 1000, lanes: 1, name: null, inferred: false, correlation: null },
    { id: 'B|D', from: 'B', to: 'D', lengthM: null, lanes: null, name: null, inferred: true, correlation: 0.92 },
  ],
};

const LOADS: GraphLoads = {
  topologyVersion: 2,
  windowEnd: null,
  nodeLoads: [40, 120, null, 80],
  nodePassing: [false, false, false, false],
  nodeRank: [3, 1, null, 2],
  edgeFlow: [],
  edgeCongestion: [],
  maxLoad: 120,
  capacityLabel: '',
};

function counts(): JunctionLoads {
  const loads = new JunctionLoads(60 * MIN, 8);
  loads.add('B', T0, 50, []);
  loads.add('B', T0 + 15 * MIN, 70, []);
  return loads;
}

describe('selected junction', () => {
  it('shows its load, rank among the loaded junctions, newest row, trend and every edge meeting there', () => {
    expect(selectedJunction('B', TOPOLOGY, LOADS, counts())).toEqual({
      id: 'B',
      name: 'Bravo',
      load: 120,
      rank: 1,
      ranked: 3,
      latestValue: 70,
      latestTime: T0 + 15 * MIN,
      trend: [null, null, null, null, null, null, 50, 70],
      degree: 3,
    });
  });

  it('has no load or rank while the loads are being recomputed', () => {
    expect(selectedJunction('B', TOPOLOGY, null, counts())).toMatchObject({ load: null, rank: null, ranked: 0, latestValue: 70, degree: 3 });
  });

  it('is null for a junction not on the graph', () => {
    expect(selectedJunction('X', TOPOLOGY, LOADS, counts())).toBeNull();
  });
});
