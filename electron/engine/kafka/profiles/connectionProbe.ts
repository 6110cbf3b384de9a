/**
 * The profile dialog's "Test connection": connect as an admin client, ask the cluster for its
 * brokers, disconnect, and answer in plain words. Trouble is the answer, never an exception, and
 * never carries a secret.
 */
import type { KafkaConfig } from 'kafkajs';
import { KAFKA_LOG_LEVEL, loadKafkajs } from '../../bus';
import type { ConnectionOptions } from 'node:tls';
import type { ConnectionTestResult } from '../../../../shared/kafka/profileContract';
import { describeApiVersions, probeApiVersions } from './apiVersionsProbe';
import { classifyKafkaError } from './classifyKafkaError';
import { redactText } from './redactSecrets';
import { closingAnyway } from '../../supervision';

/** Short enough that the dialog answers within seconds, long enough for a cluster across a WAN. */
export const CONNECTION_PROBE_OVERRIDES = {
  connectionTimeout: 3_000,
  requestTimeout: 10_000,
  retry: { retries: 1, initialRetryTime: 300, maxRetryTime: 1_000 },
} as const satisfies Partial<KafkaConfig>;

const VERSION_PROBE_TIMEOUT_MS = 2_000;

export async function probeConnection(config: KafkaConfig): Promise<ConnectionTestResult> {
  const started = Date.now();
  const brokers = Array.isArray(config.brokers) ? config.brokers : [];
  const secrets = secretsOf(config);
  // The result says what went wrong; kafkajs's own retry chatter would only repeat it in the log.
  const { Kafka } = await loadKafkajs();
  const admin = new Kafka({ ...config, logLevel: KAFKA_LOG_LEVEL.NOTHING }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    const seed = cluster.brokers[0];
    const versions = seed
      ? await probeApiVersions(seed, { clientId: config.clientId ?? 'traffic-monitor', ssl: sslOptions(config.ssl), timeoutMs: VERSION_PROBE_TIMEOUT_MS })
      : null;
    const count = cluster.brokers.length;
    const result: ConnectionTestResult = {
      status: 'connected',
      message: redactText(`${brokers[0] ?? 'The cluster'} answered: ${count} ${count === 1 ? 'broker' : 'brokers'} in cluster ${cluster.clusterId}.`, secrets),
      brokers: count,
      elapsedMs: Date.now() - started,
    };
    if (versions) result.version = describeApiVersions(versions);
    return result;
  } catch (error) {
    const { status, message } = classifyKafkaError(error, { brokers, tls: Boolean(config.ssl), sasl: Boolean(config.sasl), secrets });
    return { status, message, elapsedMs: Date.now() - started };
  } finally {
    await admin.disconnect().catch(closingAnyway);
  }
}

function sslOptions(ssl: KafkaConfig['ssl']): ConnectionOptions | null {
  if (!ssl) return null;
  return ssl === true ? {} : ssl;
}

function secretsOf(config: KafkaConfig): string[] {
  const sasl = config.sasl as { password?: unknown } | undefined;
  return typeof sasl?.password === 'string' ? [sasl.password] : [];
}
