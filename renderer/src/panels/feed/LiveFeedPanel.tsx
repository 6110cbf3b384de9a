/**
 * The newest rows first, in a virtualized table: only the visible rows are in the DOM, so a
 * million-row replay scrolls as smoothly as a hundred. Scrolling away from the top freezes the
 * view (auto-follow pauses) until the user resumes.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import type { FeedRow } from '../../../../shared/contract';
import { formatCount } from '../../format';
import { formatEventTime } from '../../formatTime';
import { actions } from '../../store/actions';
import { setFeedLocation } from '../../store/graphFeedLocation';
import { useSession } from '../../store/sessionStore';
import { formatCell } from './formatCell';

const ROW_HEIGHT = 28;
/** A little slack so sub-pixel scroll positions still count as "at the top". */
const FOLLOW_SLACK_PX = 4;
const LINE_COLUMN_REM = 4.5;
const OFFSET_COLUMN_REM = 5;
const TIME_COLUMN_REM = 11.5;
const NUMBER_COLUMN_REM = 5.5;
const TEXT_COLUMN_REM = 8;

export function LiveFeedPanel(): React.JSX.Element {
  const file = useSession((s) => s.file);
  const liveRows = useSession((s) => s.feedRows);
  const onlyPassing = useSession((s) => s.onlyPassingRequest ?? s.feedOnlyPassing);
  const location = useSession((s) => s.feedLocation);
  const capacity = useSession((s) => s.feedCapacity);
  const rowsConsumed = useSession((s) => s.replay?.rowsConsumed ?? 0);
  const [frozen, setFrozen] = useState<FeedRow[] | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const rows = frozen ?? liveRows;
  const columns = file?.columns ?? [];
  const hasTime = file?.time != null;

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
  const widths = columns.map((c) => (c.type === 'number' ? NUMBER_COLUMN_REM : TEXT_COLUMN_REM));
  const fixed = [LINE_COLUMN_REM, OFFSET_COLUMN_REM, ...(hasTime ? [TIME_COLUMN_REM] : [])];
  const template = [...fixed.map((w) => `${w}rem`), ...widths.map((w) => `minmax(${w}rem, ${w}fr)`)].join(' ');
  // Wide files scroll sideways instead of squeezing every column unreadable.
  const minWidth = `${[...fixed, ...widths].reduce((sum, w) => sum + w, 0)}rem`;

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
        </span>
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
            <span role="columnheader">Line</span>
            <span role="columnheader" title="Partition / offset on the bus">
              Offset
            </span>
            {hasTime && (
              <span role="columnheader" title="Event time read from the timestamp columns (shifted in later loops)">
                Event time
              </span>
            )}
            {columns.map((column) => (
              <span role="columnheader" key={column.name} title={column.name} className={column.type === 'number' ? 'num' : undefined}>
                {column.name}
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
                  <span role="cell" className="num">
                    {row.passes && <span className="pass-mark" aria-label="passes threshold" />}
                    {row.line}
                  </span>
                  <span role="cell" className="num muted">
                    {row.partition}/{row.offset}
                  </span>
                  {hasTime && (
                    <span role="cell" className="num">
                      {row.time === null ? '–' : formatEventTime(row.time)}
                    </span>
                  )}
                  {columns.map((column, index) => (
                    <span role="cell" key={column.name} className={column.type === 'number' ? 'num' : undefined}>
                      {formatCell(row.values[index] ?? null)}
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
