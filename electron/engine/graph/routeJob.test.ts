/** The chosen route kept up to date, with graph work in this thread (no worker script configured). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GraphEdge, GraphLoads, GraphTopology } from '../../../shared/graph/graphContract';
import { GraphComputer } from './graphComputer';
import { RouteJob } from './routeJob';

function road(from: string, to: string, lengthM: number | null, inferred = false): GraphEdge {
  return { id: `${from}|${to}`, from, to, lengthM, lanes: 1, name: null, inferred, correlation: inferred ? 0.95 : null };
}

/** A square A–B–C / A–D–C, the B side shorter; Z alone, tied to A only by an inferred link. */
const SQUARE: GraphTopology = {
  version: 1,
  nodes: ['A', 'B', 'C', 'D', 'Z'].map((id) => ({ id, name: null, lat: null, lon: null, inData: true, inNetwork: true })),
  edges: [road('A', 'B', 1000), road('B', 'C', 1000), road('A', 'D', 1200), road('C', 'D', 1200), road('A', 'Z', null, true)],
};

function congestion(edgeCongestion: (number | null)[]): GraphLoads {
  return { topologyVersion: 1, windowEnd: null, nodeLoads: [], nodePassing: [], nodeRank: [], edgeFlow: [], edgeCongestion, maxLoad: 0, capacityLabel: '' };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

const computers: GraphComputer[] = [];
afterEach(() => {
  for (const computer of computers.splice(0)) computer.dispose();
});

function job(state: { loads: GraphLoads | null } = { loads: null }) {
  const computer = new GraphComputer();
  computers.push(computer);
  const routes = new RouteJob({ computer, graph: () => ({ topology: SQUARE, loads: state.loads }), hasInferredLinks: () => true, onChange: () => undefined });
  return { routes, computer };
}

describe('route job', () => {
  it('finds the cheapest route over roads, and finds it again when congestion moves', async () => {
    const state: { loads: GraphLoads | null } = { loads: null };
    const { routes } = job(state);
    routes.setRoute({ from: 'A', to: 'C' });
    await settle();
    expect(routes.path).toEqual({ from: 'A', to: 'C', nodes: ['A', 'B', 'C'], edges: ['A|B', 'B|C'], cost: 2000, lengthM: 2000, message: null });

    state.loads = congestion([2, 2, 0, 0, null]); // the B side at twice capacity costs 3,400 m a road
    routes.refresh();
    await settle();
    expect(routes.path).toMatchObject({ nodes: ['A', 'D', 'C'], lengthM: 2400 });
  });

  it('says when only an inferred link joins the ends', async () => {
    const { routes } = job();
    routes.setRoute({ from: 'C', to: 'Z' });
    await settle();
    expect(routes.path).toMatchObject({ nodes: [], cost: null, message: 'No road joins C and Z (inferred links are not roads).' });
  });

  it('says at once when an end is not on the graph', () => {
    const { routes } = job();
    routes.setRoute({ from: 'X', to: 'Y' });
    expect(routes.path?.message).toBe('X and Y are not a junction on the graph.');
    routes.setRoute({ from: 'A', to: 'Y' });
    expect(routes.path?.message).toBe('Y is not a junction on the graph.');
  });

  it('drops the answer for a route the user has since replaced', async () => {
    const { routes, computer } = job();
    const run = vi.spyOn(computer, 'run');
    routes.setRoute({ from: 'A', to: 'C' });
    routes.setRoute({ from: 'A', to: 'D' });
    expect(routes.path).toBeNull();
    await settle();
    expect(run).toHaveBeenCalledTimes(2);
    expect(routes.path).toMatchObject({ from: 'A', to: 'D', nodes: ['A', 'D'] });
  });

  it('clears the path with the route, and refreshes nothing without one', async () => {
    const { routes, computer } = job();
    routes.setRoute({ from: 'A', to: 'C' });
    await settle();
    routes.setRoute(null);
    expect(routes.path).toBeNull();
    const run = vi.spyOn(computer, 'run');
    routes.refresh();
    expect(run).not.toHaveBeenCalled();
  });

  it('says why when the route could not be computed', async () => {
    const { routes, computer } = job();
    vi.spyOn(computer, 'run').mockRejectedValue(new Error('The graph worker was stopped.'));
    routes.setRoute({ from: 'A', to: 'C' });
    await settle();
    expect(routes.path?.message).toBe('The route could not be computed: The graph worker was stopped.');
  });
});
