import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KafkaProfileDraft } from '../../../../shared/kafka/profileContract';
import { Engine } from '../../engine';
import { FileSecretStore } from './fileSecretStore';
import { createKafkaProfileHandlers, type KafkaProfileHandlers } from './profileHandlers';
import { KafkaProfileStore } from './profileStore';

const PASSWORD = 'pa55-w0rd-that-must-stay-secret';

const draft = (overrides: Partial<KafkaProfileDraft> = {}): KafkaProfileDraft => ({
  name: 'Production',
  brokers: ['127.0.0.1:1'],
  clientId: 'traffic-monitor',
  tls: { enabled: false, ca: null, cert: null, key: null, rejectUnauthorized: true },
  sasl: { mechanism: 'scram-sha-256', username: 'app' },
  ...overrides,
});

describe('kafkaProfile:* handlers', () => {
  let dir: string;
  let handlers: KafkaProfileHandlers;
  let secrets: FileSecretStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kafka-handlers-'));
    secrets = new FileSecretStore(dir);
    handlers = createKafkaProfileHandlers({ profiles: new KafkaProfileStore(dir), secrets, testOverrides: { retry: { retries: 0 }, connectionTimeout: 1000 } });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('saves a profile with a password that never comes back and never lands in kafka-profiles.json', async () => {
    const saved = await handlers['kafkaProfile:save']({ profile: draft(), password: PASSWORD });
    expect(saved.sasl).toEqual({ mechanism: 'scram-sha-256', username: 'app', passwordStored: true });
    const listed = await handlers['kafkaProfile:list']({});
    expect(listed.profiles).toEqual([saved]);
    expect(listed.secretStorage.kind).toBe('file');
    expect(JSON.stringify([saved, listed])).not.toContain(PASSWORD);
    expect(await readFile(join(dir, 'kafka-profiles.json'), 'utf8')).not.toContain(PASSWORD);
    expect(await secrets.get(saved.id)).toBe(PASSWORD);
  });

  it('keeps the stored password when a save leaves it out, and forgets it when SASL is turned off', async () => {
    const saved = await handlers['kafkaProfile:save']({ profile: draft(), password: PASSWORD });
    const renamed = await handlers['kafkaProfile:save']({ profile: { ...draft({ name: 'Prod' }), id: saved.id } });
    expect(renamed.sasl?.passwordStored).toBe(true);
    expect(await secrets.get(saved.id)).toBe(PASSWORD);
    const plain = await handlers['kafkaProfile:save']({ profile: { ...draft({ sasl: null }), id: saved.id } });
    expect(plain.sasl).toBeNull();
    expect(await secrets.get(saved.id)).toBeNull();
  });

  it('refuses a second profile with the same name and an unknown id', async () => {
    await handlers['kafkaProfile:save']({ profile: draft() });
    await expect(handlers['kafkaProfile:save']({ profile: draft({ name: 'production' }) })).rejects.toThrow(/already exists/);
    await expect(handlers['kafkaProfile:save']({ profile: { ...draft(), id: 'nope' } })).rejects.toThrow(/no Kafka profile with id nope/);
  });

  it('delete removes the profile and its secret', async () => {
    const saved = await handlers['kafkaProfile:save']({ profile: draft(), password: PASSWORD });
    await handlers['kafkaProfile:delete']({ id: saved.id });
    expect((await handlers['kafkaProfile:list']({})).profiles).toEqual([]);
    expect(await secrets.get(saved.id)).toBeNull();
    expect(await readFile(join(dir, 'kafka-secrets-plain.json'), 'utf8')).not.toContain(PASSWORD);
  });

  it('tests a saved profile by id and an edited one with its stored password; no answer carries the password', async () => {
    const saved = await handlers['kafkaProfile:save']({ profile: draft(), password: PASSWORD });
    const byId = await handlers['kafkaProfile:test']({ profileId: saved.id });
    expect(byId.status).toBe('unreachable');
    const edited = await handlers['kafkaProfile:test']({ profile: { ...draft(), id: saved.id } });
    expect(edited.status).toBe('unreachable');
    expect(JSON.stringify([byId, edited])).not.toContain(PASSWORD);
  });

  it('answers a test of a profile that cannot become a config in plain words', async () => {
    const noPassword = await handlers['kafkaProfile:test']({ profile: draft() });
    expect(noPassword).toMatchObject({ status: 'auth-failed', message: 'Enter the SASL password (or turn SASL off).' });
    const damagedCa = { name: 'ca.pem', pem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n' };
    const badTls = await handlers['kafkaProfile:test']({ profile: draft({ sasl: null, tls: { enabled: true, ca: damagedCa, cert: null, key: null, rejectUnauthorized: true } }) });
    expect(badTls).toMatchObject({ status: 'tls-failed', message: 'The TLS CA certificate "ca.pem" is damaged: its certificate cannot be read. Choose the file again.' });
  });
});

describe('the engine serves kafkaProfile:* commands', () => {
  it('validates arguments and stores profiles in its data folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kafka-engine-'));
    const engine = new Engine({ sampleCsvPath: '', dataDir: dir, onViewUpdate: () => undefined });
    try {
      await expect(engine.handle('kafkaProfile:save', { profile: { ...draft(), brokers: ['no port'] } })).rejects.toThrow(/host:port/);
      const saved = await engine.handle('kafkaProfile:save', { profile: draft(), password: PASSWORD });
      expect((await engine.handle('kafkaProfile:list', {})).profiles.map((p) => p.id)).toEqual([saved.id]);
      expect((await readdir(dir)).sort()).toEqual(['kafka-profiles.json', 'kafka-secrets-plain.json']);
    } finally {
      engine.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
