/**
 * One load update for the page: each junction's load over the window, its rank and threshold mark,
 * and each road's estimated flow and congestion, in the order of the topology's nodes and edges.
 */
import type { ThresholdSettings } from '../../../shared/contract';
import type { GraphLoads, GraphSettings, GraphTopology } from '../../../shared/graph/graphContract';
import { passesThreshold } from '../../../shared/records';
import type { ColumnInfo } from '../../../shared/schema';
import { edgeCongestions } from './edgeCongestion';
import type { JunctionLoads } from './junctionLoads';

export interface GraphLoadsInput {
  topology: GraphTopology;
  loads: JunctionLoads;
  columns: readonly ColumnInfo[];
  threshold: ThresholdSettings | null;
  settings: GraphSettings;
  /** The busiest road's vehicles per lane so far this run (congestion 1 without a lane capacity). */
  busiestPerLane: number;
}

export function graphLoads(input: GraphLoadsInput): { loads: GraphLoads; busiestPerLane: number } {
  const { topology, loads, columns, threshold, settings } = input;
  const { nodes, edges } = topology;
  const nodeLoads = nodes.map((node) => loads.load(node.id));
  const loadMap = new Map<string, number>();
  nodes.forEach((node, index) => {
    const load = nodeLoads[index];
    if (load !== null && load !== undefined) loadMap.set(node.id, load);
  });

  const thresholdIndex = threshold ? columns.findIndex((column) => column.name === threshold.column) : -1;
  const nodePassing = nodes.map((node) => {
    if (!threshold || thresholdIndex < 0) return false;
    const values = loads.state(node.id)?.latestValues;
    return values ? passesThreshold(values[thresholdIndex] ?? null, threshold.operator, threshold.value) : false;
  });

  // Flow per lane first (capacity 1), then rated against the capacity in use. Inferred links are
  // not roads: they get a flow estimate but no congestion, and do not set the busiest road.
  const flows = edgeCongestions(edges, loadMap, { capacityPerLane: 1 });
  let busiestPerLane = input.busiestPerLane;
  flows.forEach((flow, index) => {
    if (!edges[index]?.inferred && flow.flowPerLane !== null) busiestPerLane = Math.max(busiestPerLane, flow.flowPerLane);
  });
  const laneCapacity = settings.laneCapacityPerHour === null ? busiestPerLane : (settings.laneCapacityPerHour * settings.windowMinutes) / 60;
  const edgeCongestion = flows.map((flow, index) => (edges[index]?.inferred || flow.flowPerLane === null || laneCapacity <= 0 ? null : flow.flowPerLane / laneCapacity));

  return {
    busiestPerLane,
    loads: {
      topologyVersion: topology.version,
      windowEnd: loads.windowEnd(),
      nodeLoads,
      nodePassing,
      nodeRank: ranksOf(nodeLoads),
      edgeFlow: flows.map((flow) => flow.flow),
      edgeCongestion,
      maxLoad: nodeLoads.reduce<number>((max, load) => (load !== null && load > max ? load : max), 0),
      capacityLabel:
        settings.laneCapacityPerHour === null
          ? `relative to the busiest road so far (${formatCount(busiestPerLane)} vehicles per lane in ${settings.windowMinutes} min)`
          : `${formatCount(settings.laneCapacityPerHour)} vehicles per lane per hour`,
    },
  };
}

/** 1 = the busiest; equal loads share a rank; locations without a load have none. */
export function ranksOf(loads: readonly (number | null)[]): (number | null)[] {
  const order = loads
    .map((load, index) => ({ load, index }))
    .filter((item): item is { load: number; index: number } => item.load !== null)
    .sort((a, b) => b.load - a.load);
  const ranks = new Array<number | null>(loads.length).fill(null);
  order.forEach((item, position) => {
    const previous = order[position - 1];
    ranks[item.index] = previous && previous.load === item.load ? (ranks[previous.index] ?? position + 1) : position + 1;
  });
  return ranks;
}

function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
