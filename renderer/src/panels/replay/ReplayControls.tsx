/**
 * The toolbar's replay part: Replay, pause/resume, stop, the pace and the Options popover on the
 * first line (with whatever the caller puts before and after: the file, the panel toggles), the
 * seek scrubber on the second, the progress on the third. Each line keeps its height while a
 * replay runs: numbers have fixed widths and long messages are cut (their full text in a tooltip).
 */
import { useState } from 'react';
import { actions } from '../../store/actions';
import { useView } from '../../store/viewStore';
import { PaceControl } from './PaceControl';
import { ReplayOptions } from './ReplayOptions';
import { ReplayProgressBar } from './ReplayProgressBar';
import { SeekScrubber } from './SeekScrubber';

export function ReplayControls({ lead, trail }: { lead?: React.ReactNode; trail?: React.ReactNode }): React.JSX.Element {
  const replay = useView((s) => s.replay);
  const [optionsOpen, setOptionsOpen] = useState(false);
  const state = replay?.state ?? 'idle';
  const active = state === 'running' || state === 'paused';
  return (
    <section className="replay-controls" aria-label="Replay">
      <div className="toolbar-row">
        {lead}
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
          <PaceControl onCustom={() => setOptionsOpen(true)} />
          <ReplayOptions open={optionsOpen} onToggle={setOptionsOpen} />
        </div>
        <span className="toolbar-spacer" />
        {trail}
      </div>
      <SeekScrubber />
      <ReplayProgressBar />
    </section>
  );
}
