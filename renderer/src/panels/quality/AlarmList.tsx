/** Incident alarms: active ones first, then the newest cleared, with their evidence and confidence. */
import type { AlarmsPanelView } from '../../../../shared/analysis/analysisContract';
import { formatCount } from '../../format';
import { formatEventTime } from '../../formatTime';
import { analysisActions } from './analysisActions';

export function AlarmList({ alarms }: { alarms: AlarmsPanelView | null }): React.JSX.Element {
  const rows = alarms ? [...alarms.active.slice().reverse(), ...alarms.closed] : [];
  const total = alarms ? alarms.active.length + alarms.closedCount : 0;
  return (
    <section className="quality-section" aria-labelledby="quality-alarms-title">
      <div className="quality-section-head">
        <h3 id="quality-alarms-title">
          Alarms{' '}
          <span className="panel-meta" data-testid="quality-alarm-count">
            {alarms ? `${formatCount(alarms.active.length)} active, ${formatCount(alarms.closedCount)} cleared` : 'none'}
            {alarms && alarms.peers !== 'none' ? ` · confirmed by ${alarms.peers === 'network' ? 'road-network neighbours' : 'correlated locations'}` : ''}
          </span>
        </h3>
        <button type="button" disabled={total === 0} title="Every alarm: location, start, end, peak score, evidence" onClick={() => void analysisActions.exportCsv('alarms')}>
          Export alarms CSV
        </button>
      </div>
      {rows.length === 0 ? (
        <p className="empty">No alarm: a location is alarmed when its readings stay far from its typical day for several intervals (after a week of history).</p>
      ) : (
        <div className="quality-scroll">
          <table className="quality-table" aria-label="Alarms">
            <thead>
              <tr>
                <th scope="col">Start</th>
                <th scope="col">End</th>
                <th scope="col">Location</th>
                <th scope="col">Evidence</th>
                <th scope="col">Confidence</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((alarm) => (
                <tr key={alarm.id} data-location={alarm.location} data-active={alarm.end === null}>
                  <td className="quality-time">{formatEventTime(alarm.start, false)}</td>
                  <td className="quality-time">{alarm.end === null ? <strong className="quality-active">active</strong> : formatEventTime(alarm.end, false)}</td>
                  <td>{alarm.location}</td>
                  <td className="quality-reason">{alarm.evidence}</td>
                  <td>{alarm.confidence}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
