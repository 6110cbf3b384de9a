/**
 * The replay's secondary settings behind one button, so the toolbar fits 1024 px: the custom pace
 * and gap skipping (PaceOptions), and limits for the next replay, as the original pipeline's
 * producers had them: produce for N seconds, or N rows, or loop the file forever (they apply when
 * Replay is pressed). Opened by the caller too, when a custom pace is chosen.
 */
import { actions } from '../../store/actions';
import { PaceOptions } from './PaceOptions';
import { useReplaySettings } from '../../store/replaySettingsStore';

/** Empty or non-positive input means "no limit". */
function positiveOrNull(text: string): number | null {
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) && value > 0 ? value : null;
}

export function ReplayOptions({ open, onToggle }: { open: boolean; onToggle(open: boolean): void }): React.JSX.Element {
  const limits = useReplaySettings((s) => s.limits);
  const setLimits = useReplaySettings((s) => s.setLimits);
  const summary = [
    limits.durationSeconds !== null ? `${limits.durationSeconds} s` : null,
    limits.rows !== null ? `${limits.rows.toLocaleString('en-US')} rows` : null,
    limits.loop ? 'loop' : null,
  ].filter((part) => part !== null);
  return (
    <details className="limits-control" open={open} onToggle={(event) => onToggle(event.currentTarget.open)}>
      {/* The limits in force are named in the tooltip, not the button: its width stays put. */}
      <summary title={summary.length > 0 ? `Limits: ${summary.join(', ')}` : 'Custom pace, gap skipping and limits'}>
        Options{summary.length > 0 ? ' •' : ''}
      </summary>
      <div className="popover limits-popover">
        <PaceOptions />
        <label>
          Stop after (seconds)
          <input
            type="number"
            min={1}
            step="any"
            aria-label="Stop after seconds"
            value={limits.durationSeconds ?? ''}
            placeholder="no limit"
            onChange={(event) => setLimits({ durationSeconds: positiveOrNull(event.target.value) })}
          />
        </label>
        <label>
          Stop after (rows)
          <input
            type="number"
            min={1}
            step={1}
            aria-label="Stop after rows"
            value={limits.rows ?? ''}
            placeholder="no limit"
            onChange={(event) => {
              const rows = positiveOrNull(event.target.value);
              setLimits({ rows: rows === null ? null : Math.round(rows) });
            }}
          />
        </label>
        <label className="toggle">
          <input type="checkbox" checked={limits.loop} onChange={(event) => setLimits({ loop: event.target.checked })} />
          Loop the file forever
        </label>
        <p className="hint">Limits apply when you press Replay.</p>
        <button type="button" onClick={() => void actions.replay()}>
          Replay with these limits
        </button>
      </div>
    </details>
  );
}
