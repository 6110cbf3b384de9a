import { describe, expect, it } from 'vitest';
import { congestedTravelCost, edgeCongestion, edgeCongestions, estimateEdgeFlow } from './edgeCongestion';

const road = { id: 'A|B', from: 'A', to: 'B', lanes: 2 };

describe('estimateEdgeFlow', () => {
  it('is the mean of the two end loads', () => {
    expect(estimateEdgeFlow(100, 300)).toBe(200);
    expect(estimateEdgeFlow(0, 50)).toBe(25);
  });

  it('uses the one end that has a load, and is null with none', () => {
    expect(estimateEdgeFlow(120, undefined)).toBe(120);
    expect(estimateEdgeFlow(null, 80)).toBe(80);
    expect(estimateEdgeFlow(Number.NaN, -5)).toBeNull();
    expect(estimateEdgeFlow(undefined, undefined)).toBeNull();
  });
});

describe('edgeCongestion', () => {
  it('is flow per lane over capacity per lane', () => {
    // Loads 300 and 500 → flow 400; 2 lanes → 200 per lane; capacity 400 per lane → 0.5.
    const loads = new Map([
      ['A', 300],
      ['B', 500],
    ]);
    expect(edgeCongestion(road, loads, { capacityPerLane: 400 })).toEqual({ edgeId: 'A|B', flow: 400, lanes: 2, flowPerLane: 200, congestion: 0.5 });
  });

  it('assumes the default lane count when the road has none', () => {
    const loads = new Map([
      ['A', 90],
      ['B', 90],
    ]);
    const noLanes = { ...road, lanes: null };
    expect(edgeCongestion(noLanes, loads, { capacityPerLane: 60 })).toMatchObject({ lanes: 1, flowPerLane: 90, congestion: 1.5 });
    expect(edgeCongestion(noLanes, loads, { capacityPerLane: 60, defaultLanes: 3 })).toMatchObject({ lanes: 3, flowPerLane: 30, congestion: 0.5 });
  });

  it('has no congestion without loads or without a usable capacity', () => {
    expect(edgeCongestion(road, new Map(), { capacityPerLane: 100 })).toEqual({ edgeId: 'A|B', flow: null, lanes: 2, flowPerLane: null, congestion: null });
    expect(edgeCongestion(road, new Map([['A', 10]]), { capacityPerLane: 0 })).toMatchObject({ flow: 10, flowPerLane: 5, congestion: null });
  });

  it('works over a list of roads in order', () => {
    const loads = new Map([
      ['A', 100],
      ['B', 100],
      ['C', 300],
    ]);
    const result = edgeCongestions([road, { id: 'B|C', from: 'B', to: 'C', lanes: 1 }], loads, { capacityPerLane: 100 });
    expect(result.map((entry) => [entry.edgeId, entry.congestion])).toEqual([
      ['A|B', 0.5],
      ['B|C', 2],
    ]);
  });
});

describe('congestedTravelCost', () => {
  it('is the length when empty or unknown, 15% more at capacity, and grows steeply beyond', () => {
    expect(congestedTravelCost(1000, null)).toBe(1000);
    expect(congestedTravelCost(1000, 0)).toBe(1000);
    expect(congestedTravelCost(1000, 1)).toBeCloseTo(1150);
    expect(congestedTravelCost(1000, 2)).toBeCloseTo(1000 * (1 + 0.15 * 16));
    expect(congestedTravelCost(1000, 0.5)).toBeCloseTo(1000 * (1 + 0.15 * 0.0625));
  });
});
