/** Replay, pause/resume, stop and the pace, plus the progress of the current replay. */
import { actions } from '../../store/actions';
import { RATE_PRESETS, useReplaySettings } from '../../store/replaySettingsStore';
import { useSession } from '../../store/sessionStore';
import { formatCount } from '../../format';
import { ReplayProgressBar } from './ReplayProgressBar';

const rateLabel = (rate: number | null): string => (rate === null ? 'As fast as possible' : `${formatCount(rate)} rows/s`);

export function ReplayControls(): React.JSX.Element {
  const replay = useSession((s) => s.replay);
  const rate = useReplaySettings((s) => s.rowsPerSecond);
  const state = replay?.state ?? 'idle';
  const active = state === 'running' || state === 'paused';
  return (
    <section className="replay-controls" aria-label="Replay">
      <button type="button" className="primary" onClick={() => void actions.replay()}>
        {active ? 'Restart' : 'Replay'}
      </button>
      <button type="button" disabled={!active} onClick={() => void actions.pauseOrResume()}>
        {state === 'paused' ? 'Resume' : 'Pause'}
      </button>
      <button type="button" disabled={!active} onClick={() => void actions.stop()}>
        Stop
      </button>
      <label className="rate">
        Rate
        <select
          value={rate === null ? 'max' : String(rate)}
          onChange={(event) => void actions.setRate(event.target.value === 'max' ? null : Number(event.target.value))}
        >
          {RATE_PRESETS.map((preset) => (
            <option key={preset ?? 'max'} value={preset === null ? 'max' : String(preset)}>
              {rateLabel(preset)}
            </option>
          ))}
          {rate !== null && !RATE_PRESETS.includes(rate) && <option value={String(rate)}>{rateLabel(rate)}</option>}
        </select>
      </label>
      <label className="rate-custom">
        Custom rows/s
        <input
          type="number"
          min={1}
          step={1}
          placeholder="e.g. 250"
          onKeyDown={(event) => {
            const value = Number(event.currentTarget.value);
            if (event.key === 'Enter' && Number.isFinite(value) && value > 0) void actions.setRate(value);
          }}
        />
      </label>
      <ReplayProgressBar />
    </section>
  );
}
