/**
 * How fast the replay goes: by the data's own clock (1×, 10×, 60×, 600× or a custom factor), at a
 * fixed number of rows per second, or flat out. Changes apply to a running replay at once. The
 * custom value and gap skipping are in the replay's Options (ReplayOptions), opened when a custom
 * pace is chosen, so the toolbar keeps one line at 1024 px.
 */
import { DEFAULT_MAX_GAP_SECONDS, type Pace } from '../../../../shared/contract';
import { formatCount } from '../../format';
import { actions } from '../../store/actions';
import { RATE_PRESETS, SPEED_PRESETS, effectivePace, useReplaySettings } from '../../store/replaySettingsStore';
import { useView } from '../../store/viewStore';

function paceKey(pace: Pace): string {
  switch (pace.mode) {
    case 'fast':
      return 'fast';
    case 'rows':
      return RATE_PRESETS.includes(pace.rowsPerSecond) ? `rows:${pace.rowsPerSecond}` : 'rows:custom';
    case 'event':
      return SPEED_PRESETS.includes(pace.speed) ? `event:${pace.speed}` : 'event:custom';
  }
}

export function PaceControl({ onCustom }: { onCustom(): void }): React.JSX.Element {
  const file = useView((s) => s.file);
  const chosen = useReplaySettings((s) => s.pace);
  const pace = effectivePace(chosen, file);
  const hasTime = file?.time != null;
  const maxGap = pace.mode === 'event' ? pace.maxGapSeconds : DEFAULT_MAX_GAP_SECONDS;

  const choose = (key: string): void => {
    const [mode, value] = key.split(':');
    if (mode === 'fast') void actions.setPace({ mode: 'fast' });
    else if (value === 'custom') {
      // Switch to that mode at once with a starting value the user then edits.
      const start = mode === 'event' ? 100 : 500;
      void actions.setPace(mode === 'event' ? { mode: 'event', speed: start, maxGapSeconds: maxGap } : { mode: 'rows', rowsPerSecond: start });
      onCustom();
    } else if (mode === 'event') void actions.setPace({ mode: 'event', speed: Number(value), maxGapSeconds: maxGap });
    else void actions.setPace({ mode: 'rows', rowsPerSecond: Number(value) });
  };

  return (
    <div className="pace-control">
      <label>
        Pace
        <select aria-label="Pace" value={paceKey(pace)} onChange={(event) => choose(event.target.value)}>
          {hasTime && (
            <optgroup label="By the data's clock">
              {SPEED_PRESETS.map((speed) => (
                <option key={speed} value={`event:${speed}`}>
                  {speed}× real time
                </option>
              ))}
              <option value="event:custom">{pace.mode === 'event' && !SPEED_PRESETS.includes(pace.speed) ? `${formatCount(pace.speed)}× real time` : 'Custom factor…'}</option>
            </optgroup>
          )}
          <optgroup label="Rows per second">
            {RATE_PRESETS.map((rate) => (
              <option key={rate} value={`rows:${rate}`}>
                {formatCount(rate)} rows/s
              </option>
            ))}
            <option value="rows:custom">{pace.mode === 'rows' && !RATE_PRESETS.includes(pace.rowsPerSecond) ? `${formatCount(pace.rowsPerSecond)} rows/s` : 'Custom rows/s…'}</option>
          </optgroup>
          <option value="fast">As fast as possible</option>
        </select>
      </label>
    </div>
  );
}
