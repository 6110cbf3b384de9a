/**
 * The engine sends the graph's topology, loads and analytics only when they changed (null
 * otherwise), so the page keeps its last copies — but loads only ever describe one topology
 * version: loads of another version would colour the wrong nodes (they are aligned by index), so
 * they are dropped. Analytics are kept while their own version says they are unchanged.
 */
import type { GraphAnalyticsView, GraphLoads, GraphTopology, GraphView } from '../../../shared/graph/graphContract';


function keptTopology(previous: GraphView | null, next: GraphView): GraphTopology | null {
  if (next.topology !== null) return next.topology;
  const held = previous?.topology ?? null;
  return held !== null && held.version === next.topologyVersion ? held : null;
}

function keptLoads(previous: GraphView | null, next: GraphView, topology: GraphTopology | null): GraphLoads | null {
  if (topology === null) return null;
  const loads = next.loads ?? previous?.loads ?? null;
  if (loads === null || loads.topologyVersion !== topology.version) return null;
  // Nothing is counted while the graph is off: a held copy would pass for a current one.
  if (next.loads === null && next.state === 'off') return null;
  return loads;
}

function keptAnalytics(previous: GraphView | null, next: GraphView): GraphAnalyticsView | null {
  if (next.analytics !== null) return next.analytics;
  // Version 0 means never computed; any other change of version came with its figures.
  if (next.analyticsVersion === 0 || previous?.analyticsVersion !== next.analyticsVersion) return null;
  return previous.analytics;
}

export function keptGraph(previous: GraphView | null, next: GraphView): GraphView {
  const topology = keptTopology(previous, next);
  return { ...next, topology, loads: keptLoads(previous, next, topology), analytics: keptAnalytics(previous, next) };
}
