import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { connect, createServer, type ConnectionOptions, type TLSSocket } from 'node:tls';
import type { KafkaProfile, KafkaProfileDraft } from '../../../../shared/kafka/profileContract';
import { makeThrowawayPki, opensslAvailable, type ThrowawayPki } from '../testing/throwawayPki';
import { buildKafkaConfig, kafkaConfigFor } from './kafkaConfig';
import { KafkaProfileStore } from './profileStore';
import { MemorySecretStore } from './secretStore';
import { tlsKeySecretId } from './tlsKeySecret';

const base: KafkaProfileDraft = {
  name: 'Test',
  brokers: ['127.0.0.1:9092'],
  clientId: 'traffic-monitor',
  tls: { enabled: false, ca: null, cert: null, key: null, rejectUnauthorized: true },
  sasl: null,
};

/** Connects with `ssl` to a TLS server on 127.0.0.1 that requires a client certificate from the CA; the CN it saw. */
async function mutualTlsHandshake(pki: ThrowawayPki, ssl: ConnectionOptions): Promise<string> {
  const server = createServer({ cert: pki.serverCert, key: pki.serverKey, ca: [pki.ca], requestCert: true, rejectUnauthorized: true }, (socket: TLSSocket) => {
    socket.end(String(socket.getPeerCertificate().subject.CN));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const socket = connect({ ...ssl, host: '127.0.0.1', port: (server.address() as AddressInfo).port, rejectUnauthorized: true });
    let seen = '';
    socket.on('data', (chunk: Buffer) => (seen += chunk.toString()));
    await once(socket, 'end');
    return seen;
  } finally {
    server.close();
  }
}

describe('kafkaConfigFor / buildKafkaConfig', () => {
  let dir: string;
  let pki: ThrowawayPki;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kafka-config-'));
    if (opensslAvailable()) pki = makeThrowawayPki(dir);
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

  it.skipIf(!opensslAvailable())('turns a saved profile\'s CA and certificate and its stored key into kafkajs TLS options (throwaway CA)', async () => {
    const store = new KafkaProfileStore(null);
    const secrets = new MemorySecretStore();
    const tls: KafkaProfile['tls'] = {
      enabled: true,
      ca: { name: 'ca.pem', pem: pki.ca },
      cert: { name: 'client.pem', pem: pki.cert },
      key: { name: 'client.key', stored: true },
      rejectUnauthorized: false,
    };
    await store.put({ ...base, id: 'p', tls, sasl: null });
    await secrets.set(tlsKeySecretId('p'), pki.key);
    const ssl = (await kafkaConfigFor(store, secrets, 'p')).ssl as { ca: string[]; cert: string; key: string; rejectUnauthorized: boolean };
    expect(ssl).toEqual({ ca: [pki.ca], cert: pki.cert, key: pki.key, rejectUnauthorized: false });
    // The options do what kafkajs will ask of them: a mutual-TLS handshake with a server that trusts
    // only this CA's clients, which sees the client certificate's name.
    expect(await mutualTlsHandshake(pki, ssl)).toBe('traffic-monitor-client');

    await secrets.set(tlsKeySecretId('p'), null);
    await expect(kafkaConfigFor(store, secrets, 'p')).rejects.toThrow('The TLS client key "client.key" is not stored');
  });

  it.skipIf(!opensslAvailable())('names the file that is wrong: damaged, swapped, not matching, or protected by a passphrase', async () => {
    const tls = (overrides: Partial<KafkaProfileDraft['tls']>): KafkaProfileDraft['tls'] => ({ ...base.tls, enabled: true, ...overrides });
    const damaged = '-----BEGIN CERTIFICATE-----\nTm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n';
    await expect(buildKafkaConfig({ ...base, tls: tls({ ca: { name: 'ca.pem', pem: damaged } }) }, null)).rejects.toThrow(
      'The TLS CA certificate "ca.pem" is damaged: its certificate cannot be read.',
    );
    await expect(buildKafkaConfig({ ...base, tls: tls({ ca: { name: 'bundle.pem', pem: pki.ca + damaged } }) }, null)).rejects.toThrow(
      'The TLS CA certificate "bundle.pem" is damaged: certificate 2 of 2 cannot be read.',
    );
    await expect(buildKafkaConfig({ ...base, tls: tls({ ca: { name: 'client.key', pem: pki.key } }) }, null)).rejects.toThrow(
      'The TLS CA certificate "client.key" holds no certificate (no "BEGIN CERTIFICATE" block) (it holds a private key: choose it as the client key).',
    );
    const mutual = tls({ cert: { name: 'client.pem', pem: pki.cert }, key: { name: 'key.pem' } });
    await expect(buildKafkaConfig({ ...base, tls: mutual }, null, pki.cert)).rejects.toThrow(
      'The TLS client key "key.pem" holds no private key (no "BEGIN … PRIVATE KEY" block) (it holds a certificate: choose it as the client certificate).',
    );
    await expect(buildKafkaConfig({ ...base, tls: mutual }, null, pki.otherKey)).rejects.toThrow(
      'The TLS client key "key.pem" does not belong to the client certificate "client.pem".',
    );
    const encrypted = join(dir, 'encrypted.key');
    execFileSync('openssl', ['pkey', '-in', pki.keyPath, '-aes256', '-passout', 'pass:secret', '-out', encrypted]);
    await expect(buildKafkaConfig({ ...base, tls: mutual }, null, readFileSync(encrypted, 'utf8'))).rejects.toThrow(/"key.pem" is protected by a passphrase/);
    await expect(buildKafkaConfig({ ...base, tls: tls({ cert: { name: 'client.pem', pem: pki.cert } }) }, null)).rejects.toThrow(
      'A TLS client certificate needs its key',
    );
  });

  it('uses TLS with the system CAs when enabled without files', async () => {
    expect((await buildKafkaConfig({ ...base, tls: { ...base.tls, enabled: true } }, null)).ssl).toEqual({ rejectUnauthorized: true });
  });

  it('puts the stored password into SASL options, and says so plainly when it is missing', async () => {
    const store = new KafkaProfileStore(null);
    const secrets = new MemorySecretStore();
    await store.put({ ...base, id: 'p', tls: { ...base.tls, key: null }, sasl: { mechanism: 'scram-sha-512', username: 'app', passwordStored: true } });
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
