/**
 * "Test connection" against real endpoints: a real Apache Kafka broker (one KRaft node started
 * here, or KAFKA_BROKERS), a closed port, and a TLS client on the broker's plaintext port.
 */
import { closedPort } from '../testing/closedPort';
import { describe, expect, it } from 'vitest';
import { useKafkaForThisFile } from '../testing/brokerPerFile';
import { externalBrokers, kafkaTestsCanRun, WHY_NO_KAFKA } from '../testing/localKafkaBroker';
import { classifyKafkaError } from './classifyKafkaError';
import { buildKafkaConfig, type KafkaConfig } from './kafkaConfig';
import { probeConnection } from './connectionProbe';

const PASSWORD = 'Tr0ub4dor&3-never-log-me';
const FAST = { connectionTimeout: 1_000, requestTimeout: 3_000, retry: { retries: 0 } } satisfies Partial<KafkaConfig>;

const draft = (brokers: string[]) => ({
  name: 'Test',
  brokers,
  clientId: 'traffic-monitor-test',
  tls: { enabled: false, ca: null, cert: null, key: null, rejectUnauthorized: true },
  sasl: null,
});


const canRun = kafkaTestsCanRun();
if (!canRun) console.warn(`Skipping the connection tests against a broker: ${WHY_NO_KAFKA}.`);

describe.skipIf(!canRun)('probeConnection against a Kafka broker', () => {
  const kafka = useKafkaForThisFile();

  it('answers connected with the broker count and what the API versions say', async () => {
    const result = await probeConnection({ ...(await buildKafkaConfig(draft(kafka().brokers), null)), ...FAST });
    expect(result.status).toBe('connected');
    // The local broker is one node; an external cluster has as many as it has.
    if (!externalBrokers()) expect(result.brokers).toBe(1);
    expect(result.message).toContain(kafka().brokers[0]);
    // Kafka 4.x answers Fetch up to v18 or more: at least what the table knows as 3.9.
    if (!externalBrokers()) expect(result.version).toMatch(/^Kafka ≥ 3\.9 \(\d+ APIs, Fetch v(1[89]|[2-9]\d)\)$/);
    else expect(result.version).toMatch(/^(Kafka ≥ |API versions)/);
  });

  it('a TLS client on the plaintext port is tls-failed, naming the broker', async () => {
    const config = await buildKafkaConfig({ ...draft(kafka().brokers.slice(0, 1)), tls: { ...draft([]).tls, enabled: true } }, null);
    const result = await probeConnection({ ...config, ...FAST });
    expect(result.status).toBe('tls-failed');
    expect(result.message).toContain(kafka().brokers[0]);
  });

  it('SASL against a listener without SASL is auth-failed, and the password appears nowhere', async () => {
    const config = await buildKafkaConfig({ ...draft(kafka().brokers), sasl: { mechanism: 'plain', username: 'app' } }, PASSWORD);
    const result = await probeConnection({ ...config, ...FAST });
    expect(result.status).toBe('auth-failed');
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });
});

describe('probeConnection without a cluster', () => {
  it('a closed port on 127.0.0.1 is unreachable, quickly', async () => {
    const port = await closedPort();
    const config = await buildKafkaConfig({ ...draft([`127.0.0.1:${port}`]), sasl: { mechanism: 'scram-sha-256', username: 'app' } }, PASSWORD);
    const result = await probeConnection({ ...config, ...FAST });
    expect(result.status).toBe('unreachable');
    expect(result.message).toBe(`Could not reach 127.0.0.1:${port}: connection refused (nothing listens on that port).`);
    expect(result.elapsedMs).toBeLessThan(5_000);
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });
});

/** Shapes as kafkajs 2.2 builds them (errors.js): the socket error wrapped, then wrapped by the retrier. */
function kafkajsError(name: string, message: string, extra: Record<string, unknown> = {}, cause?: unknown): Error {
  return Object.assign(new Error(message), { name, ...extra, ...(cause ? { cause } : {}) });
}
const context = { brokers: ['kafka-1:9093'], tls: false, sasl: false, secrets: [PASSWORD] };

describe('classifyKafkaError', () => {
  it('SASL authentication failures are auth-failed without the password', () => {
    const sasl = kafkajsError('KafkaJSSASLAuthenticationError', `SASL SCRAM SHA512 authentication failed: Authentication failed for user app (${PASSWORD})`);
    const result = classifyKafkaError(kafkajsError('KafkaJSNonRetriableError', sasl.message, {}, sasl), { ...context, sasl: true });
    expect(result.status).toBe('auth-failed');
    expect(result.message).toMatch(/^Authentication failed at kafka-1:9093: SASL SCRAM SHA512 authentication failed/);
    expect(result.message).not.toContain(PASSWORD);
  });

  it('a protocol SASL_AUTHENTICATION_FAILED is auth-failed', () => {
    const error = kafkajsError('KafkaJSProtocolError', 'Request is not valid given the current SASL state', { type: 'SASL_AUTHENTICATION_FAILED' });
    expect(classifyKafkaError(error, context).status).toBe('auth-failed');
  });

  it('certificate errors are tls-failed in plain words', () => {
    const socket = kafkajsError('Error', 'self-signed certificate', { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    const wrapped = kafkajsError('KafkaJSConnectionError', 'Connection error: self-signed certificate', { code: 'DEPTH_ZERO_SELF_SIGNED_CERT', broker: 'kafka-1:9093' });
    const result = classifyKafkaError(kafkajsError('KafkaJSNumberOfRetriesExceeded', wrapped.message, {}, wrapped), { ...context, tls: true });
    expect(result).toEqual({ status: 'tls-failed', message: 'TLS failed with kafka-1:9093: the broker presents a self-signed certificate (give its CA file).' });
    expect(classifyKafkaError(socket, context).status).toBe('tls-failed');
    const hostname = kafkajsError('KafkaJSConnectionError', "Connection error: Hostname/IP does not match certificate's altnames", { code: 'ERR_TLS_CERT_ALTNAME_INVALID', broker: 'kafka-1:9093' });
    expect(classifyKafkaError(hostname, { ...context, tls: true }).message).toMatch(/certificate is for another host name/);
  });

  it('DNS failures and timeouts are unreachable', () => {
    const dns = kafkajsError('KafkaJSConnectionError', 'Connection error: getaddrinfo ENOTFOUND kafka-1', { code: 'ENOTFOUND', broker: 'kafka-1:9093' });
    expect(classifyKafkaError(dns, context)).toEqual({ status: 'unreachable', message: 'Could not reach kafka-1:9093: the host name is unknown (DNS found no such host).' });
    const timeout = kafkajsError('KafkaJSConnectionError', 'Connection timeout', { broker: 'kafka-1:9093' });
    expect(classifyKafkaError(timeout, context).status).toBe('unreachable');
  });

  it('anything else is error, with the server\'s words', () => {
    const error = kafkajsError('KafkaJSProtocolError', 'Not authorized to access cluster', { type: 'CLUSTER_AUTHORIZATION_FAILED' });
    expect(classifyKafkaError(error, context)).toEqual({ status: 'error', message: 'The cluster at kafka-1:9093 answered with an error: Not authorized to access cluster.' });
  });
});
