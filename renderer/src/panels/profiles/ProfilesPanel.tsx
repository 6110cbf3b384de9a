/**
 * The "Profiles" panel (issue 23): when in the week traffic is heavy (a time-of-day × day-of-week
 * heatmap, per location or all) and what a typical day looks like at a location (median, 10–90 %
 * band, today over it). The engine's analysis stage builds both; the page picks the locations.
 */
import { useView } from '../../store/viewStore';
import { analysisActions, useAnalysisNotice } from '../quality/analysisActions';
import { formatCadence } from '../quality/DataQualityPanel';
import '../quality/quality.css';
import { Heatmap } from './Heatmap';
import { TypicalDayChart } from './TypicalDayChart';

const ALL = '';
const DAY_MS = 86_400_000;

/**
 * Readings further apart than a day (weekly, monthly, yearly figures) have no time of day or week
 * to profile: Vienna's monthly counts, each dated the 1st, drew a heatmap of which weekday each
 * month began on, read as "Wednesdays are busy".
 */
function tooCoarseToProfile(cadenceMs: number | null): boolean {
  return cadenceMs !== null && cadenceMs > DAY_MS;
}

export function ProfilesPanel(): React.JSX.Element {
  const view = useView((s) => s.analysis);
  const notice = useAnalysisNotice((s) => s.notice);
  const heatmap = view?.heatmap ?? null;
  const typical = view?.typicalDay ?? null;
  const locations = heatmap?.locations ?? [];
  const heatmapLocation = view?.heatmapLocation ?? null;
  const typicalLocation = view?.typicalLocation ?? null;
  return (
    <section className="profiles-panel" aria-label="Profiles">
      <div className="profiles-controls">
        <label>
          Heatmap of
          <select
            aria-label="Heatmap location"
            value={heatmapLocation ?? ALL}
            disabled={locations.length === 0}
            onChange={(event) => void analysisActions.selectLocations({ heatmap: event.target.value === ALL ? null : event.target.value }, { heatmap: heatmapLocation, typical: typicalLocation })}
          >
            <option value={ALL}>All locations</option>
            <LocationOptions locations={locations} />
          </select>
        </label>
        <label>
          Typical day at
          <select
            aria-label="Typical-day location"
            value={typicalLocation ?? ''}
            disabled={locations.length === 0}
            onChange={(event) => void analysisActions.selectLocations({ typical: event.target.value }, { heatmap: heatmapLocation, typical: typicalLocation })}
          >
            <LocationOptions locations={locations} />
          </select>
        </label>
        {view?.message && <span className="muted">{view.message}</span>}
        {notice !== null && (
          <span className="quality-notice" role="alert">
            {notice}
          </span>
        )}
      </div>
      {heatmap === null ? (
        <p className="muted">Open a file with event times and a numeric column, then press Replay: the profiles fill as rows arrive.</p>
      ) : tooCoarseToProfile(view?.cadenceMs ?? null) ? (
        <p className="muted" data-testid="profiles-too-coarse">
          The data reports every {formatCadence(view?.cadenceMs ?? 0)}: a time-of-week heatmap and a typical day need several readings a day, so there are none for it.
        </p>
      ) : (
        <div className="profiles-grid">
          <section aria-labelledby="profiles-heatmap-title">
            <h3 id="profiles-heatmap-title">When in the week ({heatmap.location ?? 'all locations'})</h3>
            <Heatmap view={heatmap} />
          </section>
          <section aria-labelledby="profiles-typical-title">
            {/* A file without a location column has one place, named '': the title read "Typical day at". */}
            <h3 id="profiles-typical-title">Typical day{typical && typical.location !== '' ? ` at ${typical.location}` : ''}</h3>
            {typical ? <TypicalDayChart view={typical} /> : <p className="muted">No location yet.</p>}
          </section>
        </div>
      )}
    </section>
  );
}

/** One option per location; a file without a location column has one, shown as "(all rows)". */
function LocationOptions({ locations }: { locations: readonly string[] }): React.JSX.Element {
  return (
    <>
      {locations.map((location) => (
        <option key={location} value={location}>
          {location === '' ? '(all rows)' : location}
        </option>
      ))}
    </>
  );
}
