/** Test data: a Junction graph view as the engine would send it, with what a test needs changed. */
import { DEFAULT_GRAPH_SETTINGS, type GraphLoads, type GraphTopology, type GraphView } from '../../../../shared/graph/graphContract';

export function topology(version: number, ids: readonly string[] = ['J01', 'J02', 'J03']): GraphTopology {
  return {
    version,
    nodes: ids.map((id) => ({ id, name: null, lat: null, lon: null, inData: true, inNetwork: false })),
    edges: ids.slice(1).map((id, i) => ({
      id: `${ids[i]}-${id}`, from: ids[i] ?? '', to: id, lengthM: 1000, lanes: 1, name: null, inferred: false, correlation: null,
    })),
  };
}

export function loads(topologyVersion: number, nodeLoads: (number | null)[] = [10, 20, 30]): GraphLoads {
  return {
    topologyVersion,
    windowEnd: null,
    nodeLoads,
    nodePassing: nodeLoads.map(() => false),
    nodeRank: nodeLoads.map(() => null),
    edgeFlow: [],
    edgeCongestion: [],
    maxLoad: Math.max(0, ...nodeLoads.map((load) => load ?? 0)),
    capacityLabel: '1,800 vehicles per lane per hour',
  };
}

export function graphView(change: Partial<GraphView> = {}): GraphView {
  return {
    state: 'live',
    message: null,
    settings: DEFAULT_GRAPH_SETTINGS,
    measure: 'Total',
    numericColumns: ['CarCount', 'Total'],
    locationColumn: 'Junction',
    network: null,
    problems: [],
    problemCount: 0,
    topology: null,
    topologyVersion: 1,
    loads: null,
    analytics: null,
    analyticsVersion: 0,
    analyticsRunning: false,
    path: null,
    selected: null,
    inferredLinks: 0,
    correlationSlots: 0,
    ...change,
  };
}
