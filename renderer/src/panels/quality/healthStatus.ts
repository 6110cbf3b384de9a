/** How a location's data-quality status is shown everywhere (panel, feed badge, graph): words and colours. */
import type { HealthStatus, LocationHealth } from '../../../../shared/health/healthContract';
import { useView } from '../../store/viewStore';

export const STATUS_LABELS: Record<HealthStatus, string> = { ok: 'OK', suspect: 'Suspect', bad: 'Bad' };
/** One character for tight places (the feed's badge); the word is in its accessible name. */
export const STATUS_MARKS: Record<HealthStatus, string> = { ok: '✓', suspect: '?', bad: '!' };

/** The statuses by location, from the last analysis view. */
export function useLocationHealth(): ReadonlyMap<string, LocationHealth> {
  const locations = useView((s) => s.analysis?.health.locations);
  return locationMap(locations ?? EMPTY);
}

const EMPTY: LocationHealth[] = [];
let cachedFrom: readonly LocationHealth[] | null = null;
let cached: ReadonlyMap<string, LocationHealth> = new Map();

function locationMap(locations: readonly LocationHealth[]): ReadonlyMap<string, LocationHealth> {
  if (locations !== cachedFrom) {
    cachedFrom = locations;
    cached = new Map(locations.map((location) => [location.location, location]));
  }
  return cached;
}
