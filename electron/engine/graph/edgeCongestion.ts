/**
 * How busy each road is, estimated from what the data measures: vehicle counts at junctions, not on
 * roads. A road's flow is taken as the mean of the loads at its two ends (the traffic passing both
 * ends is what travels between them); its congestion is that flow per lane against what one lane can
 * carry in the same window (a volume-to-capacity ratio: 1 = at capacity). For routing, a road's cost
 * grows with congestion by the standard BPR link-performance curve, length × (1 + 0.15 · ratio⁴), so
 * an empty road costs its length and a road at capacity costs 15% more.
 */
import type { JunctionEdge } from './junctionGraph';

export interface CongestionSettings {
  /** Vehicles one lane can carry in the window the loads are counted over (same units as loads). */
  capacityPerLane: number;
  /** Lanes assumed for a road whose lane count the network does not give. Default 1. */
  defaultLanes?: number;
}

export interface EdgeCongestion {
  edgeId: string;
  /** Estimated vehicles on the road in the window; null when neither end has a load. */
  flow: number | null;
  /** Lanes the estimate used (the road's own, or the default). */
  lanes: number;
  flowPerLane: number | null;
  /** flowPerLane / capacityPerLane; null without a flow or a usable capacity. */
  congestion: number | null;
}

export const DEFAULT_LANES = 1;
/** The Bureau of Public Roads curve's usual constants: cost × (1 + α · ratio^β). */
export const BPR_ALPHA = 0.15;
export const BPR_BETA = 4;

function usableLoad(load: number | null | undefined): number | null {
  return load !== null && load !== undefined && Number.isFinite(load) && load >= 0 ? load : null;
}

/**
 * The mean of the two end loads. A junction without a load (outside the data, or no count yet) does
 * not pull the estimate to zero: the road then takes the one end that has a load.
 */
export function estimateEdgeFlow(fromLoad: number | null | undefined, toLoad: number | null | undefined): number | null {
  const known = [usableLoad(fromLoad), usableLoad(toLoad)].filter((load): load is number => load !== null);
  if (known.length === 0) return null;
  return known.reduce((sum, load) => sum + load, 0) / known.length;
}

export function edgeCongestion(
  edge: Pick<JunctionEdge, 'id' | 'from' | 'to' | 'lanes'>,
  loads: ReadonlyMap<string, number>,
  settings: CongestionSettings,
): EdgeCongestion {
  const fallbackLanes = settings.defaultLanes !== undefined && settings.defaultLanes > 0 ? settings.defaultLanes : DEFAULT_LANES;
  const lanes = edge.lanes !== null && edge.lanes > 0 ? edge.lanes : fallbackLanes;
  const flow = estimateEdgeFlow(loads.get(edge.from), loads.get(edge.to));
  const flowPerLane = flow === null ? null : flow / lanes;
  const capacity = settings.capacityPerLane;
  const congestion = flowPerLane !== null && Number.isFinite(capacity) && capacity > 0 ? flowPerLane / capacity : null;
  return { edgeId: edge.id, flow, lanes, flowPerLane, congestion };
}

export function edgeCongestions(
  edges: readonly Pick<JunctionEdge, 'id' | 'from' | 'to' | 'lanes'>[],
  loads: ReadonlyMap<string, number>,
  settings: CongestionSettings,
): EdgeCongestion[] {
  return edges.map((edge) => edgeCongestion(edge, loads, settings));
}

/** A road's routing cost: its length, raised by congestion on the BPR curve; unknown congestion costs the length. */
export function congestedTravelCost(lengthM: number, congestion: number | null): number {
  if (congestion === null || !Number.isFinite(congestion) || congestion <= 0) return lengthM;
  return lengthM * (1 + BPR_ALPHA * congestion ** BPR_BETA);
}
