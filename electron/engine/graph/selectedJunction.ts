/**
 * The details card for the junction the user selected: its load and rank from the latest loads,
 * its newest row and trend from the counts, and how many edges meet there. It is rebuilt for every
 * view, so it is never staler than the rest of the view.
 */
import type { GraphLoads, GraphTopology, SelectedJunction } from '../../../shared/graph/graphContract';
import type { JunctionLoads } from './junctionLoads';

/**
 * `loads` must belong to `topology` (same version), or be null while they are being recomputed.
 * Null when the junction is not on the graph (any more).
 */
export function selectedJunction(id: string, topology: GraphTopology, loads: GraphLoads | null, counts: JunctionLoads): SelectedJunction | null {
  const index = topology.nodes.findIndex((node) => node.id === id);
  if (index < 0) return null;
  const state = counts.state(id);
  return {
    id,
    name: topology.nodes[index]?.name ?? null,
    load: loads?.nodeLoads[index] ?? null,
    rank: loads?.nodeRank[index] ?? null,
    ranked: loads ? loads.nodeLoads.filter((load) => load !== null).length : 0,
    latestValue: state?.latestValue ?? null,
    latestTime: state?.latestTime ?? null,
    trend: counts.trend(id),
    degree: topology.edges.filter((edge) => edge.from === id || edge.to === id).length,
  };
}
