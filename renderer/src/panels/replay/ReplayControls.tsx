/** Replay, pause/resume, stop, the pace and limits, the seek scrubber and the progress. */
import { actions } from '../../store/actions';
import { useSession } from '../../store/sessionStore';
import { LimitsControl } from './LimitsControl';
import { PaceControl } from './PaceControl';
import { ReplayProgressBar } from './ReplayProgressBar';
import { SeekScrubber } from './SeekScrubber';

export function ReplayControls(): React.JSX.Element {
  const replay = useSession((s) => s.replay);
  const state = replay?.state ?? 'idle';
  const active = state === 'running' || state === 'paused';
  return (
    <section className="replay-controls" aria-label="Replay">
      <div className="replay-buttons">
        <button type="button" className="primary" onClick={() => void actions.replay()}>
          {active ? 'Restart' : 'Replay'}
        </button>
        <button type="button" disabled={!active} onClick={() => void actions.pauseOrResume()}>
          {state === 'paused' ? 'Resume' : 'Pause'}
        </button>
        <button type="button" disabled={!active} onClick={() => void actions.stop()}>
          Stop
        </button>
        <PaceControl />
        <LimitsControl />
      </div>
      <SeekScrubber />
      <ReplayProgressBar />
    </section>
  );
}
