/**
 * Degree, PageRank, betweenness and component per junction beside its current load and rank,
 * sortable by any column. Rows are virtualized (a thousand junctions scroll like ten); a click on
 * a row selects the junction. The figures are computed on demand ("Refresh") and live by the engine.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, useState } from 'react';
import type { GraphAnalyticsView, GraphLoads, GraphTopology } from '../../../../shared/graph/graphContract';
import { formatCount, formatNumber } from '../../format';
import { analyticsRows, nextSort, sortRows, type AnalyticsColumn, type AnalyticsRow, type AnalyticsSort } from './analyticsRows';
import { graphActions } from './graphActions';

const ROW_HEIGHT = 26;
/** Up to this many rows are all in the DOM; beyond it only the visible ones are. */
const ALL_ROWS_LIMIT = 200;

const COLUMNS: readonly { key: AnalyticsColumn; title: string; tip: string }[] = [
  { key: 'id', title: 'Junction', tip: 'Location id' },
  { key: 'load', title: 'Load', tip: 'Load over the window' },
  { key: 'rank', title: 'Rank', tip: '1 = busiest now' },
  { key: 'degree', title: 'Degree', tip: 'Roads at the junction' },
  { key: 'pageRank', title: 'PageRank', tip: 'Importance by the links into it' },
  { key: 'betweenness', title: 'Betweenness', tip: 'Share of shortest routes through it' },
  { key: 'component', title: 'Component', tip: 'Connected part of the network' },
];

function cell(row: AnalyticsRow, key: AnalyticsColumn): string {
  const value = row[key];
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  if (key === 'pageRank' || key === 'betweenness') return value.toFixed(3);
  return Math.abs(value) >= 100 ? formatCount(value) : formatNumber(value);
}

interface Props {
  topology: GraphTopology | null;
  loads: GraphLoads | null;
  analytics: GraphAnalyticsView | null;
  running: boolean;
  chosen: string | null;
}

/** Memoized: its inputs change a few times a second, the view around it twenty. */
export const AnalyticsTable = memo(function AnalyticsTable({ topology, loads, analytics, running, chosen }: Props): React.JSX.Element {
  const [sort, setSort] = useState<AnalyticsSort>({ column: 'rank', direction: 'ascending' });
  const rows = useMemo(() => sortRows(analyticsRows(topology, loads, analytics), sort), [topology, loads, analytics, sort]);
  const scroller = useRef<HTMLDivElement>(null);
  // The app does not use the React Compiler, so the virtualizer's unmemoizable API is fine here.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: rows.length <= ALL_ROWS_LIMIT ? ALL_ROWS_LIMIT : 12,
  });
  const stale = analytics !== null && topology !== null && analytics.topologyVersion !== topology.version;

  return (
    <section className="graph-analytics" aria-label="Graph analytics">
      <header className="graph-analytics-header">
        <h3>Analytics</h3>
        <button type="button" onClick={() => void graphActions.refreshAnalytics()} disabled={running}>
          Refresh
        </button>
        <span className="graph-analytics-meta" data-testid="analytics-meta" aria-live="polite">
          {running
            ? 'computing…'
            : analytics === null
              ? 'not computed yet'
              : `${formatCount(analytics.componentCount)} ${analytics.componentCount === 1 ? 'component' : 'components'} · computed ${new Date(analytics.computedAt).toLocaleTimeString()} in ${formatNumber(analytics.durationMs)} ms${stale ? ' (network changed since)' : ''}`}
        </span>
      </header>
      <div className="graph-table" role="table" aria-label="Junction analytics" aria-rowcount={rows.length + 1}>
        <div className="graph-table-scroll" ref={scroller}>
          <div className="graph-table-row graph-table-head" role="row">
            {COLUMNS.map((column) => (
              <span
                key={column.key}
                role="columnheader"
                aria-sort={sort.column === column.key ? sort.direction : 'none'}
                className={column.key === 'id' ? undefined : 'num'}
              >
                <button type="button" title={column.tip} onClick={() => setSort((current) => nextSort(current, column.key))}>
                  {column.title}
                  {sort.column === column.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                </button>
              </span>
            ))}
          </div>
          <div className="graph-table-body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index] as AnalyticsRow;
              return (
                <div
                  key={row.id}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={row.id === chosen}
                  className={row.id === chosen ? 'graph-table-row chosen' : 'graph-table-row'}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  tabIndex={0}
                  onClick={() => void graphActions.select(row.id)}
                  onKeyDown={(event) => {
                    if (event.key !== 'Enter' && event.key !== ' ') return;
                    event.preventDefault();
                    void graphActions.select(row.id);
                  }}
                >
                  {COLUMNS.map((column) => (
                    <span key={column.key} role="cell" className={column.key === 'id' ? undefined : 'num'} title={column.key === 'id' && row.name ? row.name : undefined}>
                      {cell(row, column.key)}
                    </span>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
});
