/**
 * Where new junctions go when the topology changes. The rule that keeps the picture calm: a
 * junction placed once stays where it is, unless it gained (or changed) coordinates, which then
 * win. New junctions with coordinates are projected; others sit beside their placed neighbours,
 * or in a row under the drawing. When no junction has coordinates, all of them go on a ring
 * (ringLayout), laid out again only when the set of junctions changes: locations arrive one by
 * one as a replay starts, and placing each under the last drew them in one column.
 */
import type { GraphEdge, GraphNode } from '../../../../shared/graph/graphContract';
import { fitProjection, project, validCoordinates, type GeoProjection, type Point } from './graphProjection';
import { ringPositions } from './ringLayout';

/** A placed junction: where, and from what (its coordinates, or a layout). */
export interface Placed extends Point {
  /** "lat,lon" when placed by coordinates; null when placed by a layout or beside neighbours. */
  geo: string | null;
}

export interface Placement {
  /** Positions of junctions newly placed (or moved to new coordinates). */
  positions: Map<string, Placed>;
  /**
   * Junctions the caller refines with a force layout from where they are now (deterministic: no
   * random start): the ring's junctions when real roads join them, else none.
   */
  needsLayout: string[];
  /** The projection in force (fitted on first use, then kept so placed junctions stay put). */
  projection: GeoProjection | null;
}

/** Above this many junctions without coordinates, a grid replaces the ring (see graphRenderer's layOut). */
export const RING_NODE_LIMIT = 300;

/** Model units between a junction and a neighbour-less newcomer, and between newcomers in a row. */
export const PLACEMENT_GAP = 80;

const geoKey = (node: GraphNode): string | null => (validCoordinates(node.lat, node.lon) ? `${node.lat},${node.lon}` : null);

function neighbours(edges: readonly GraphEdge[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (a: string, b: string): void => {
    const list = map.get(a);
    if (list) list.push(b);
    else map.set(a, [b]);
  };
  for (const edge of edges) {
    add(edge.from, edge.to);
    add(edge.to, edge.from);
  }
  return map;
}

export function placeNodes(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  held: ReadonlyMap<string, Placed>,
  heldProjection: GeoProjection | null,
): Placement {
  if (!nodes.some((node) => validCoordinates(node.lat, node.lon))) return placeOnRing(nodes, edges, held, heldProjection);
  const projection = heldProjection ?? fitProjection(nodes);
  const positions = new Map<string, Placed>();
  const unplaced: GraphNode[] = [];
  for (const node of nodes) {
    const geo = geoKey(node);
    const current = held.get(node.id);
    if (current && (geo === null || current.geo === geo)) continue;
    if (geo !== null && projection && node.lat !== null && node.lon !== null) positions.set(node.id, { ...project(projection, node.lat, node.lon), geo });
    else unplaced.push(node);
  }
  if (unplaced.length === 0) return { positions, needsLayout: [], projection };
  const where = (id: string): Placed | undefined => positions.get(id) ?? held.get(id);
  const all = [...held.values(), ...positions.values()];
  const left = Math.min(...all.map((p) => p.x));
  const bottom = Math.max(...all.map((p) => p.y));
  const links = neighbours(edges);
  let inRow = 0;
  unplaced.forEach((node, index) => {
    const placedNeighbours = (links.get(node.id) ?? []).map(where).filter((p): p is Placed => p !== undefined);
    if (placedNeighbours.length > 0) {
      // Beside the neighbours' centre, turned a little per newcomer so several do not stack.
      const angle = index * 2.399963; // the golden angle spreads successive newcomers evenly
      const cx = placedNeighbours.reduce((sum, p) => sum + p.x, 0) / placedNeighbours.length;
      const cy = placedNeighbours.reduce((sum, p) => sum + p.y, 0) / placedNeighbours.length;
      positions.set(node.id, { x: cx + Math.cos(angle) * PLACEMENT_GAP * 0.6, y: cy + Math.sin(angle) * PLACEMENT_GAP * 0.6, geo: null });
    } else {
      positions.set(node.id, { x: left + inRow * PLACEMENT_GAP, y: bottom + PLACEMENT_GAP, geo: null });
      inRow++;
    }
  });
  return { positions, needsLayout: [], projection };
}

/** No coordinates anywhere: the same set of junctions keeps its places; a changed set goes on a new ring. */
function placeOnRing(nodes: readonly GraphNode[], edges: readonly GraphEdge[], held: ReadonlyMap<string, Placed>, projection: GeoProjection | null): Placement {
  const sameSet = nodes.length === held.size && nodes.every((node) => held.has(node.id));
  if (sameSet) return { positions: new Map(), needsLayout: [], projection };
  // Hundreds of junctions make a ring too wide to read: the caller draws them on a grid instead.
  if (nodes.length > RING_NODE_LIMIT) return { positions: new Map(), needsLayout: nodes.map((node) => node.id), projection };
  const ring = ringPositions(nodes.map((node) => ({ id: node.id, label: node.name ?? node.id })));
  const positions = new Map<string, Placed>([...ring].map(([id, point]) => [id, { ...point, geo: null }]));
  // Roads of a network file without coordinates are better read after a force layout; inferred links alone are not.
  const roads = edges.some((edge) => !edge.inferred);
  return { positions, needsLayout: roads ? nodes.map((node) => node.id) : [], projection };
}
