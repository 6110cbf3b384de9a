/**
 * The analytics side table's rows: one per junction of the topology held, its current load and
 * rank (from the loads, aligned by index) beside the figures of the last analytics run (joined by
 * id: a run may be for an older topology until refreshed), and how they sort.
 */
import type { GraphAnalyticsView, GraphLoads, GraphTopology } from '../../../../shared/graph/graphContract';

export interface AnalyticsRow {
  id: string;
  name: string | null;
  load: number | null;
  rank: number | null;
  degree: number | null;
  pageRank: number | null;
  betweenness: number | null;
  component: number | null;
}

export type AnalyticsColumn = Exclude<keyof AnalyticsRow, 'name'>;
export type SortDirection = 'ascending' | 'descending';
export interface AnalyticsSort {
  column: AnalyticsColumn;
  direction: SortDirection;
}

export function analyticsRows(topology: GraphTopology | null, loads: GraphLoads | null, analytics: GraphAnalyticsView | null): AnalyticsRow[] {
  if (topology === null) return [];
  const figures = new Map((analytics?.nodes ?? []).map((node) => [node.id, node]));
  const current = loads !== null && loads.topologyVersion === topology.version ? loads : null;
  return topology.nodes.map((node, index) => {
    const f = figures.get(node.id);
    return {
      id: node.id,
      name: node.name,
      load: current?.nodeLoads[index] ?? null,
      rank: current?.nodeRank[index] ?? null,
      degree: f?.degree ?? null,
      pageRank: f?.pageRank ?? null,
      betweenness: f?.betweenness ?? null,
      component: f?.component ?? null,
    };
  });
}

/** Rank 1 is the busiest, so "first" means ascending for rank and descending for the figures. */
export function defaultDirection(column: AnalyticsColumn): SortDirection {
  return column === 'id' || column === 'rank' || column === 'component' ? 'ascending' : 'descending';
}

/** A click on the sorted column turns it round; on another column, sorts by it its natural way. */
export function nextSort(current: AnalyticsSort, column: AnalyticsColumn): AnalyticsSort {
  if (current.column !== column) return { column, direction: defaultDirection(column) };
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Sorted copy; missing figures go last either way, ties keep junction order. */
export function sortRows(rows: readonly AnalyticsRow[], sort: AnalyticsSort): AnalyticsRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = a.row[sort.column];
      const y = b.row[sort.column];
      if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
      const order = typeof x === 'string' && typeof y === 'string' ? collator.compare(x, y) : (x as number) - (y as number);
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map(({ row }) => row);
}
