/**
 * The pace's secondary settings, shown in the replay's Options: a custom factor or rate (typed,
 * applied on Enter or when leaving the field) and, by the data's clock, which gaps to shorten.
 */
import { useState } from 'react';
import { DEFAULT_MAX_GAP_SECONDS } from '../../../../shared/contract';
import { actions } from '../../store/actions';
import { GAP_PRESETS, effectivePace, useReplaySettings } from '../../store/replaySettingsStore';
import { useView } from '../../store/viewStore';

export function PaceOptions(): React.JSX.Element | null {
  const file = useView((s) => s.file);
  const pace = effectivePace(useReplaySettings((s) => s.pace), file);
  const current = pace.mode === 'event' ? pace.speed : pace.mode === 'rows' ? pace.rowsPerSecond : null;
  // Keyed by the value in force: a pace chosen in the Pace list (a custom start value) shows here at once.
  return pace.mode === 'fast' ? null : <PaceFields key={`${pace.mode}:${current}`} />;
}

function PaceFields(): React.JSX.Element {
  const file = useView((s) => s.file);
  const pace = effectivePace(useReplaySettings((s) => s.pace), file);
  const maxGap = pace.mode === 'event' ? pace.maxGapSeconds : DEFAULT_MAX_GAP_SECONDS;
  const [custom, setCustom] = useState(pace.mode === 'event' ? String(pace.speed) : pace.mode === 'rows' ? String(pace.rowsPerSecond) : '');

  const applyCustom = (): void => {
    const value = Number(custom);
    if (!Number.isFinite(value) || value <= 0) return;
    void actions.setPace(pace.mode === 'event' ? { mode: 'event', speed: value, maxGapSeconds: maxGap } : { mode: 'rows', rowsPerSecond: value });
  };

  return (
    <>
      <label className="pace-custom">
        {pace.mode === 'event' ? 'Custom ×' : 'Custom rows/s'}
        <input
          type="number"
          min={0.01}
          step="any"
          value={custom}
          placeholder={pace.mode === 'event' ? 'e.g. 120' : 'e.g. 250'}
          onChange={(event) => setCustom(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') applyCustom();
          }}
          onBlur={applyCustom}
        />
      </label>
      {pace.mode === 'event' && (
        <label>
          Skip gaps longer than
          <select
            aria-label="Skip gaps longer than"
            value={String(pace.maxGapSeconds)}
            onChange={(event) => void actions.setPace({ ...pace, maxGapSeconds: event.target.value === 'null' ? null : Number(event.target.value) })}
          >
            {GAP_PRESETS.map((gap) => (
              <option key={gap.label} value={String(gap.seconds)}>
                {gap.label}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}
