/**
 * The profile editor's form state and its translation to and from the contract. Brokers are edited
 * as one text (comma or line separated); the password field is write-only: empty means "keep the
 * stored one", and it is cleared after every save so it never lingers in the page. The TLS client
 * key is treated like the password: its content is in the form only between choosing and saving.
 */
import type { KafkaProfile, KafkaProfileDraft, PemFile, SavedPemFile, SaslMechanism } from '../../../../shared/kafka/profileContract';

/** The client key as the form knows it: its file's name, and its content only when just chosen. */
export interface ClientKeyChoice {
  name: string;
  /** The chosen file's PEM text; null means "the one the engine stores". */
  pem: string | null;
  /** The engine holds a key for this profile (false after a keychain change lost it). */
  stored: boolean;
}

export interface ProfileForm {
  id: string | null;
  name: string;
  brokers: string;
  clientId: string;
  tlsEnabled: boolean;
  /** A saved file carries the engine's description of it; a newly chosen one does not yet. */
  ca: SavedPemFile | null;
  cert: SavedPemFile | null;
  key: ClientKeyChoice | null;
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
    ca: null,
    cert: null,
    key: null,
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
    ca: profile.tls.ca,
    cert: profile.tls.cert,
    key: profile.tls.key ? { name: profile.tls.key.name, pem: null, stored: profile.tls.key.stored } : null,
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

/** What the draft carries of a file: the engine describes it again when it saves it. */
const contentOf = (file: SavedPemFile | null): PemFile | null => (file ? { name: file.name, pem: file.pem } : null);

/** The draft to save or test; the engine validates it (and says which field is wrong). */
export function draftFromForm(form: ProfileForm): KafkaProfileDraft {
  return {
    ...(form.id ? { id: form.id } : {}),
    name: form.name.trim(),
    brokers: parseBrokers(form.brokers),
    clientId: form.clientId.trim() || DEFAULT_CLIENT_ID,
    tls: {
      enabled: form.tlsEnabled,
      ca: contentOf(form.ca),
      cert: contentOf(form.cert),
      key: form.key ? { name: form.key.name } : null,
      rejectUnauthorized: form.rejectUnauthorized,
    },
    sasl: form.saslEnabled ? { mechanism: form.mechanism, username: form.username.trim() } : null,
  };
}

/** The password to send: only when SASL is on and the user typed one. */
export function passwordFromForm(form: ProfileForm): string | undefined {
  return form.saslEnabled && form.password !== '' ? form.password : undefined;
}

/** The client key's content to send: only when the user chose a file since the last save. */
export function clientKeyFromForm(form: ProfileForm): string | undefined {
  return form.key?.pem ?? undefined;
}
