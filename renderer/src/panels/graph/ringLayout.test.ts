import { describe, expect, it } from 'vitest';
import { NODE_SIZE } from './graphStyle';
import { ringPositions, ringSpacing } from './ringLayout';

const nodes = (ids: string[]): { id: string; label: string }[] => ids.map((id) => ({ id, label: id }));

describe('ringPositions', () => {
  it('puts one junction at the centre', () => {
    expect(ringPositions(nodes(['J01']))).toEqual(new Map([['J01', { x: 0, y: 0 }]]));
  });

  it('orders ids naturally, starts at the top and keeps neighbours a junction and its label apart', () => {
    const ring = ringPositions(nodes(['J10', 'J2', 'J1']));
    const [first, second, third] = ['J1', 'J2', 'J10'].map((id) => ring.get(id)!);
    expect(first!.x).toBeCloseTo(0);
    expect(first!.y).toBeLessThan(0);
    // Clockwise (y grows downwards): J2 is right of the top, J10 left of it.
    expect(second!.x).toBeGreaterThan(0);
    expect(third!.x).toBeLessThan(0);
    // Three on a ring: all pairs are neighbours, each the spacing apart.
    const spacing = ringSpacing(nodes(['J10']));
    expect(spacing).toBeGreaterThanOrEqual(NODE_SIZE.max);
    expect(Math.hypot(first!.x - second!.x, first!.y - second!.y)).toBeCloseTo(spacing);
    expect(Math.hypot(second!.x - third!.x, second!.y - third!.y)).toBeCloseTo(spacing);
  });

  it('is the same for the same set in any order, and leaves room for long labels', () => {
    const ids = ['B', 'A', 'C', 'D', 'E'];
    expect(ringPositions(nodes(ids))).toEqual(ringPositions(nodes([...ids].reverse())));
    const long = [{ id: 'A', label: 'Northern Avenue / Station Road' }, { id: 'B', label: 'B' }];
    expect(ringSpacing(long)).toBeGreaterThan('Northern Avenue / Station Road'.length * 6);
  });
});
