/**
 * What each road costs a route: its length, made dearer by its congestion (congestedTravelCost).
 * Only roads carry a route; inferred links are not roads. A road whose length the network file does
 * not give counts as the median known length, so it is neither free nor out of reach; with no length
 * known at all every road counts as 1 metre, and the route is the one over the fewest, least
 * congested roads.
 */
import type { GraphEdge, GraphLoads, GraphTopology } from '../../../shared/graph/graphContract';
import { congestedTravelCost } from './edgeCongestion';

export interface RoadCosts {
  /** The topology's roads, in its order. */
  roads: GraphEdge[];
  /** `costs[i]` is what `roads[i]` costs a route. */
  costs: number[];
}

/** `loads` must belong to `topology` (same version), or be null to cost every road by length alone. */
export function roadCosts(topology: GraphTopology, loads: GraphLoads | null): RoadCosts {
  const roads = topology.edges.filter((edge) => !edge.inferred);
  const congestionById = new Map<string, number | null>();
  topology.edges.forEach((edge, index) => congestionById.set(edge.id, loads?.edgeCongestion[index] ?? null));
  const fallbackLength = medianLength(roads);
  const costs = roads.map((edge) => congestedTravelCost(edge.lengthM ?? fallbackLength, congestionById.get(edge.id) ?? null));
  return { roads, costs };
}

/** The plain length of a route over the given roads, or null when one of them has no length. */
export function routeLength(roads: readonly GraphEdge[], edgeIds: readonly string[]): number | null {
  const byId = new Map(roads.map((edge) => [edge.id, edge]));
  const lengths = edgeIds.map((id) => byId.get(id)?.lengthM ?? null);
  return lengths.every((length) => length !== null) ? lengths.reduce<number>((sum, length) => sum + (length ?? 0), 0) : null;
}

function medianLength(edges: readonly GraphEdge[]): number {
  const lengths = edges.map((edge) => edge.lengthM).filter((length): length is number => length !== null && length > 0);
  if (lengths.length === 0) return 1;
  lengths.sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length / 2)] ?? 1;
}
