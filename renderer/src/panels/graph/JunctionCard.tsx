/**
 * The details of the junction clicked on the canvas (or in the table): load, rank, roads, newest
 * value, trend, and two ways on — the feed narrowed to it, or the SQL console with its query typed.
 */
import type { SelectedJunction } from '../../../../shared/graph/graphContract';
import { formatCount, formatNumber } from '../../format';
import { formatEventTime } from '../../formatTime';
import { Sparkline } from './Sparkline';
import { graphActions } from './graphActions';

const figure = (value: number | null): string => (value === null ? '–' : Math.abs(value) >= 100 ? formatCount(value) : formatNumber(value));

export function JunctionCard({ junction, measure }: { junction: SelectedJunction; measure: string | null }): React.JSX.Element {
  const title = junction.name ? `${junction.name} (${junction.id})` : junction.id;
  return (
    <section className="graph-card" aria-label="Junction details" data-testid="junction-card">
      <header>
        <h3>{title}</h3>
        <button type="button" className="graph-card-close" aria-label="Close junction details" onClick={() => void graphActions.select(null)}>
          ×
        </button>
      </header>
      <dl className="fact-list">
        <dt>Current load</dt>
        <dd data-testid="junction-load">{figure(junction.load)}</dd>
        <dt>Rank</dt>
        <dd data-testid="junction-rank">{junction.rank === null ? '–' : `${junction.rank} of ${junction.ranked}`}</dd>
        <dt>Roads</dt>
        <dd>{junction.degree}</dd>
        <dt>Latest {measure ?? 'value'}</dt>
        <dd>
          {figure(junction.latestValue)}
          {junction.latestTime !== null && <span className="muted"> at {formatEventTime(junction.latestTime)}</span>}
        </dd>
      </dl>
      <Sparkline values={junction.trend} label={`Trend of ${measure ?? 'counts'} at ${junction.id}, per data interval`} />
      <div className="graph-card-actions">
        <button type="button" onClick={() => void graphActions.showInFeed(junction.id)}>
          Show in feed
        </button>
        <button type="button" onClick={() => graphActions.queryInSql(junction.id)}>
          Query in SQL
        </button>
      </div>
    </section>
  );
}
