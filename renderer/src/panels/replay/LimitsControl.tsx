/**
 * Limits for the next replay, as the original pipeline's producers had them: produce for N
 * seconds, or N rows, or loop the file forever. They apply when Replay is pressed.
 */
import { actions } from '../../store/actions';
import { useReplaySettings } from '../../store/replaySettingsStore';

/** Empty or non-positive input means "no limit". */
function positiveOrNull(text: string): number | null {
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) && value > 0 ? value : null;
}

export function LimitsControl(): React.JSX.Element {
  const limits = useReplaySettings((s) => s.limits);
  const setLimits = useReplaySettings((s) => s.setLimits);
  const summary = [
    limits.durationSeconds !== null ? `${limits.durationSeconds} s` : null,
    limits.rows !== null ? `${limits.rows.toLocaleString('en-US')} rows` : null,
    limits.loop ? 'loop' : null,
  ].filter((part) => part !== null);
  return (
    <details className="limits-control">
      <summary>Limits{summary.length > 0 ? `: ${summary.join(', ')}` : ''}</summary>
      <div className="popover limits-popover">
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
