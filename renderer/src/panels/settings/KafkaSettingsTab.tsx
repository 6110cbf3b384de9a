/** Settings → Kafka: the saved connection profiles, the editor for one of them, and which bus the pipeline uses. */
import { useEffect, useState } from 'react';
import { BusSection } from './BusSection';
import { kafkaSettings, useKafkaSettings } from './kafkaSettingsStore';
import { ProfileEditor } from './ProfileEditor';
import { tlsSummary } from './tlsSummary';

/** null: nothing chosen; 'new': the editor for a new profile; else the id being edited. */
type Editing = null | 'new' | string;

export function KafkaSettingsTab(): React.JSX.Element {
  const profiles = useKafkaSettings((s) => s.profiles);
  const secretStorage = useKafkaSettings((s) => s.secretStorage);
  const loadError = useKafkaSettings((s) => s.loadError);
  const [editing, setEditing] = useState<Editing>(null);
  /** Bumped when the user picks a profile or adds one, not when a new profile is saved and gets its id. */
  const [editorSession, setEditorSession] = useState(0);
  const edit = (next: Editing): void => {
    setEditing(next);
    setEditorSession((session) => session + 1);
  };

  useEffect(() => {
    void kafkaSettings.refresh();
  }, []);

  const current = editing && editing !== 'new' ? (profiles.find((profile) => profile.id === editing) ?? null) : null;

  return (
    <div className="kafka-settings">
      <section className="kafka-profiles" aria-labelledby="kafka-profiles-title">
        <h3 id="kafka-profiles-title">Connection profiles</h3>
        {loadError && (
          <p role="alert" className="dialog-error">
            {loadError}
          </p>
        )}
        <ul className="profile-list" aria-label="Kafka profiles" data-testid="kafka-profile-list">
          {profiles.map((profile) => (
            <li key={profile.id}>
              <button type="button" aria-pressed={editing === profile.id} onClick={() => edit(profile.id)}>
                <span className="profile-name">{profile.name}</span>
                <span className="muted">{profile.brokers.join(', ')}</span>
                {profile.tls.enabled && <span className="muted profile-tls">{tlsSummary(profile.tls)}</span>}
              </button>
            </li>
          ))}
          {profiles.length === 0 && <li className="muted">No profiles yet.</li>}
        </ul>
        <button type="button" onClick={() => edit('new')}>
          Add profile
        </button>
        {secretStorage && (
          <p className="hint" data-testid="secret-storage">
            Passwords and TLS client keys are {secretStorage.description}.
          </p>
        )}
      </section>
      {editing !== null && (editing === 'new' || current) && (
        <ProfileEditor
          // A fresh editor per choice: no half-typed field of one profile leaks into another, while
          // saving a new profile keeps its editor (and the last test result) on screen.
          key={editorSession}
          profile={current}
          onSaved={(saved) => setEditing(saved.id)}
          onDeleted={() => edit(null)}
        />
      )}
      <BusSection />
    </div>
  );
}
