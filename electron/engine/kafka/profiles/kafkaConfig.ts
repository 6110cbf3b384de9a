/**
 * Turns a saved profile (and its password and TLS client key from the SecretStore) into a kafkajs
 * client config. The bus and "Test connection" both start from here, so a profile means exactly one
 * thing everywhere. No file is read here: TLS material is content the user chose in the page.
 */
import type { KafkaConfig, LogEntry, SASLOptions } from 'kafkajs';
import { CommandError } from '../../../../shared/envelope';
import type { KafkaProfileDraft } from '../../../../shared/kafka/profileContract';
import type { KafkaProfileStore } from './profileStore';
import { KAFKA_LOG_LEVEL } from '../../bus';
import { redactValue } from './redactSecrets';
import type { SecretStore } from './secretStore';
import { tlsKeySecretId } from './tlsKeySecret';
import { tlsOptions } from './tlsMaterial';

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
  const clientKey = profile.tls.enabled && profile.tls.key ? await secrets.get(tlsKeySecretId(profile.id)) : null;
  return buildKafkaConfig(profile, password, clientKey);
}

/**
 * For a saved profile or an unsaved one from the dialog. `password` is needed when `sasl` is set,
 * `clientKeyPem` when the TLS settings name a client key.
 */
export async function buildKafkaConfig(
  profile: Omit<KafkaProfileDraft, 'id'>,
  password: string | null,
  clientKeyPem: string | null = null,
): Promise<KafkaConfig> {
  const secrets = [password, clientKeyPem].filter((secret): secret is string => secret !== null);
  const config: KafkaConfig = {
    brokers: [...profile.brokers],
    clientId: profile.clientId,
    connectionTimeout: DEFAULT_CONNECTION_TIMEOUT_MS,
    requestTimeout: DEFAULT_REQUEST_TIMEOUT_MS,
    retry: { ...DEFAULT_RETRY },
    logLevel: KAFKA_LOG_LEVEL.WARN,
    logCreator: redactingLogCreator(secrets),
  };
  if (profile.tls.enabled) config.ssl = tlsOptions(profile.tls, clientKeyPem);
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
