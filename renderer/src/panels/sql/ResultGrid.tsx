/**
 * The result's rows in a virtualized grid (the Live Feed's approach): only visible rows are in
 * the DOM, and blocks of rows are fetched from the engine as they scroll into view. A Live
 * refresh replaces the rows in place; a new query from the user starts again at the top.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { SqlCell } from '../../../../shared/sql/sqlContract';
import { truncatedNote } from './cellText';
import { numericColumns } from './chartData';
import { columnWidthsCh, rowNumberCh } from './gridLayout';
import { PAGE_ROWS, rowAt } from './pageCache';
import { sqlActions } from './sqlActions';
import { useSqlStore } from './sqlStore';
import { useGridProgress } from './useGridProgress';

const ROW_HEIGHT = 26;

function Cell({ value, numeric }: { value: SqlCell; numeric: boolean }): React.JSX.Element {
  if (value === null) {
    return (
      <span role="cell" className={numeric ? 'num sql-null' : 'sql-null'}>
        NULL
      </span>
    );
  }
  if (typeof value === 'object') {
    // Cut by the engine: the start of the value, then how long it really is (export writes it whole).
    const note = truncatedNote(value.length);
    return (
      <span role="cell" className="sql-cut" title={`${value.text.slice(0, 1000)}${note}`}>
        <span className="sql-cut-text">{value.text}</span>
        <span className="sql-cut-note">{note}</span>
      </span>
    );
  }
  return (
    <span role="cell" className={typeof value === 'number' ? 'num' : undefined} title={typeof value === 'string' && value.length > 30 ? value : undefined}>
      {String(value)}
    </span>
  );
}

export function ResultGrid(): React.JSX.Element | null {
  const grid = useSqlStore((s) => s.grid);
  const userRun = useSqlStore((s) => (s.outcome && !s.outcome.live ? s.outcome.result.queryId : null));
  const progress = useGridProgress();
  const scroller = useRef<HTMLDivElement>(null);
  const total = progress?.keptRows ?? 0;
  const queryId = grid?.result.queryId ?? null;
  const columns = useMemo(() => grid?.result.columns ?? [], [grid?.result.columns]);
  const firstRows = grid?.result.rows;
  const layout = useMemo(() => {
    const sample = (firstRows ?? []).slice(0, PAGE_ROWS);
    return { widths: columnWidthsCh(columns, sample), numeric: new Set(numericColumns(columns, sample)) };
  }, [columns, firstRows]);

  // The app does not use the React Compiler, so the virtualizer's unmemoizable API is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (last >= 0) sqlActions.ensureRows(first, last);
  }, [queryId, first, last, total]);

  // A query the user ran starts at the top; a Live refresh leaves the scroll position alone.
  useEffect(() => {
    if (userRun !== null) scroller.current?.scrollTo({ top: 0 });
  }, [userRun]);

  if (!grid) return null;
  const numberCh = rowNumberCh(total);
  const template = [`${numberCh}ch`, ...layout.widths.map((w) => `minmax(${w}ch, ${w}fr)`)].join(' ');
  const minWidth = `${layout.widths.reduce((sum, w) => sum + w, numberCh)}ch`;

  return (
    <div className="sql-grid" role="table" aria-label="Query result" aria-rowcount={total + 1} aria-colcount={columns.length}>
      <div className="sql-grid-scroll" ref={scroller} data-testid="sql-grid-scroll">
        <div className="sql-grid-row sql-grid-head" role="row" style={{ gridTemplateColumns: template, minWidth }}>
          <span role="columnheader" className="num muted" aria-label="Row number">
            #
          </span>
          {columns.map((name, index) => (
            <span role="columnheader" key={`${index}:${name}`} title={name} className={layout.numeric.has(name) ? 'num' : undefined}>
              {name}
            </span>
          ))}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth }}>
          {items.map((item) => {
            const cached = rowAt(grid.cache, item.index);
            return (
              <div
                key={item.index}
                role="row"
                aria-rowindex={item.index + 2}
                className={cached ? 'sql-grid-row' : 'sql-grid-row sql-grid-loading'}
                data-stale={cached?.stale || undefined}
                style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              >
                <span role="cell" className="num muted">
                  {item.index + 1}
                </span>
                {cached
                  ? columns.map((name, index) => <Cell key={`${index}:${name}`} value={cached.row[index] ?? null} numeric={layout.numeric.has(name)} />)
                  : columns.map((name, index) => (
                      <span role="cell" key={`${index}:${name}`} className="muted">
                        …
                      </span>
                    ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
