/**
 * Which bus the pipeline runs on: the embedded log (default, no cluster) or a Kafka topic through a
 * saved profile. Applying sends `bus:select`; connection trouble then shows in the app's status,
 * not here, because the engine keeps retrying in the background.
 */
import { useId, useState } from 'react';
import { useView } from '../../store/viewStore';
import { ROWS_PER_MESSAGE_CHOICES } from '../../../../shared/kafka/busContract';
import { busFormFrom, selectionFromForm, type BusForm } from './busSelectionForm';
import { kafkaSettings, useKafkaSettings } from './kafkaSettingsStore';

export function BusSection(): React.JSX.Element {
  const profiles = useKafkaSettings((s) => s.profiles);
  const applied = useKafkaSettings((s) => s.bus);
  // The engine's view is the truth (it survives a page reload); the last choice made here is the fallback.
  const busView = useView((s) => s.bus);
  const [form, setForm] = useState<BusForm>(() => busFormFrom(busView?.selection ?? applied, ''));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  // A profile that was deleted (or none chosen yet) falls back to the first one listed.
  const profileId = profiles.some((profile) => profile.id === form.profileId) ? form.profileId : (profiles[0]?.id ?? '');
  const set = <K extends keyof BusForm>(key: K, value: BusForm[K]): void => {
    setForm((previous) => ({ ...previous, [key]: value }));
    setMessage(null);
  };

  const apply = async (): Promise<void> => {
    const checked = selectionFromForm({ ...form, profileId });
    if (!checked.ok) {
      setMessage({ ok: false, text: checked.message });
      return;
    }
    setBusy(true);
    const outcome = await kafkaSettings.selectBus(checked.selection);
    setBusy(false);
    const name = profiles.find((profile) => profile.id === profileId)?.name ?? '';
    setMessage(
      outcome.ok
        ? { ok: true, text: checked.selection.kind === 'embedded' ? 'The pipeline runs on the embedded log.' : `The pipeline uses topic ${form.topic.trim()} on “${name}”.` }
        : { ok: false, text: outcome.message },
    );
  };

  const field = (name: string): string => `${id}-${name}`;
  const kafka = form.kind === 'kafka';

  return (
    <section className="bus-section" aria-labelledby={field('title')} data-testid="bus-section">
      <h3 id={field('title')}>Bus</h3>
      {busView && (
        <p className="hint" data-testid="bus-status">
          Now: {busView.selection.kind === 'embedded' ? 'embedded log' : `Kafka topic ${busView.topic} on “${busView.profileName ?? ''}”`} ({busView.state})
          {busView.message ? ` · ${busView.message}` : ''}
        </p>
      )}
      <div role="radiogroup" aria-label="Bus" className="radio-row">
        <label className="toggle">
          <input type="radio" name={field('kind')} checked={!kafka} onChange={() => set('kind', 'embedded')} />
          Embedded (no cluster)
        </label>
        <label className="toggle">
          <input type="radio" name={field('kind')} checked={kafka} onChange={() => set('kind', 'kafka')} />
          Kafka
        </label>
      </div>
      {kafka && (
        <div className="form-grid">
          <label htmlFor={field('profile')}>Profile</label>
          <select id={field('profile')} value={profileId} onChange={(e) => set('profileId', e.target.value)} disabled={profiles.length === 0}>
            {profiles.length === 0 && <option value="">No profiles yet</option>}
            {profiles.map((profile) => (
              <option key={profile.id} value={profile.id}>
                {profile.name}
              </option>
            ))}
          </select>
          <label htmlFor={field('topic')}>Topic</label>
          <input id={field('topic')} value={form.topic} onChange={(e) => set('topic', e.target.value)} spellCheck={false} />
          <span />
          <label className="toggle">
            <input type="checkbox" checked={form.createTopic} onChange={(e) => set('createTopic', e.target.checked)} />
            Create the topic if it is missing
          </label>
          <label htmlFor={field('start')}>Start from</label>
          <div className="inline-fields">
            <select id={field('start')} value={form.startFrom} onChange={(e) => set('startFrom', e.target.value as BusForm['startFrom'])}>
              <option value="earliest">Earliest</option>
              <option value="latest">Latest</option>
              <option value="timestamp">A point in time</option>
            </select>
            {form.startFrom === 'timestamp' && (
              <input type="datetime-local" aria-label="Start from time" value={form.timestamp} onChange={(e) => set('timestamp', e.target.value)} />
            )}
          </div>
          <label htmlFor={field('compression')}>Compression</label>
          <select id={field('compression')} value={form.compression} onChange={(e) => set('compression', e.target.value as BusForm['compression'])}>
            <option value="none">None</option>
            <option value="gzip">gzip</option>
          </select>
          <label htmlFor={field('rowsPerMessage')}>Rows per message</label>
          <div className="inline-fields">
            <select id={field('rowsPerMessage')} value={form.rowsPerMessage} onChange={(e) => set('rowsPerMessage', Number(e.target.value))}>
              {ROWS_PER_MESSAGE_CHOICES.map((count) => (
                <option key={count} value={count}>
                  {count === 1 ? '1 (one message per row)' : `Up to ${count} of one junction`}
                </option>
              ))}
            </select>
            {form.rowsPerMessage > 1 && <span className="muted">Faster; other consumers of the topic read JSON arrays of rows.</span>}
          </div>
        </div>
      )}
      <div className="editor-buttons">
        <button type="button" className="primary" onClick={() => void apply()} disabled={busy}>
          Use this bus
        </button>
        {message && (
          <span role={message.ok ? 'status' : 'alert'} className={message.ok ? 'muted' : 'dialog-error'} data-testid="bus-message">
            {message.text}
          </span>
        )}
      </div>
    </section>
  );
}
