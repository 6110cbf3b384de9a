/**
 * The less-used settings in a popover: how often the model refits, how many stream rows it
 * trains on, and how far off a row must be to count as an anomaly. The form starts from the
 * settings on show each time it opens.
 */
import { useState } from 'react';
import type { PredictSettings } from '../../../../shared/predict/predictContract';
import { RULES, fromTrainingForm, toTrainingForm, type TrainingForm } from './settingsForm';
import { predictActions } from './predictActions';

const FIELDS: readonly { key: keyof TrainingForm; before: string; after: string }[] = [
  { key: 'everyRows', before: 'Refit every', after: 'new rows' },
  { key: 'everySeconds', before: 'or every', after: 'seconds, whichever comes first' },
  { key: 'windowRows', before: 'Train on the newest', after: 'stream rows (plus the history)' },
  { key: 'anomalyK', before: 'Anomaly beyond', after: 'standard deviations of the residuals' },
];

function TrainingFields({ settings, onDone }: { settings: PredictSettings; onDone(): void }): React.JSX.Element {
  const [form, setForm] = useState<TrainingForm>(() => toTrainingForm(settings));
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const apply = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    const parsed = fromTrainingForm(form, settings);
    if (!parsed.ok) {
      setMessage(parsed.message);
      return;
    }
    setSaving(true);
    const failure = await predictActions.configure(parsed.value);
    setSaving(false);
    setMessage(failure);
    if (failure === null) onDone();
  };

  return (
    <form className="popover predict-training-popover" noValidate onSubmit={(event) => void apply(event)}>
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
      {message && (
        <p className="dialog-error" role="alert">
          {message}
        </p>
      )}
      <button type="submit" className="primary" disabled={saving}>
        Apply
      </button>
    </form>
  );
}

export function TrainingSettings({ settings }: { settings: PredictSettings }): React.JSX.Element {
  const [open, setOpen] = useState(false);
  return (
    <details className="predict-training" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary title="Refit schedule, training window and anomaly threshold">
        Training…
      </summary>
      {/* Mounted only while open, so it always starts from the current settings. */}
      {open && <TrainingFields settings={settings} onDone={() => setOpen(false)} />}
    </details>
  );
}
