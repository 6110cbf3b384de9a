import { describe, expect, it } from 'vitest';
import type { GraphAnalyticsView } from '../../../../shared/graph/graphContract';
import { analyticsRows, nextSort, sortRows, type AnalyticsRow } from './analyticsRows';
import { loads, topology } from './testGraph';

const analytics: GraphAnalyticsView = {
  topologyVersion: 1,
  nodes: [
    { id: 'J01', degree: 1, pageRank: 0.25, betweenness: 0, component: 0 },
    { id: 'J02', degree: 2, pageRank: 0.5, betweenness: 1, component: 0 },
  ],
  componentCount: 1,
  computedAt: 0,
  durationMs: 1,
};

describe('analytics rows', () => {
  it('joins loads by index and analytics by id', () => {
    const held = { ...loads(1, [5, null, 9]), nodeRank: [2, null, 1] };
    const rows = analyticsRows(topology(1), held, analytics);
    expect(rows.map((r) => [r.id, r.load, r.rank, r.degree])).toEqual([
      ['J01', 5, 2, 1],
      ['J02', null, null, 2],
      ['J03', 9, 1, null],
    ]);
  });

  it('leaves loads out when they are for another topology', () => {
    expect(analyticsRows(topology(2), loads(1), null).every((row) => row.load === null)).toBe(true);
    expect(analyticsRows(null, null, analytics)).toEqual([]);
  });
});

describe('sorting', () => {
  const row = (id: string, load: number | null, pageRank: number | null = null): AnalyticsRow => ({
    id, name: null, load, rank: null, degree: null, pageRank, betweenness: null, component: null,
  });
  const rows = [row('J10', 3, 0.1), row('J2', null, 0.3), row('J1', 7, null), row('J3', 3, 0.2)];

  it('sorts numbers either way with missing figures last and ties in junction order', () => {
    expect(sortRows(rows, { column: 'load', direction: 'descending' }).map((r) => r.id)).toEqual(['J1', 'J10', 'J3', 'J2']);
    expect(sortRows(rows, { column: 'load', direction: 'ascending' }).map((r) => r.id)).toEqual(['J10', 'J3', 'J1', 'J2']);
    expect(sortRows(rows, { column: 'pageRank', direction: 'descending' }).map((r) => r.id)).toEqual(['J2', 'J3', 'J10', 'J1']);
  });

  it('sorts junction ids the way people count (J2 before J10)', () => {
    expect(sortRows(rows, { column: 'id', direction: 'ascending' }).map((r) => r.id)).toEqual(['J1', 'J2', 'J3', 'J10']);
  });

  it('turns the sorted column round, and starts a new one its natural way', () => {
    expect(nextSort({ column: 'load', direction: 'descending' }, 'load')).toEqual({ column: 'load', direction: 'ascending' });
    expect(nextSort({ column: 'load', direction: 'descending' }, 'rank')).toEqual({ column: 'rank', direction: 'ascending' });
    expect(nextSort({ column: 'rank', direction: 'ascending' }, 'betweenness')).toEqual({ column: 'betweenness', direction: 'descending' });
  });
});
