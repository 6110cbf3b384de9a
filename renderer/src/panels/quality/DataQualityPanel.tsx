/**
 * The "Data quality" panel (issue 23): how each location's detector stands (OK / suspect / bad,
 * why, since when, coverage), the flags that explain it, incident alarms, and the health checks'
 * settings. Everything comes from the engine's analysis stage; the counts reconcile with the
 * replay's ("N rows checked" is every row read and accepted).
 */
import { HEALTH_CHECK_LABELS, type HealthCheck } from '../../../../shared/health/healthContract';
import type { AnalysisView } from '../../../../shared/analysis/analysisContract';
import { formatCount } from '../../format';
import { formatEventTime } from '../../formatTime';
import { useView } from '../../store/viewStore';
import { AlarmList } from './AlarmList';
import { analysisActions, useAnalysisNotice } from './analysisActions';
import { HealthSettingsForm } from './HealthSettingsForm';
import { STATUS_LABELS } from './healthStatus';
import './quality.css';

export function DataQualityPanel(): React.JSX.Element {
  const view = useView((s) => s.analysis);
  const notice = useAnalysisNotice((s) => s.notice);
  if (view === null) {
    return (
      <section className="quality-panel" aria-label="Data quality">
        <p className="muted">Open a file and press Replay: every row is checked as it arrives.</p>
      </section>
    );
  }
  return (
    <section className="quality-panel" aria-label="Data quality">
      <QualitySummary view={view} />
      {notice !== null && (
        <p className="quality-notice" role="alert">
          {notice}
        </p>
      )}
      <HealthSettingsForm settings={view.settings} pending={view.settingsPending} />
      <div className="quality-columns">
        <LocationTable view={view} />
        <div className="quality-stack">
          <FlagTable view={view} />
          <AlarmList alarms={view.alarms} />
        </div>
      </div>
    </section>
  );
}

function QualitySummary({ view }: { view: AnalysisView }): React.JSX.Element {
  const { counts } = view.health;
  const byStatus = view.health.statusCounts;
  return (
    <div className="quality-summary" role="status" aria-live="polite">
      <span data-testid="quality-rows-checked">{formatCount(counts.rowsChecked)} rows checked</span>
      {view.rowsWaiting > 0 && (
        <span className="muted" data-testid="quality-rows-waiting" title="The checks run beside a full-speed replay and catch up when it ends">
          {formatCount(view.rowsWaiting)} waiting
        </span>
      )}
      <span data-testid="quality-location-count">
        {formatCount(view.health.locationCount)} {view.health.locationCount === 1 ? 'location' : 'locations'}
      </span>
      <span>
        <span className="quality-status quality-ok">{formatCount(byStatus.ok)} OK</span> <span className="quality-status quality-suspect">{formatCount(byStatus.suspect)} suspect</span>{' '}
        <span className="quality-status quality-bad">{formatCount(byStatus.bad)} bad</span>
      </span>
      <span data-testid="quality-flag-count">{formatCount(counts.flagsRaised)} flags</span>
      {view.measure !== null && <span className="muted">Measure: {view.measure}</span>}
      {view.cadenceMs !== null && <span className="muted">Every {formatCadence(view.cadenceMs)}</span>}
      {view.message !== null && <span className="muted">{view.message}</span>}
    </div>
  );
}

function LocationTable({ view }: { view: AnalysisView }): React.JSX.Element {
  const { locations, locationCount } = view.health;
  return (
    <section className="quality-section" aria-labelledby="quality-locations-title">
      <h3 id="quality-locations-title">
        Locations{' '}
        {locationCount > locations.length && (
          <span className="panel-meta">
            first {formatCount(locations.length)} of {formatCount(locationCount)}
          </span>
        )}
      </h3>
      {locations.length === 0 ? (
        <p className="empty">No location checked yet.</p>
      ) : (
        <div className="quality-scroll">
          <table className="quality-table" aria-label="Location status">
            <thead>
              <tr>
                <th scope="col">Location</th>
                <th scope="col">Status</th>
                <th scope="col">Reason</th>
                <th scope="col">Since</th>
                <th scope="col" className="num" title="Rows received ÷ rows expected at the location's cadence">
                  Coverage
                </th>
                <th scope="col" className="num" title="Flags raised at the location (all of them, listed or not)">
                  Flags
                </th>
              </tr>
            </thead>
            <tbody>
              {locations.map((location) => (
                <tr key={location.location} data-location={location.location} data-status={location.status}>
                  <td>{location.location}</td>
                  <td>
                    <span className={`quality-status quality-${location.status}`}>{STATUS_LABELS[location.status]}</span>
                  </td>
                  <td className="quality-reason">{location.reason}</td>
                  <td className="quality-time">{location.since === null ? '–' : formatEventTime(location.since, false)}</td>
                  <td className="num">{location.coverage === null ? '–' : `${(location.coverage * 100).toFixed(1)} %`}</td>
                  <td className="num" title={flagSummary(location.flagCounts)}>
                    {formatCount(Object.values(location.flagCounts).reduce((sum, count) => sum + (count ?? 0), 0))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function FlagTable({ view }: { view: AnalysisView }): React.JSX.Element {
  const { flags, counts } = view.health;
  return (
    <section className="quality-section" aria-labelledby="quality-flags-title">
      <div className="quality-section-head">
        <h3 id="quality-flags-title">
          Flags{' '}
          <span className="panel-meta">
            {formatCount(counts.flagsRaised)} raised{counts.flagsRaised > flags.length ? `, newest ${formatCount(flags.length)} listed` : ''}
          </span>
        </h3>
        <button type="button" disabled={counts.flagsRaised === 0} title="Every flag kept: location, check, start, end, evidence" onClick={() => void analysisActions.exportCsv('flags')}>
          Export flags CSV
        </button>
      </div>
      {flags.length === 0 ? (
        <p className="empty" data-testid="quality-no-flags">
          No flags: no gap, stuck value, implausible or inconsistent value, or bad timestamp so far.
        </p>
      ) : (
        <div className="quality-scroll">
          <table className="quality-table" aria-label="Flags">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Location</th>
                <th scope="col">Check</th>
                <th scope="col">Evidence</th>
              </tr>
            </thead>
            <tbody>
              {flags.map((flag) => (
                <tr key={flag.id} data-check={flag.check} data-location={flag.location}>
                  <td className="quality-time">{formatEventTime(flag.start, false)}</td>
                  <td>{flag.location}</td>
                  <td>{HEALTH_CHECK_LABELS[flag.check]}</td>
                  <td className="quality-reason">{flag.evidence}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** "Stuck value 2, Missing intervals 1" for a location's flags by check. */
function flagSummary(counts: Partial<Record<HealthCheck, number>>): string {
  const parts = Object.entries(counts).map(([check, count]) => `${HEALTH_CHECK_LABELS[check as HealthCheck]} ${count ?? 0}`);
  return parts.length === 0 ? 'No flags' : parts.join(', ');
}

export function formatCadence(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 1) return `${Math.round(ms / 1000)} s`;
  if (minutes < 60) return `${Math.round(minutes)} min`;
  const hours = minutes / 60;
  return hours < 24 ? `${Number(hours.toFixed(1))} h` : `${Number((hours / 24).toFixed(1))} days`;
}
