import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../../../../shared/graph/graphContract';
import { PLACEMENT_GAP, placeNodes, type Placed } from './graphPlacement';
import { topology } from './testGraph';

const node = (id: string, lat: number | null = null, lon: number | null = null): GraphNode => ({ id, name: null, lat, lon, inData: true, inNetwork: lat !== null });

describe('placeNodes', () => {
  it('asks for a full layout when nothing is placed and nothing has coordinates', () => {
    const t = topology(1);
    const placement = placeNodes(t.nodes, t.edges, new Map(), null);
    expect(placement.needsLayout).toEqual(['J01', 'J02', 'J03']);
    expect(placement.positions.size).toBe(0);
    expect(placement.projection).toBeNull();
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

  it('puts a newcomer beside its placed neighbours, and one without neighbours in a row below', () => {
    const held = new Map<string, Placed>([
      ['J01', { x: 0, y: 0, geo: null }],
      ['J02', { x: 100, y: 0, geo: null }],
    ]);
    const t = topology(2, ['J01', 'J02', 'J03']);
    const lonely = node('J09');
    const placement = placeNodes([...t.nodes, lonely], t.edges, held, null);
    const j03 = placement.positions.get('J03')!;
    expect(Math.hypot(j03.x - 100, j03.y)).toBeCloseTo(PLACEMENT_GAP * 0.6);
    expect(placement.positions.get('J09')).toEqual({ x: 0, y: PLACEMENT_GAP, geo: null });
    expect(placement.needsLayout).toEqual([]);
  });
});
