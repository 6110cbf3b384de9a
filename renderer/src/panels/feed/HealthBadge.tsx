/** A location's data-quality status beside its name in the feed: a coloured mark, its word in the accessible name and the tooltip. */
import type { LocationHealth } from '../../../../shared/health/healthContract';
import { STATUS_LABELS, STATUS_MARKS } from '../quality/healthStatus';
import '../quality/quality.css';

export function HealthBadge({ health }: { health: LocationHealth | undefined }): React.JSX.Element | null {
  if (health === undefined) return null;
  const label = `Data quality ${STATUS_LABELS[health.status]}${health.status === 'ok' ? '' : `: ${health.reason}`}`;
  return (
    // The mark is drawn by CSS (data-mark), so the cell's text stays the location's name (copying, searching).
    <span className={`health-badge quality-${health.status}`} role="img" aria-label={label} title={label} data-status={health.status} data-mark={STATUS_MARKS[health.status]} />
  );
}
