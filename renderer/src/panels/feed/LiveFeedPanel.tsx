/**
 * The newest rows first, in a virtualized table: only the visible rows are in the DOM, so a
 * million-row replay scrolls as smoothly as a hundred. Scrolling away from the top freezes the
 * view (auto-follow pauses) until the user resumes. Columns come in the order of feedColumns
 * (event time, location and main measure first), sized to what they hold; "Columns…" hides and
 * reorders them, remembered per header.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { FeedRow } from '../../../../shared/contract';
import { formatCount } from '../../format';
import { actions } from '../../store/actions';
import { setFeedLocation } from '../../store/graphFeedLocation';
import { useView } from '../../store/viewStore';
import { columnWidthCh, grownWidths } from './columnWidths';
import { feedColumn, type FeedColumn } from './feedCells';
import { HealthBadge } from './HealthBadge';
import { useLocationHealth } from '../quality/healthStatus';
import { defaultOrder, headerKey, orderedColumns, shownColumns } from './feedColumns';
import { useFeedColumns } from './feedColumnsStore';
import { FeedColumnsMenu } from './FeedColumnsMenu';

const ROW_HEIGHT = 28;
/** A little slack so sub-pixel scroll positions still count as "at the top". */
const FOLLOW_SLACK_PX = 4;
/** Rows whose values size the columns: the newest, as they arrive. */
const SIZING_ROWS = 40;

export function LiveFeedPanel(): React.JSX.Element {
  const file = useView((s) => s.file);
  const liveRows = useView((s) => s.feedRows);
  const onlyPassing = useView((s) => s.onlyPassingRequest ?? s.feedOnlyPassing);
  const location = useView((s) => s.feedLocation);
  const capacity = useView((s) => s.feedCapacity);
  const rowsConsumed = useView((s) => s.replay?.rowsConsumed ?? 0);
  const skipped = useView((s) => s.feedSkipped);
  const [frozen, setFrozen] = useState<FeedRow[] | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const rows = frozen ?? liveRows;
  const header = file ? headerKey(file) : '';
  const prefs = useFeedColumns((s) => s.byHeader[header]);
  const defaults = useMemo(() => (file ? defaultOrder(file) : []), [file]);
  const all = useMemo(() => (file ? orderedColumns(defaults, prefs).map((key) => feedColumn(key, file)) : []), [file, defaults, prefs]);
  const shownKeys = shownColumns(defaults, prefs);
  const columns = shownKeys.map((key) => all.find((column) => column.key === key)).filter((column) => column !== undefined);
  const widths = useColumnWidths(header, all, rows);
  const health = useLocationHealth();
  const locationKey = file?.location ? `c:${file.location}` : null;

  // The app does not use the React Compiler, so the virtualizer's unmemoizable API is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const onScroll = (): void => {
    const top = scroller.current?.scrollTop ?? 0;
    if (top > FOLLOW_SLACK_PX && frozen === null) setFrozen(liveRows);
  };

  const resume = (): void => {
    setFrozen(null);
    scroller.current?.scrollTo({ top: 0 });
  };

  // Rows are newest first: the frozen view's newest row sits as deep as the rows that came since
  // (line numbers cannot tell, they repeat when the replay loops).
  const frozenNewest = frozen?.[0];
  const frozenAt = frozenNewest ? liveRows.indexOf(frozenNewest) : 0;
  const newSinceFrozen = frozenAt === -1 ? liveRows.length : frozenAt;
  // The location's data-quality badge takes about three characters more.
  const chs = columns.map((column) => (widths.get(column.key) ?? columnWidthCh(column.label, [])) + (column.key === locationKey && health.size > 0 ? 3 : 0));
  const template = chs.map((w) => `minmax(${w}ch, ${w}fr)`).join(' ');
  // Wide files scroll sideways instead of squeezing every column unreadable.
  const minWidth = `${chs.reduce((sum, w) => sum + w, 0)}ch`;

  return (
    <section className="panel feed-panel" aria-labelledby="feed-title">
      <header className="feed-header">
        <h2 id="feed-title">Live Feed</h2>
        <label className="toggle">
          <input type="checkbox" checked={onlyPassing} onChange={(event) => void actions.setOnlyPassing(event.target.checked)} />
          Only rows that pass
        </label>
        {location !== null && (
          <span className="feed-location-chip" data-testid="feed-location">
            Only {location}
            <button type="button" aria-label={`Show every location, not only ${location}`} onClick={() => void setFeedLocation(null)}>
              ×
            </button>
          </span>
        )}
        <span className="panel-meta" data-testid="feed-count">
          {formatCount(rows.length)} rows shown (newest {formatCount(capacity)} kept) · {formatCount(rowsConsumed)} consumed
          {/* Rows that came faster than a page can show leave holes in the list until the replay pauses or ends. */}
          {skipped > 0 && ` · ${formatCount(skipped)} too fast to show (all kept rows are shown when the replay pauses or ends)`}
        </span>
        {file && (
          <FeedColumnsMenu
            columns={all}
            hidden={prefs?.hidden ?? []}
            onChange={(next) => useFeedColumns.getState().setPrefs(header, next)}
            onReset={() => useFeedColumns.getState().reset(header)}
          />
        )}
        {frozen ? (
          <button type="button" className="primary" onClick={resume}>
            Resume auto-follow{newSinceFrozen > 0 ? ` (${formatCount(newSinceFrozen)}+ new)` : ''}
          </button>
        ) : (
          <span className="following" aria-live="polite">
            Following newest
          </span>
        )}
      </header>
      <div className="feed-table" role="table" aria-label="Live feed" aria-rowcount={rows.length + 1}>
        <div className="feed-scroll" ref={scroller} onScroll={onScroll} data-testid="feed-scroll">
          <div className="feed-row feed-head" role="row" style={{ gridTemplateColumns: template, minWidth }}>
            {columns.map((column) => (
              <span role="columnheader" key={column.key} title={column.title} className={column.numeric ? 'num' : undefined}>
                {column.label}
              </span>
            ))}
          </div>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index] as FeedRow;
              return (
                <div
                  key={`${row.partition}:${row.offset}`}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={row.passes ? 'feed-row passes' : 'feed-row'}
                  data-passes={row.passes}
                  style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                >
                  {columns.map((column, index) => (
                    <span role="cell" key={column.key} className={[column.numeric ? 'num' : '', column.muted ? 'muted' : ''].join(' ').trim() || undefined}>
                      {index === 0 && row.passes && <span className="pass-mark" aria-label="passes threshold" />}
                      {column.text(row)}
                      {column.key === locationKey && <HealthBadge health={health.get(column.text(row))} />}
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
}

/** Each column's width in ch, from its label and the newest rows; only growing while the header stays. */
function useColumnWidths(header: string, columns: readonly FeedColumn[], rows: readonly FeedRow[]): ReadonlyMap<string, number> {
  const [state, setState] = useState<{ header: string; widths: Map<string, number> }>({ header, widths: new Map() });
  const sample = rows.slice(0, SIZING_ROWS);
  const measured = new Map(columns.map((column) => [column.key, columnWidthCh(column.label, sample.map((row) => column.text(row)))]));
  const current = state.header === header ? state.widths : new Map<string, number>();
  const next = grownWidths(current, measured);
  const changed = state.header !== header || [...next].some(([key, width]) => current.get(key) !== width);
  // React's "information from previous renders" pattern: kept in state, updated during render when it grows.
  if (changed) setState({ header, widths: next });
  return next;
}
