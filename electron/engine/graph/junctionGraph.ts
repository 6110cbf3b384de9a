/**
 * Joins what the data knows (the locations found in its location column) with what the road-network
 * file knows (junction names, positions and the roads between them) into one graph for the panel.
 * Every location in the data is a node, whether or not the network mentions it; junctions only the
 * network lists are nodes too, flagged `inData: false`, so the user sees roads through places the
 * data does not cover. A road naming a place neither side knows is reported, not drawn.
 */
import type { GeoPoint, NetworkLink, NetworkProblem, ParsedNetwork } from './networkFile';

export interface JunctionNode {
  id: string;
  /** The network's name for the junction, when it has one. */
  name: string | null;
  coordinates: GeoPoint | null;
  /** The location appears in the data's location column. */
  inData: boolean;
  /** The network file lists the junction (or names it in a road). */
  inNetwork: boolean;
}

/** A two-way road; `from`/`to` keep the file's order, the id does not depend on it. */
export interface JunctionEdge {
  id: string;
  from: string;
  to: string;
  lengthM: number | null;
  lanes: number | null;
  name: string | null;
}

export interface JunctionGraph {
  networkName: string | null;
  /** Data locations in the order given, then network-only junctions in file order. */
  nodes: JunctionNode[];
  /** Roads in file order. */
  edges: JunctionEdge[];
  /** The network file's own problems followed by those found while joining it to the data. */
  problems: NetworkProblem[];
}

/**
 * The same id for a road whichever way round its ends are given. Ids are URI-encoded around the
 * `|` so no two pairs can produce the same edge id ("J01|J07" for ordinary ids).
 */
export function junctionEdgeId(a: string, b: string): string {
  const [first, second] = a < b ? [a, b] : [b, a];
  return `${encodeURIComponent(first)}|${encodeURIComponent(second)}`;
}

/**
 * `placed`: where the data itself says a location is (dataCoordinates.ts); a network file's
 * coordinates win over it.
 */
export function buildJunctionGraph(locations: readonly string[], network: ParsedNetwork | null, placed: (id: string) => GeoPoint | null = () => null): JunctionGraph {
  const problems: NetworkProblem[] = [...(network?.problems ?? [])];
  const nodes = new Map<string, JunctionNode>();
  for (const id of locations) {
    if (!nodes.has(id)) nodes.set(id, { id, name: null, coordinates: placed(id), inData: true, inNetwork: false });
  }
  for (const junction of network?.junctions ?? []) {
    const known = nodes.get(junction.id);
    if (known && known.inNetwork) continue; // listed twice: the file reader already reported it
    nodes.set(junction.id, {
      id: junction.id,
      name: junction.name,
      coordinates: junction.coordinates ?? known?.coordinates ?? null,
      inData: known?.inData ?? false,
      inNetwork: true,
    });
  }

  const edges = new Map<string, JunctionEdge>();
  for (const link of network?.links ?? []) {
    const edge = edgeFor(link, nodes, problems);
    if (!edge) continue;
    const earlier = edges.get(edge.id);
    if (earlier) {
      problems.push({ kind: 'duplicate-link', where: link.where, message: `link ${link.from}–${link.to} repeats ${earlier.from}–${earlier.to} (roads are two-way); it is skipped` });
      continue;
    }
    edges.set(edge.id, edge);
    for (const end of [edge.from, edge.to]) {
      const node = nodes.get(end);
      if (node) node.inNetwork = true;
    }
  }
  return { networkName: network?.name ?? null, nodes: [...nodes.values()], edges: [...edges.values()], problems };
}

/** The edge for a link, or null (with the reason added to `problems`) when it cannot be drawn. */
function edgeFor(link: NetworkLink, nodes: ReadonlyMap<string, JunctionNode>, problems: NetworkProblem[]): JunctionEdge | null {
  if (link.from === link.to) {
    problems.push({ kind: 'self-loop', where: link.where, message: `link from ${link.from} to itself skipped: a road must join two different junctions` });
    return null;
  }
  const unknown = [link.from, link.to].filter((id) => !nodes.has(id));
  if (unknown.length > 0) {
    const names = unknown.join(' and ');
    problems.push({
      kind: 'unknown-location',
      where: link.where,
      message: `link ${link.from}–${link.to} skipped: ${names} ${unknown.length > 1 ? 'are' : 'is'} neither a location in the data nor a junction in the network file`,
    });
    return null;
  }
  return { id: junctionEdgeId(link.from, link.to), from: link.from, to: link.to, lengthM: link.lengthM, lanes: link.lanes, name: link.name };
}
