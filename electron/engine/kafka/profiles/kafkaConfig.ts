/**
 * Turns a saved profile (and its password from the SecretStore) into a kafkajs client config. The
 * bus and "Test connection" both start from here, so a profile means exactly one thing everywhere.
 */
import type { ConnectionOptions } from 'node:tls';
import type { KafkaConfig, LogEntry, SASLOptions } from 'kafkajs';
import { CommandError } from '../../../../shared/envelope';
import type { KafkaProfileDraft } from '../../../../shared/kafka/profileContract';
import type { KafkaProfileStore } from './profileStore';
import { KAFKA_LOG_LEVEL } from '../kafkajsModule';
import { CappedReadError, MB, readCappedText } from '../../settings/cappedFile';
import { redactValue } from './redactSecrets';
import type { SecretStore } from './secretStore';

export type { KafkaConfig } from 'kafkajs';

/** A broker that does not answer a connect within this long counts as unreachable for that try. */
export const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_RETRY = { retries: 5, initialRetryTime: 300, maxRetryTime: 30_000 } as const;

export async function kafkaConfigFor(store: KafkaProfileStore, secrets: SecretStore, profileId: string): Promise<KafkaConfig> {
  const profile = await store.get(profileId);
  if (!profile) throw new CommandError('INVALID_ARGS', `There is no Kafka profile with id ${profileId}; it may have been deleted.`);
  const password = profile.sasl ? await secrets.get(profile.id) : null;
  if (profile.sasl && password === null) {
    throw new CommandError('INVALID_ARGS', `The Kafka profile "${profile.name}" uses SASL but has no stored password; enter it in Settings → Kafka.`);
  }
  return buildKafkaConfig(profile, password);
}

/** For a saved profile or an unsaved one from the dialog. `password` is needed when `sasl` is set. */
export async function buildKafkaConfig(profile: Omit<KafkaProfileDraft, 'id'>, password: string | null): Promise<KafkaConfig> {
  const config: KafkaConfig = {
    brokers: [...profile.brokers],
    clientId: profile.clientId,
    connectionTimeout: DEFAULT_CONNECTION_TIMEOUT_MS,
    requestTimeout: DEFAULT_REQUEST_TIMEOUT_MS,
    retry: { ...DEFAULT_RETRY },
    logLevel: KAFKA_LOG_LEVEL.WARN,
    logCreator: redactingLogCreator(password === null ? [] : [password]),
  };
  if (profile.tls.enabled) config.ssl = await tlsOptions(profile.tls);
  if (profile.sasl) {
    if (password === null) throw new CommandError('INVALID_ARGS', 'Enter the SASL password (or turn SASL off).');
    config.sasl = saslOptions(profile.sasl.mechanism, profile.sasl.username, password);
  }
  return config;
}

function saslOptions(mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512', username: string, password: string): SASLOptions {
  // Written out per mechanism: kafkajs types each one separately.
  if (mechanism === 'plain') return { mechanism, username, password };
  if (mechanism === 'scram-sha-256') return { mechanism, username, password };
  return { mechanism, username, password };
}

async function tlsOptions(tls: KafkaProfileDraft['tls']): Promise<ConnectionOptions> {
  const options: ConnectionOptions = { rejectUnauthorized: tls.rejectUnauthorized };
  if (tls.caPath) options.ca = [await readPem(tls.caPath, 'CA certificate')];
  if (tls.certPath) options.cert = await readPem(tls.certPath, 'client certificate');
  if (tls.keyPath) options.key = await readPem(tls.keyPath, 'client key');
  if (Boolean(options.cert) !== Boolean(options.key)) {
    throw new CommandError('INVALID_ARGS', 'A client certificate needs its key and a key needs its certificate: give both files or neither.');
  }
  return options;
}

/** A certificate or key is a few kilobytes; a chain of them stays far below this. */
export const PEM_MAX_BYTES = MB;

async function readPem(path: string, what: string): Promise<string> {
  let text: string;
  try {
    text = await readCappedText(path, PEM_MAX_BYTES);
  } catch (error) {
    if (error instanceof CappedReadError) throw new CommandError('FILE_UNREADABLE', `Cannot read the TLS ${what} file ${path}: ${error.message}.`);
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new CommandError('FILE_UNREADABLE', `Cannot read the TLS ${what} file ${path}: ${why}.`);
  }
  if (!text.includes('-----BEGIN ')) throw new CommandError('FILE_UNREADABLE', `The TLS ${what} file ${path} is not PEM (no "-----BEGIN" line).`);
  return text;
}

/** kafkajs's own log lines, with secrets removed, to the process's stderr. */
export function redactingLogCreator(secrets: readonly string[]): NonNullable<KafkaConfig['logCreator']> {
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const { message, ...extra } = redactValue(log, secrets) as { message: string; [key: string]: unknown };
      const line = `[kafkajs ${namespace}] ${message} ${JSON.stringify(extra)}`;
      if (level === KAFKA_LOG_LEVEL.ERROR) console.error(line);
      else console.warn(line);
    };
}
