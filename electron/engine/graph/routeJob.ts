/**
 * The cheapest route between the two junctions the user picked, kept up to date as congestion
 * changes: the feed asks again with every load update, and the route is computed in the graph
 * worker one run at a time. An answer that comes back for a route the user has since replaced is
 * dropped, so the panel never highlights the wrong ends.
 */
import type { GraphLoads, GraphPath, GraphTopology } from '../../../shared/graph/graphContract';
import type { GraphComputer } from './graphComputer';
import { OneAtATime } from './oneAtATime';
import { roadCosts, routeLength } from './routeCosts';

export interface Route {
  from: string;
  to: string;
}

export interface RouteJobOptions {
  computer: GraphComputer;
  /** The topology, and the latest loads when they belong to it (else null), read as each run starts. */
  graph: () => { topology: GraphTopology; loads: GraphLoads | null };
  /** Whether inferred links are drawn, so "no road joins them" can say those do not count. */
  hasInferredLinks: () => boolean;
  /** A run ended: the view has something new to show. */
  onChange: () => void;
}

export class RouteJob {
  private route: Route | null = null;
  private latest: GraphPath | null = null;
  private readonly runs: OneAtATime;

  constructor(private readonly options: RouteJobOptions) {
    this.runs = new OneAtATime({ start: () => this.start(), ended: options.onChange });
  }

  /** The route's path, or why there is none; null with no route or before the first answer. */
  get path(): GraphPath | null {
    return this.latest;
  }

  /** A new route, or none: the old path goes at once rather than stay shown for the wrong ends. */
  setRoute(route: Route | null): void {
    this.route = route;
    this.latest = null;
    if (route) this.runs.request();
  }

  /** The loads or the topology changed, so the cheapest route may have too. */
  refresh(): void {
    if (this.route) this.runs.request();
  }

  private start(): Promise<void> | null {
    const route = this.route;
    if (!route) return null;
    const { topology, loads } = this.options.graph();
    const known = new Set(topology.nodes.map((node) => node.id));
    const missing = [route.from, route.to].filter((id) => !known.has(id));
    if (missing.length > 0) {
      this.latest = noPath(route, `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not a junction on the graph.`);
      return null;
    }
    const { roads, costs } = roadCosts(topology, loads);
    return this.options.computer.run({ kind: 'path', nodes: [...known], edges: roads.map(({ id, from, to }) => ({ id, from, to })), costs, from: route.from, to: route.to }).then(
      ({ value }) => {
        if (this.route !== route) return;
        this.latest = value
          ? { ...route, nodes: value.path, edges: value.edges, cost: value.cost, lengthM: routeLength(roads, value.edges), message: null }
          : noPath(route, `No road joins ${route.from} and ${route.to}${this.options.hasInferredLinks() ? ' (inferred links are not roads)' : ''}.`);
      },
      (error: Error) => {
        if (this.route === route) this.latest = noPath(route, `The route could not be computed: ${error.message}`);
      },
    );
  }
}

function noPath(route: Route, message: string): GraphPath {
  return { ...route, nodes: [], edges: [], cost: null, lengthM: null, message };
}
