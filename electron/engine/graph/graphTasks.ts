/**
 * The graph computations too slow for the engine's thread on a city-sized network (betweenness on
 * 1,000 junctions and 3,000 roads takes about a second): analytics, routes and inferred links. They
 * are plain functions of plain data, so the same code runs in the graph worker and, in unit tests,
 * in the test's own thread.
 */
import { analyseGraph, shortestPath, type GraphAnalytics, type ShortestPath } from './graphAnalytics';
import { inferLinks, type InferredLink } from './inferredLinks';

export interface TaskEdge {
  id: string;
  from: string;
  to: string;
}

export type GraphTask =
  | { kind: 'analyse'; nodes: string[]; edges: TaskEdge[] }
  /** `costs[i]` is the cost of `edges[i]`; a negative or NaN cost makes the road unusable. */
  | { kind: 'path'; nodes: string[]; edges: TaskEdge[]; costs: number[]; from: string; to: string }
  /** `values` holds `slots` per-slot counts per location, location after location, NaN for gaps. */
  | { kind: 'infer'; ids: string[]; slots: number; values: Float64Array; threshold: number; existing: { from: string; to: string }[] };

export type GraphTaskKind = GraphTask['kind'];

export interface GraphTaskResults {
  analyse: GraphAnalytics;
  path: ShortestPath | null;
  infer: InferredLink[];
}

export type GraphTaskResult = { [K in GraphTaskKind]: { kind: K; value: GraphTaskResults[K] } }[GraphTaskKind];

export function runGraphTask(task: GraphTask): GraphTaskResult {
  switch (task.kind) {
    case 'analyse':
      return { kind: 'analyse', value: analyseGraph({ nodes: task.nodes.map((id) => ({ id })), edges: task.edges }) };
    case 'path': {
      const costs = new Map(task.edges.map((edge, index) => [edge, task.costs[index] ?? Number.NaN]));
      const graph = { nodes: task.nodes.map((id) => ({ id })), edges: task.edges };
      return { kind: 'path', value: shortestPath(graph, task.from, task.to, (edge) => costs.get(edge) ?? Number.NaN) };
    }
    case 'infer': {
      const series = new Map<string, Float64Array>();
      task.ids.forEach((id, index) => series.set(id, task.values.subarray(index * task.slots, (index + 1) * task.slots)));
      return { kind: 'infer', value: inferLinks(series, task.threshold, task.existing) };
    }
  }
}
