/**
 * "Test connection" against a real broker with security on (issue 21): SASL_SSL with SCRAM-SHA-512
 * and PLAIN, and TLS with a client certificate, all made by keytool in this test. The app's profiles
 * connect; a wrong password, an untrusted certificate and a plaintext client on the TLS port each get
 * the plain-words answer the Settings page promises, and no answer carries a password.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROKER_HOOK_TIMEOUT_MS, externalBrokers, localKafkaAvailable, WHY_NO_KAFKA } from '../testing/localKafkaBroker';
import { PLAIN_USER, SCRAM_USER, startSecuredKafka, type SecuredKafka } from '../testing/securedKafka';
import { buildKafkaConfig, type KafkaConfig } from './kafkaConfig';
import { probeConnection } from './connectionProbe';
import { jsonCodec } from '../../bus/jsonCodec';
import { KafkaBus } from '../../bus/kafka/kafkaBus';

const FAST = { connectionTimeout: 3_000, requestTimeout: 10_000, retry: { retries: 0 } } satisfies Partial<KafkaConfig>;
// A broker of our own with our certificates: KAFKA_BROKERS's cluster has its own security.
const runnable = externalBrokers() === null && localKafkaAvailable();

/** TLS as the profile editor gives it: the files' content, chosen in the page (the key travels apart, as a secret). */
type Tls = { enabled: boolean; ca: { name: string; pem: string } | null; cert: { name: string; pem: string } | null; key: { name: string } | null; rejectUnauthorized: boolean };
const pemOf = (path: string): { name: string; pem: string } => ({ name: basename(path), pem: readFileSync(path, 'utf8') });
const draft = (brokers: string[], tls: Tls, sasl: { mechanism: 'plain' | 'scram-sha-512'; username: string } | null = null) => ({
  name: 'Secured',
  brokers,
  clientId: 'traffic-monitor-test',
  tls,
  sasl,
});

describe.runIf(runnable)('Test connection against a broker with SASL_SSL and mutual TLS', () => {
  let dir: string;
  let kafka: SecuredKafka;
  let trusted: Tls;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kafka-secured-'));
    kafka = await startSecuredKafka(dir);
    trusted = { enabled: true, ca: pemOf(kafka.files.ca), cert: null, key: null, rejectUnauthorized: true };
  }, BROKER_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    await kafka?.broker.stop();
    rmSync(dir, { recursive: true, force: true });
  }, BROKER_HOOK_TIMEOUT_MS);

  const check = async (profile: ReturnType<typeof draft>, password: string | null, clientKeyPem: string | null = null) =>
    probeConnection({ ...(await buildKafkaConfig(profile, password, clientKeyPem)), ...FAST });

  const scram = { mechanism: 'scram-sha-512' as const, username: SCRAM_USER.username };

  it('a profile with SCRAM-SHA-512 over SASL_SSL, trusting the test CA, connects; so does one with PLAIN', async () => {
    const viaScram = await check(draft([kafka.saslSsl], trusted, scram), SCRAM_USER.password);
    expect(viaScram.status).toBe('connected');
    expect(viaScram.brokers).toBe(1);
    // The cluster id the storage tool wrote into the broker's log directory.
    expect(viaScram.message).toBe(`${kafka.saslSsl} answered: 1 broker in cluster ${kafka.broker.clusterId()}.`);
    const viaPlain = await check(draft([kafka.saslSsl], trusted, { mechanism: 'plain', username: PLAIN_USER.username }), PLAIN_USER.password);
    expect(viaPlain.status).toBe('connected');
  });

  it('a profile with the client certificate and key connects to the listener that requires them', async () => {
    const key = pemOf(kafka.files.key);
    const result = await check(draft([kafka.mutualTls], { ...trusted, cert: pemOf(kafka.files.cert), key: { name: key.name } }), null, key.pem);
    expect(result.status).toBe('connected');
    expect(result.message).toContain(kafka.broker.clusterId());
  });

  // The replay's producer is another client library than the admin and the consumer
  // (platformaticSender.ts): each listener's security must hold for it as well.
  for (const listener of ['SCRAM-SHA-512', 'PLAIN', 'client certificate'] as const)
  it(`rows produced through the ${listener} listener are read back, every one, by the app's consumer`, async () => {
    const key = pemOf(kafka.files.key);
    const config =
      listener === 'client certificate'
        ? await buildKafkaConfig(draft([kafka.mutualTls], { ...trusted, cert: pemOf(kafka.files.cert), key: { name: key.name } }), null, key.pem)
        : listener === 'PLAIN'
          ? await buildKafkaConfig(draft([kafka.saslSsl], trusted, { mechanism: 'plain', username: PLAIN_USER.username }), PLAIN_USER.password)
          : await buildKafkaConfig(draft([kafka.saslSsl], trusted, scram), SCRAM_USER.password);
    const bus = new KafkaBus<{ seq: number }>({ config: { ...config, ...FAST, retry: { retries: 3 } }, codec: jsonCodec<{ seq: number }>() });
    const topic = `secured-${listener.replace(/\W+/g, '-')}-${Date.now()}`;
    try {
      await bus.createTopic(topic, { partitions: 2 });
      await bus.produce(topic, Array.from({ length: 300 }, (_, seq) => ({ key: `J${seq % 5}`, value: { seq } })));
      const consumer = await bus.consumer({ groupId: `${topic}-group`, topic, start: { kind: 'earliest' } });
      const seqs: number[] = [];
      const deadline = Date.now() + 20_000;
      while (seqs.length < 300 && Date.now() < deadline) seqs.push(...(await consumer.poll(1000, 200)).map((message) => message.value.seq));
      await consumer.close();
      expect(seqs.sort((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, seq) => seq));
    } finally {
      await bus.close();
    }
  }, 60_000);

  it('a wrong password is auth-failed, in plain words, and neither password appears in the answer', async () => {
    const wrong = 'Not-the-Password-789';
    const result = await check(draft([kafka.saslSsl], trusted, scram), wrong);
    expect(result.status).toBe('auth-failed');
    expect(result.message).toMatch(new RegExp(`^Authentication failed at ${kafka.saslSsl}: .*invalid credentials.*Check the user name, password and mechanism\\.$`));
    expect(JSON.stringify(result)).not.toContain(wrong);
    expect(JSON.stringify(result)).not.toContain(SCRAM_USER.password);
  });

  it('a broker certificate from a CA the profile does not trust is tls-failed, saying to give the CA file', async () => {
    const result = await check(draft([kafka.saslSsl], { ...trusted, ca: null }, scram), SCRAM_USER.password);
    expect(result.status).toBe('tls-failed');
    expect(result.message).toBe(`TLS failed with ${kafka.saslSsl}: the broker's certificate chain ends in a CA that is not trusted (give the CA file).`);
  });

  it('no client certificate where the listener requires one is tls-failed, in plain words rather than an OpenSSL alert', async () => {
    const result = await check(draft([kafka.mutualTls], trusted), null);
    expect(result.status).toBe('tls-failed');
    expect(result.message).toMatch(/^TLS failed with 127\.0\.0\.1:\d+: the broker refused the connection for want of a client certificate it trusts/);
    expect(result.message).not.toMatch(/SSL routines|alert number/);
  });

  it('a plaintext client on the TLS port is tls-failed, saying the port may expect TLS', async () => {
    const result = await check(draft([kafka.mutualTls], { ...trusted, enabled: false }), null);
    expect(result.status).toBe('tls-failed');
    expect(result.message).toBe(`TLS failed with ${kafka.mutualTls}: the broker closed the connection as soon as the client spoke without TLS (this port may expect TLS; turn TLS on, or use the plaintext listener's port).`);
  });
});

if (!runnable) {
  describe('Test connection against a broker with SASL_SSL and mutual TLS', () => {
    it.skip(externalBrokers() ? 'KAFKA_BROKERS is set: these need a broker of our own, with our certificates' : WHY_NO_KAFKA, () => undefined);
  });
}
