/**
 * The less-used settings in a popover: how often the model refits, how many stream rows it
 * trains on, and how far off a row must be to count as an anomaly. The form starts from the
 * settings on show each time it opens.
 */
import { useState } from 'react';
import type { PredictSettings } from '../../../../shared/predict/predictContract';
import { RULES, fromTrainingForm, toTrainingForm, type TrainingForm } from './settingsForm';
import { PopoverForm, SettingsPopover } from '../../widgets/SettingsPopover';
import { predictActions } from './predictActions';

const FIELDS: readonly { key: keyof TrainingForm; before: string; after: string }[] = [
  { key: 'everyRows', before: 'Refit every', after: 'new rows' },
  { key: 'everySeconds', before: 'or every', after: 'seconds, whichever comes first' },
  { key: 'windowRows', before: 'Train on the newest', after: 'stream rows (plus the history)' },
  { key: 'anomalyK', before: 'Anomaly beyond', after: 'standard deviations of the residuals' },
];

function TrainingFields({ settings, onDone }: { settings: PredictSettings; onDone(): void }): React.JSX.Element {
  const [form, setForm] = useState<TrainingForm>(() => toTrainingForm(settings));

  return (
    <PopoverForm
      className="predict-training-popover"
      parse={() => fromTrainingForm(form, settings)}
      apply={(value) => predictActions.configure(value)}
      onDone={onDone}
    >
      {FIELDS.map(({ key, before, after }) => (
        <label key={key}>
          {before}
          <input
            type="number"
            aria-label={RULES[key].label}
            min={RULES[key].min}
            max={RULES[key].max}
            step={RULES[key].integer ? 1 : 'any'}
            value={form[key]}
            onChange={(event) => setForm((current) => ({ ...current, [key]: event.target.value }))}
          />
          {after}
        </label>
      ))}
    </PopoverForm>
  );
}

export function TrainingSettings({ settings }: { settings: PredictSettings }): React.JSX.Element {
  return (
    <SettingsPopover className="predict-training" summary="Training…" title="Refit schedule, training window and anomaly threshold">
      {(close) => <TrainingFields settings={settings} onDone={close} />}
    </SettingsPopover>
  );
}
