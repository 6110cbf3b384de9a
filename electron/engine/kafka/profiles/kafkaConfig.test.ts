import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KafkaProfileDraft } from '../../../../shared/kafka/profileContract';
import { buildKafkaConfig, kafkaConfigFor } from './kafkaConfig';
import { KafkaProfileStore } from './profileStore';
import { MemorySecretStore } from './secretStore';

const base: KafkaProfileDraft = {
  name: 'Test',
  brokers: ['127.0.0.1:9092'],
  clientId: 'traffic-monitor',
  tls: { enabled: false, caPath: null, certPath: null, keyPath: null, rejectUnauthorized: true },
  sasl: null,
};

const opensslAvailable = spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0;

describe('kafkaConfigFor / buildKafkaConfig', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kafka-config-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('builds brokers, client id, timeouts and retries for a plain profile', async () => {
    const config = await buildKafkaConfig(base, null);
    expect(config).toMatchObject({ brokers: ['127.0.0.1:9092'], clientId: 'traffic-monitor', connectionTimeout: 5000, requestTimeout: 30000 });
    expect(config.retry?.retries).toBeGreaterThan(0);
    expect(config.ssl).toBeUndefined();
    expect(config.sasl).toBeUndefined();
  });

  it.skipIf(!opensslAvailable)('reads CA, certificate and key files of a TLS profile (throwaway self-signed certificate)', async () => {
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' });
    expect(made.status).toBe(0);
    const config = await buildKafkaConfig({ ...base, tls: { enabled: true, caPath: cert, certPath: cert, keyPath: key, rejectUnauthorized: false } }, null);
    const ssl = config.ssl as { ca: string[]; cert: string; key: string; rejectUnauthorized: boolean };
    expect(ssl.ca[0]).toContain('-----BEGIN CERTIFICATE-----');
    expect(ssl.cert).toContain('-----BEGIN CERTIFICATE-----');
    expect(ssl.key).toContain('PRIVATE KEY-----');
    expect(ssl.rejectUnauthorized).toBe(false);
  });

  it('names the file when a TLS file is missing or not PEM', async () => {
    const missing = join(dir, 'nope', 'ca.pem');
    await expect(buildKafkaConfig({ ...base, tls: { ...base.tls, enabled: true, caPath: missing } }, null)).rejects.toThrow(
      `Cannot read the TLS CA certificate file ${missing}: there is no such file.`,
    );
    const garbage = join(dir, 'garbage.pem');
    await writeFile(garbage, 'hello');
    await expect(buildKafkaConfig({ ...base, tls: { ...base.tls, enabled: true, certPath: garbage, keyPath: garbage } }, null)).rejects.toThrow(
      `The TLS client certificate file ${garbage} is not PEM`,
    );
    await expect(buildKafkaConfig({ ...base, tls: { ...base.tls, enabled: true, keyPath: dir } }, null)).rejects.toThrow(/it is a folder/);
  });

  it('uses TLS with the system CAs when enabled without files', async () => {
    expect((await buildKafkaConfig({ ...base, tls: { ...base.tls, enabled: true } }, null)).ssl).toEqual({ rejectUnauthorized: true });
  });

  it('puts the stored password into SASL options, and says so plainly when it is missing', async () => {
    const store = new KafkaProfileStore(null);
    const secrets = new MemorySecretStore();
    await store.put({ ...base, id: 'p', sasl: { mechanism: 'scram-sha-512', username: 'app', passwordStored: true } });
    await expect(kafkaConfigFor(store, secrets, 'p')).rejects.toThrow(/has no stored password/);
    await secrets.set('p', 'hunter2');
    const config = await kafkaConfigFor(store, secrets, 'p');
    expect(config.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'app', password: 'hunter2' });
    await expect(kafkaConfigFor(store, secrets, 'gone')).rejects.toThrow(/no Kafka profile with id gone/);
  });

  it('keeps the password out of kafkajs log lines', async () => {
    const config = await buildKafkaConfig({ ...base, sasl: { mechanism: 'plain', username: 'app' } }, 'hunter2');
    const lines: string[] = [];
    const original = console.warn;
    console.warn = (line: string) => lines.push(line);
    try {
      config.logCreator!(2)({ namespace: 'Connection', level: 2, label: 'WARN', log: { timestamp: 'now', message: 'failed with hunter2', sasl: { password: 'hunter2' }, other: 'x hunter2 y' } });
    } finally {
      console.warn = original;
    }
    expect(lines.join('\n')).not.toContain('hunter2');
    expect(lines.join('\n')).toContain('[redacted]');
  });
});
