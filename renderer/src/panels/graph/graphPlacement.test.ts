import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../../../../shared/graph/graphContract';
import { PLACEMENT_GAP, placeNodes, type Placed } from './graphPlacement';
import { topology } from './testGraph';

const node = (id: string, lat: number | null = null, lon: number | null = null): GraphNode => ({ id, name: null, lat, lon, inData: true, inNetwork: lat !== null });

describe('placeNodes', () => {
  it('puts junctions without coordinates on a ring, refined by a force layout when roads join them', () => {
    const t = topology(1);
    const placement = placeNodes(t.nodes, t.edges, new Map(), null);
    expect(placement.needsLayout).toEqual(['J01', 'J02', 'J03']);
    expect([...placement.positions.keys()].sort()).toEqual(['J01', 'J02', 'J03']);
    expect(placement.projection).toBeNull();
    // Inferred links alone: the ring is the drawing.
    const inferred = t.edges.map((edge) => ({ ...edge, inferred: true, correlation: 0.9 }));
    expect(placeNodes(t.nodes, inferred, new Map(), null).needsLayout).toEqual([]);
  });

  it('lays out junctions without coordinates again only when the set changes, one at a time arriving not in a column', () => {
    const ids = ['J01', 'J02', 'J03', 'J04'];
    let held = new Map<string, Placed>();
    // As a replay starts: one more location per topology, no roads.
    for (let count = 1; count <= ids.length; count++) {
      const placement = placeNodes(ids.slice(0, count).map((id) => node(id)), [], held, null);
      held = new Map([...held, ...placement.positions]);
    }
    const xs = new Set([...held.values()].map((p) => Math.round(p.x)));
    const ys = new Set([...held.values()].map((p) => Math.round(p.y)));
    expect(xs.size).toBeGreaterThan(1);
    expect(ys.size).toBeGreaterThan(1);
    // The same set again (new inferred links, say) moves nothing.
    const again = placeNodes(ids.map((id) => node(id)), [{ id: 'x', from: 'J01', to: 'J03', lengthM: null, lanes: null, name: null, inferred: true, correlation: 0.8 }], held, null);
    expect(again.positions.size).toBe(0);
    expect(again.needsLayout).toEqual([]);
  });

  it('projects junctions with coordinates and keeps the projection', () => {
    const nodes = [node('A', 52, 4.8), node('B', 52.1, 4.9)];
    const placement = placeNodes(nodes, [], new Map(), null);
    expect(placement.needsLayout).toEqual([]);
    expect(placement.positions.get('A')?.geo).toBe('52,4.8');
    // A later junction further out is projected with the same projection: A and B do not move.
    const held = new Map(placement.positions);
    const later = placeNodes([...nodes, node('C', 53, 5)], [], held, placement.projection);
    expect([...later.positions.keys()]).toEqual(['C']);
    expect(later.projection).toBe(placement.projection);
  });

  it('never moves a placed junction, but moves one that gained coordinates', () => {
    const held = new Map<string, Placed>([
      ['A', { x: 1, y: 2, geo: null }],
      ['B', { x: 5, y: 6, geo: null }],
    ]);
    const placement = placeNodes([node('A'), node('B', 52, 4.8)], [], held, null);
    expect(placement.positions.has('A')).toBe(false);
    expect(placement.positions.get('B')).toMatchObject({ geo: '52,4.8' });
  });

  it('beside junctions with coordinates, puts a newcomer beside its placed neighbours, and one without neighbours in a row below', () => {
    const held = new Map<string, Placed>([
      ['J01', { x: 0, y: 0, geo: null }],
      ['J02', { x: 100, y: 0, geo: null }],
      ['G', { x: 50, y: -50, geo: '52,4.8' }],
    ]);
    const t = topology(2, ['J01', 'J02', 'J03']);
    const lonely = node('J09');
    const placement = placeNodes([...t.nodes, node('G', 52, 4.8), lonely], t.edges, held, null);
    const j03 = placement.positions.get('J03')!;
    expect(Math.hypot(j03.x - 100, j03.y)).toBeCloseTo(PLACEMENT_GAP * 0.6);
    expect(placement.positions.get('J09')).toEqual({ x: 0, y: PLACEMENT_GAP, geo: null });
    expect(placement.needsLayout).toEqual([]);
  });
});
