/**
 * The profile editor's form state and its translation to and from the contract. Brokers are edited
 * as one text (comma or line separated); the password field is write-only: empty means "keep the
 * stored one", and it is cleared after every save so it never lingers in the page.
 */
import type { KafkaProfile, KafkaProfileDraft, SaslMechanism } from '../../../../shared/kafka/profileContract';

export interface ProfileForm {
  id: string | null;
  name: string;
  brokers: string;
  clientId: string;
  tlsEnabled: boolean;
  caPath: string;
  certPath: string;
  keyPath: string;
  rejectUnauthorized: boolean;
  saslEnabled: boolean;
  mechanism: SaslMechanism;
  username: string;
  /** What the user typed; '' keeps a stored password. */
  password: string;
  passwordStored: boolean;
}

export const DEFAULT_CLIENT_ID = 'traffic-monitor';

export function emptyForm(): ProfileForm {
  return {
    id: null,
    name: '',
    brokers: '',
    clientId: DEFAULT_CLIENT_ID,
    tlsEnabled: false,
    caPath: '',
    certPath: '',
    keyPath: '',
    rejectUnauthorized: true,
    saslEnabled: false,
    mechanism: 'scram-sha-512',
    username: '',
    password: '',
    passwordStored: false,
  };
}

export function formFromProfile(profile: KafkaProfile): ProfileForm {
  return {
    id: profile.id,
    name: profile.name,
    brokers: profile.brokers.join(', '),
    clientId: profile.clientId,
    tlsEnabled: profile.tls.enabled,
    caPath: profile.tls.caPath ?? '',
    certPath: profile.tls.certPath ?? '',
    keyPath: profile.tls.keyPath ?? '',
    rejectUnauthorized: profile.tls.rejectUnauthorized,
    saslEnabled: profile.sasl !== null,
    mechanism: profile.sasl?.mechanism ?? 'scram-sha-512',
    username: profile.sasl?.username ?? '',
    password: '',
    passwordStored: profile.sasl?.passwordStored ?? false,
  };
}

export function parseBrokers(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((broker) => broker.trim())
    .filter(Boolean);
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** The draft to save or test; the engine validates it (and says which field is wrong). */
export function draftFromForm(form: ProfileForm): KafkaProfileDraft {
  return {
    ...(form.id ? { id: form.id } : {}),
    name: form.name.trim(),
    brokers: parseBrokers(form.brokers),
    clientId: form.clientId.trim() || DEFAULT_CLIENT_ID,
    tls: {
      enabled: form.tlsEnabled,
      caPath: orNull(form.caPath),
      certPath: orNull(form.certPath),
      keyPath: orNull(form.keyPath),
      rejectUnauthorized: form.rejectUnauthorized,
    },
    sasl: form.saslEnabled ? { mechanism: form.mechanism, username: form.username.trim() } : null,
  };
}

/** The password to send: only when SASL is on and the user typed one. */
export function passwordFromForm(form: ProfileForm): string | undefined {
  return form.saslEnabled && form.password !== '' ? form.password : undefined;
}
