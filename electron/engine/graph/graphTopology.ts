/**
 * The topology the panel draws: the junction graph (junctionGraph) as plain nodes and edges, with
 * the inferred links added as extra edges where no road already joins the pair, and the problems
 * found on the way, capped for the list. Each build carries the next version number, which is how
 * the page knows to redraw.
 */
import type { GraphEdge, GraphTopology, NetworkProblemView } from '../../../shared/graph/graphContract';
import type { InferredLink } from './inferredLinks';
import { buildJunctionGraph, junctionEdgeId } from './junctionGraph';
import type { GeoPoint, ParsedNetwork } from './networkFile';
import { capProblems } from './problemList';

export interface GraphTopologyInput {
  /** The locations the data has named so far. */
  locations: readonly string[];
  network: ParsedNetwork | null;
  /** The inferred links to draw: none when inference is off. */
  inferred: readonly InferredLink[];
  /** The version of the topology this one replaces. */
  previousVersion: number;
  /** Where the data says a location is, when it does. */
  placed?: (id: string) => GeoPoint | null;
}

export function buildGraphTopology(input: GraphTopologyInput): { topology: GraphTopology; problems: NetworkProblemView[]; problemCount: number } {
  const graph = buildJunctionGraph(input.locations, input.network, input.placed);
  const edges: GraphEdge[] = graph.edges.map((edge) => ({ ...edge, inferred: false, correlation: null }));
  const roads = new Set(edges.map((edge) => edge.id));
  for (const link of input.inferred) {
    const id = junctionEdgeId(link.from, link.to);
    if (roads.has(id)) continue;
    edges.push({ id, from: link.from, to: link.to, lengthM: null, lanes: null, name: null, inferred: true, correlation: link.correlation });
  }
  const topology: GraphTopology = {
    version: input.previousVersion + 1,
    nodes: graph.nodes.map((node) => ({
      id: node.id,
      name: node.name,
      lat: node.coordinates?.lat ?? null,
      lon: node.coordinates?.lon ?? null,
      inData: node.inData,
      inNetwork: node.inNetwork,
    })),
    edges,
  };
  return { topology, problems: capProblems(graph.problems), problemCount: graph.problems.length };
}
