/**
 * Graph measures for the Junction graph panel — how connected each junction is, how important to
 * through traffic, which junctions hang together — and the cheapest route between two junctions.
 * The algorithms are cytoscape's, run headless in the engine, not hand-written. Roads are two-way,
 * so every measure treats the graph as undirected.
 */
import cytoscape from 'cytoscape';

/** The least a graph needs for these measures; `JunctionGraph` fits. */
export interface GraphTopology<Edge extends TopologyEdge = TopologyEdge> {
  nodes: readonly { id: string }[];
  edges: readonly Edge[];
}

export interface TopologyEdge {
  id: string;
  from: string;
  to: string;
}

export interface NodeAnalytics {
  id: string;
  /** Number of roads at the junction. */
  degree: number;
  /** Share of time a random walk along roads spends here (all nodes sum to 1); damping 0.85. */
  pageRank: number;
  /** Number of shortest routes between other pairs of junctions that pass through this one
   * (unordered pairs; a route split between equal alternatives counts fractionally). */
  betweenness: number;
  /** 0-based number of the connected part the junction belongs to, numbered in node order. */
  component: number;
}

export interface GraphAnalytics {
  nodes: NodeAnalytics[];
  componentCount: number;
}

export interface ShortestPath {
  /** Node ids from start to end, both included. */
  path: string[];
  /** Edge ids along the way, `path.length - 1` of them. */
  edges: string[];
  cost: number;
}

export const PAGE_RANK_DAMPING = 0.85;

/**
 * A headless cytoscape graph of the topology. Cytoscape's own element ids are positional ("n3",
 * "e5") so odd or repeated ids in the input cannot upset it; edges whose ends are not nodes are left
 * out. With `bothWays`, every road is added as a pair of arcs (for algorithms that only know arcs).
 */
function toCytoscape<Edge extends TopologyEdge>(graph: GraphTopology<Edge>, bothWays: boolean) {
  const nodeIndex = new Map<string, number>();
  const nodeIds: string[] = [];
  for (const node of graph.nodes) {
    if (nodeIndex.has(node.id)) continue;
    nodeIndex.set(node.id, nodeIds.length);
    nodeIds.push(node.id);
  }
  const elements: cytoscape.ElementDefinition[] = nodeIds.map((_, index) => ({ group: 'nodes', data: { id: `n${index}` } }));
  const edgeByKey = new Map<string, Edge>();
  graph.edges.forEach((edge, index) => {
    const source = nodeIndex.get(edge.from);
    const target = nodeIndex.get(edge.to);
    if (source === undefined || target === undefined || source === target) return;
    edgeByKey.set(`e${index}`, edge);
    elements.push({ group: 'edges', data: { id: `e${index}`, source: `n${source}`, target: `n${target}` } });
    if (bothWays) elements.push({ group: 'edges', data: { id: `r${index}`, source: `n${target}`, target: `n${source}` } });
  });
  const cy = cytoscape({ headless: true, styleEnabled: false, elements });
  return {
    cy,
    nodeIds,
    nodeKey: (id: string): string | null => {
      const index = nodeIndex.get(id);
      return index === undefined ? null : `n${index}`;
    },
    nodeIdOf: (key: string): string => nodeIds[Number(key.slice(1))] ?? key,
    edgeOf: (key: string): Edge | undefined => edgeByKey.get(key),
  };
}

export function analyseGraph(graph: GraphTopology): GraphAnalytics {
  const { cy, nodeIds } = toCytoscape(graph, false);
  if (nodeIds.length === 0) return { nodes: [], componentCount: 0 };

  // Cytoscape's PageRank follows edges from source to target, so it walks the two-way copy.
  const walk = toCytoscape(graph, true);
  const ranks = walk.cy.elements().pageRank({ dampingFactor: PAGE_RANK_DAMPING });
  const betweenness = cy.elements().betweennessCentrality({ directed: false });

  const componentOf = new Map<string, number>();
  const components = cy.elements().components();
  // Cytoscape's component order is its own; number them by their first node in our node order.
  const firstNodeIndex = components.map((component) => Math.min(...component.nodes().map((node) => Number(node.id().slice(1)))));
  const order = components.map((_, index) => index).sort((a, b) => (firstNodeIndex[a] ?? 0) - (firstNodeIndex[b] ?? 0));
  order.forEach((componentIndex, componentNumber) => {
    components[componentIndex]?.nodes().forEach((node) => {
      componentOf.set(node.id(), componentNumber);
    });
  });

  const nodes = nodeIds.map((id, index): NodeAnalytics => {
    const node = cy.getElementById(`n${index}`);
    return {
      id,
      degree: node.degree(false),
      pageRank: ranks.rank(walk.cy.getElementById(`n${index}`)),
      // Brandes' sum over ordered (source, target) pairs counts each undirected route twice.
      betweenness: betweenness.betweenness(node) / 2,
      component: componentOf.get(`n${index}`) ?? 0,
    };
  });
  return { nodes, componentCount: components.length };
}

/**
 * The cheapest route between two nodes by Dijkstra (cytoscape's), roads usable both ways. `weight`
 * is the cost of one road (for example length × congestion); a weight that is negative or not a
 * number makes that road unusable. Null when either node is unknown or no usable route joins them.
 */
export function shortestPath<Edge extends TopologyEdge>(
  graph: GraphTopology<Edge>,
  from: string,
  to: string,
  weight: (edge: Edge) => number,
): ShortestPath | null {
  const { cy, nodeKey, nodeIdOf, edgeOf } = toCytoscape(graph, false);
  const fromKey = nodeKey(from);
  const toKey = nodeKey(to);
  if (fromKey === null || toKey === null) return null;

  const usableWeight = (key: string): number => {
    const edge = edgeOf(key);
    const value = edge ? weight(edge) : Number.NaN;
    return Number.isNaN(value) || value < 0 ? Number.POSITIVE_INFINITY : value;
  };
  const search = cy.elements().dijkstra({ root: cy.getElementById(fromKey), weight: (edge) => usableWeight(edge.first().id()), directed: false });
  const target = cy.getElementById(toKey);
  const cost = search.distanceTo(target);
  if (!Number.isFinite(cost)) return null;

  const path: string[] = [];
  const edges: string[] = [];
  search.pathTo(target).forEach((element) => {
    const key = element.id();
    if (element.isNode()) path.push(nodeIdOf(key));
    else edges.push(edgeOf(key)?.id ?? key);
  });
  return { path, edges, cost };
}
