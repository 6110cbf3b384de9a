/**
 * "Watch a Kafka topic": a profile, a topic (typed, with the cluster's topics as suggestions), where
 * to start and how messages are written. Start sends `monitor:start`; the engine then presents the
 * topic as the open file, so the feed, threshold and column panels work as they do for a CSV.
 */
import { useEffect, useId, useState } from 'react';
import { MONITOR_FORMATS } from '../../../../shared/kafka/busContract';
import type { KafkaProfile } from '../../../../shared/kafka/profileContract';
import { monitorActions } from './monitorActions';
import { emptyMonitorForm, FORMAT_LABELS, monitorRequestFromForm, type MonitorForm } from './monitorForm';
import { useModalDialog } from '../../widgets/useModalDialog';

interface Props {
  /** Pre-filled values, e.g. the topic whose row was clicked. */
  initial?: Partial<MonitorForm>;
  onClose(): void;
  /** Offered when there is no profile yet; absent, the dialog only says where to create one. */
  onOpenSettings?(): void;
}

type Profiles = { status: 'loading' } | { status: 'done'; profiles: KafkaProfile[] } | { status: 'error'; message: string };
type Suggestions = { profileId: string; topics: string[]; error: string | null };

export function MonitorDialog({ initial, onClose, onOpenSettings }: Props): React.JSX.Element {
  const [form, setForm] = useState<MonitorForm>(() => ({ ...emptyMonitorForm(), ...initial }));
  const [profiles, setProfiles] = useState<Profiles>({ status: 'loading' });
  const [suggestions, setSuggestions] = useState<Suggestions | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useModalDialog();
  const id = useId();
  const field = (name: string): string => `${id}-${name}`;

  useEffect(() => {
    let live = true;
    void monitorActions.listProfiles().then((outcome) => {
      if (live) setProfiles(outcome.ok ? { status: 'done', profiles: outcome.value } : { status: 'error', message: outcome.message });
    });
    return () => {
      live = false;
    };
  }, []);

  const list = profiles.status === 'done' ? profiles.profiles : [];
  // A remembered profile that no longer exists (or none chosen yet) falls back to the first one listed.
  const profileId = list.some((profile) => profile.id === form.profileId) ? form.profileId : (list[0]?.id ?? '');

  // Suggestions follow the chosen profile; a slow answer for a profile no longer chosen is dropped.
  useEffect(() => {
    if (!profileId) return;
    let live = true;
    void monitorActions.listTopics(profileId).then((outcome) => {
      if (!live) return;
      setSuggestions(
        outcome.ok
          ? { profileId, topics: outcome.value.map((topic) => topic.name).filter((name) => !name.startsWith('__')).sort(), error: null }
          : { profileId, topics: [], error: outcome.message },
      );
    });
    return () => {
      live = false;
    };
  }, [profileId]);

  const set = <K extends keyof MonitorForm>(key: K, value: MonitorForm[K]): void => {
    setForm((previous) => ({ ...previous, [key]: value }));
    setError(null);
  };

  const start = async (): Promise<void> => {
    const checked = monitorRequestFromForm({ ...form, profileId });
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    setError(null);
    setBusy(true);
    const outcome = await monitorActions.start(checked.request);
    setBusy(false);
    if (outcome.ok) onClose();
    else setError(outcome.message);
  };

  const current = suggestions?.profileId === profileId ? suggestions : null;
  const noProfiles = profiles.status === 'done' && list.length === 0;

  return (
    <dialog ref={dialog} className="schema-dialog monitor-dialog" aria-labelledby={field('title')} onCancel={onClose} data-testid="monitor-dialog">
      <h2 id={field('title')}>Watch a Kafka topic</h2>
      <p className="hint">Watch a topic that others write (JSON objects or CSV lines). The columns are inferred from the first messages and can be corrected like a file's.</p>
      {profiles.status === 'loading' && <p className="muted">Loading profiles…</p>}
      {profiles.status === 'error' && (
        <p role="alert" className="dialog-error">
          Could not load the Kafka profiles: {profiles.message}
        </p>
      )}
      {noProfiles ? (
        <div className="monitor-no-profile" data-testid="monitor-no-profile">
          <p>Create a Kafka profile in Settings first.</p>
          {onOpenSettings && (
            <button type="button" className="primary" onClick={onOpenSettings}>
              Open Settings
            </button>
          )}
        </div>
      ) : (
        <form
          className="monitor-form"
          onSubmit={(event) => {
            event.preventDefault();
            void start();
          }}
        >
          <label htmlFor={field('profile')}>Profile</label>
          <select id={field('profile')} value={profileId} onChange={(event) => set('profileId', event.target.value)} disabled={list.length === 0}>
            {list.map((profile) => (
              <option key={profile.id} value={profile.id}>
                {profile.name}
              </option>
            ))}
          </select>
          <label htmlFor={field('topic')}>Topic</label>
          <div className="monitor-topic">
            <input
              id={field('topic')}
              value={form.topic}
              list={field('topics')}
              onChange={(event) => set('topic', event.target.value)}
              spellCheck={false}
              autoComplete="off"
              required
            />
            <datalist id={field('topics')}>
              {current?.topics.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
            {current?.error && (
              <span className="muted" data-testid="monitor-topics-error">
                No suggestions: {current.error}
              </span>
            )}
          </div>
          <label htmlFor={field('start')}>Start from</label>
          <div className="monitor-inline">
            <select id={field('start')} value={form.startFrom} onChange={(event) => set('startFrom', event.target.value as MonitorForm['startFrom'])}>
              <option value="earliest">Earliest message</option>
              <option value="latest">Latest (new messages only)</option>
              <option value="timestamp">A point in time</option>
            </select>
            {form.startFrom === 'timestamp' && (
              <input type="datetime-local" step={1} aria-label="Start from time" value={form.timestamp} onChange={(event) => set('timestamp', event.target.value)} />
            )}
          </div>
          <label htmlFor={field('format')}>Messages are</label>
          <select id={field('format')} value={form.format} onChange={(event) => set('format', event.target.value as MonitorForm['format'])}>
            {MONITOR_FORMATS.map((format) => (
              <option key={format} value={format}>
                {FORMAT_LABELS[format]}
              </option>
            ))}
          </select>
          {/* Enter in any field starts, like the Start button. */}
          <button type="submit" hidden />
        </form>
      )}
      {error && (
        <p role="alert" className="dialog-error" data-testid="monitor-error">
          {error}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        {!noProfiles && (
          <button type="button" className="primary" onClick={() => void start()} disabled={busy || profiles.status !== 'done'}>
            {busy ? 'Starting…' : 'Start'}
          </button>
        )}
      </div>
    </dialog>
  );
}
