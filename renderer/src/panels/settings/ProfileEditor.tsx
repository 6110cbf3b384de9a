/**
 * Edits one connection profile: brokers, client id, TLS files, SASL. "Test connection" tries what
 * the form holds (saved or not). The password is write-only: the field is empty with a "stored"
 * placeholder when the engine holds one, and it is emptied after every save. TLS files are chosen
 * with the file picker and sent as content; the client key, like the password, only as "stored".
 */
import { useId, useState } from 'react';
import { SASL_MECHANISMS, SASL_MECHANISM_LABELS, type ConnectionTestResult, type KafkaProfile, type SaslMechanism } from '../../../../shared/kafka/profileContract';
import { ExternalLink } from '../../widgets/ExternalLink';
import { ConnectionTestView } from './ConnectionTestView';
import { kafkaSettings } from './kafkaSettingsStore';
import { PemFileField } from './PemFileField';
import { emptyForm, formFromProfile, type ProfileForm } from './profileForm';

interface Props {
  /** null for a new profile. */
  profile: KafkaProfile | null;
  onSaved(profile: KafkaProfile): void;
  onDeleted(): void;
}

type TestState = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; result: ConnectionTestResult } | { kind: 'failed'; message: string };

export function ProfileEditor({ profile, onSaved, onDeleted }: Props): React.JSX.Element {
  const [form, setForm] = useState<ProfileForm>(() => (profile ? formFromProfile(profile) : emptyForm()));
  const [test, setTest] = useState<TestState>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const id = useId();

  const set = <K extends keyof ProfileForm>(key: K, value: ProfileForm[K]): void => {
    setForm((previous) => ({ ...previous, [key]: value }));
    setNotice(null);
  };

  const runTest = async (): Promise<void> => {
    setTest({ kind: 'running' });
    const outcome = await kafkaSettings.test(form);
    setTest(outcome.ok ? { kind: 'done', result: outcome.value } : { kind: 'failed', message: outcome.message });
  };

  const save = async (): Promise<void> => {
    setBusy(true);
    const outcome = await kafkaSettings.save(form);
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.message);
      return;
    }
    setError(null);
    setNotice('Saved.');
    setForm(formFromProfile(outcome.value)); // drops the typed password and the chosen key from the page
    onSaved(outcome.value);
  };

  const remove = async (): Promise<void> => {
    if (!form.id) return;
    setBusy(true);
    const outcome = await kafkaSettings.remove(form.id);
    setBusy(false);
    if (outcome.ok) onDeleted();
    else setError(outcome.message);
  };

  const field = (name: string): string => `${id}-${name}`;

  return (
    <section className="profile-editor" aria-label={profile ? `Edit profile ${profile.name}` : 'New profile'} data-testid="profile-editor">
      <h3>{profile ? `Profile “${profile.name}”` : 'New profile'}</h3>
      {profile?.notice && (
        <p role="alert" className="dialog-error" data-testid="profile-notice">
          {profile.notice}
        </p>
      )}
      <div className="form-grid">
        <label htmlFor={field('name')}>Name</label>
        <input id={field('name')} value={form.name} onChange={(e) => set('name', e.target.value)} placeholder="e.g. Production" />
        <label htmlFor={field('brokers')}>Bootstrap brokers</label>
        <input
          id={field('brokers')}
          value={form.brokers}
          onChange={(e) => set('brokers', e.target.value)}
          placeholder="host:port, host:port"
          spellCheck={false}
        />
        <label htmlFor={field('client')}>Client id</label>
        <input id={field('client')} value={form.clientId} onChange={(e) => set('clientId', e.target.value)} spellCheck={false} />
      </div>

      <fieldset>
        <legend>
          <label className="toggle">
            <input type="checkbox" checked={form.tlsEnabled} onChange={(e) => set('tlsEnabled', e.target.checked)} />
            TLS
          </label>
        </legend>
        {form.tlsEnabled && (
          <div className="form-grid">
            <span>CA certificate (PEM)</span>
            <PemFileField
              label="CA certificate"
              kind="certificate"
              emptyText="none: the system's trusted CAs"
              value={form.ca}
              testId="tls-ca"
              onChosen={(name, pem) => set('ca', { name, pem })}
              onRemoved={() => set('ca', null)}
            />
            <span>Client certificate (PEM)</span>
            <PemFileField
              label="Client certificate"
              kind="certificate"
              emptyText="none (optional, for mutual TLS)"
              value={form.cert}
              testId="tls-cert"
              onChosen={(name, pem) => set('cert', { name, pem })}
              onRemoved={() => set('cert', null)}
            />
            <span>Client key (PEM)</span>
            <PemFileField
              label="Client key"
              kind="key"
              emptyText="none (goes with the client certificate)"
              value={form.key}
              testId="tls-key"
              onChosen={(name, pem) => set('key', { name, pem, stored: false })}
              onRemoved={() => set('key', null)}
            />
            <span />
            <label className="toggle">
              <input type="checkbox" checked={form.rejectUnauthorized} onChange={(e) => set('rejectUnauthorized', e.target.checked)} />
              Verify the broker's certificate
            </label>
          </div>
        )}
      </fieldset>

      <fieldset>
        <legend>
          <label className="toggle">
            <input type="checkbox" checked={form.saslEnabled} onChange={(e) => set('saslEnabled', e.target.checked)} />
            SASL authentication
          </label>
        </legend>
        {form.saslEnabled && (
          <div className="form-grid">
            <label htmlFor={field('mechanism')}>Mechanism</label>
            <select id={field('mechanism')} value={form.mechanism} onChange={(e) => set('mechanism', e.target.value as SaslMechanism)}>
              {SASL_MECHANISMS.map((mechanism) => (
                <option key={mechanism} value={mechanism}>
                  {SASL_MECHANISM_LABELS[mechanism]}
                </option>
              ))}
            </select>
            <label htmlFor={field('user')}>User name</label>
            <input id={field('user')} value={form.username} onChange={(e) => set('username', e.target.value)} autoComplete="off" spellCheck={false} />
            <label htmlFor={field('password')}>Password</label>
            <input
              id={field('password')}
              type="password"
              value={form.password}
              onChange={(e) => set('password', e.target.value)}
              placeholder={form.passwordStored ? 'stored (type to replace)' : ''}
              autoComplete="new-password"
              data-testid="sasl-password"
            />
          </div>
        )}
      </fieldset>

      <p className="muted security-help">
        Which TLS and SASL settings a cluster needs: see the <ExternalLink to="kafkaSecurity">Kafka security documentation</ExternalLink>.
      </p>

      {error && (
        <p role="alert" className="dialog-error">
          {error}
        </p>
      )}
      <div className="editor-buttons">
        <button type="button" onClick={() => void runTest()} disabled={test.kind === 'running'}>
          Test connection
        </button>
        {form.id && (
          <button type="button" className="danger" onClick={() => void remove()} disabled={busy}>
            Delete
          </button>
        )}
        <button type="button" className="primary" onClick={() => void save()} disabled={busy}>
          Save profile
        </button>
        {notice && (
          <span role="status" className="muted">
            {notice}
          </span>
        )}
      </div>
      {test.kind !== 'idle' && <ConnectionTestView state={test} />}
    </section>
  );
}
