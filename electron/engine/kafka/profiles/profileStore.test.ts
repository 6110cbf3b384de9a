import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KafkaProfile } from '../../../../shared/kafka/profileContract';
import { makeThrowawayPki, opensslAvailable } from '../testing/throwawayPki';
import { FileSecretStore } from './fileSecretStore';
import { KAFKA_PROFILE_LIMIT, PROFILES_FILE_NAME, KafkaProfileStore } from './profileStore';
import { tlsKeySecretId } from './tlsKeySecret';

const profile = (id: string, name = `Cluster ${id}`): KafkaProfile => ({
  id,
  name,
  brokers: ['127.0.0.1:9092'],
  clientId: 'traffic-monitor',
  tls: { enabled: false, ca: null, cert: null, key: null, rejectUnauthorized: true },
  sasl: null,
});

describe('KafkaProfileStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kafka-profiles-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('starts empty when the file is missing', async () => {
    expect(await new KafkaProfileStore(dir).list()).toEqual([]);
  });

  it('saves, replaces and removes profiles, and a new store reads them back', async () => {
    const store = new KafkaProfileStore(dir);
    await store.put(profile('a'));
    await store.put(profile('b'));
    await store.put({ ...profile('a'), name: 'Renamed' });
    expect((await store.list()).map((p) => [p.id, p.name])).toEqual([
      ['a', 'Renamed'],
      ['b', 'Cluster b'],
    ]);
    expect(await new KafkaProfileStore(dir).list()).toEqual(await store.list());
    expect(await store.remove('a')).toBe(true);
    expect(await store.remove('a')).toBe(false);
    expect((await new KafkaProfileStore(dir).list()).map((p) => p.id)).toEqual(['b']);
  });

  it('hands out copies, so a caller cannot change what is stored', async () => {
    const store = new KafkaProfileStore(null);
    await store.put(profile('a'));
    const copy = await store.get('a');
    copy!.brokers.push('evil:1');
    expect((await store.get('a'))!.brokers).toEqual(['127.0.0.1:9092']);
  });

  it('keeps a corrupt file as .bak and starts empty', async () => {
    await writeFile(join(dir, PROFILES_FILE_NAME), '{"version":1,"profiles":[{"id":');
    const store = new KafkaProfileStore(dir);
    expect(await store.list()).toEqual([]);
    expect(await readFile(join(dir, `${PROFILES_FILE_NAME}.bak`), 'utf8')).toBe('{"version":1,"profiles":[{"id":');
    await store.put(profile('a'));
    expect((await new KafkaProfileStore(dir).list()).map((p) => p.id)).toEqual(['a']);
  });

  it('treats well-formed JSON of the wrong shape as corrupt', async () => {
    await writeFile(join(dir, PROFILES_FILE_NAME), JSON.stringify({ version: 1, profiles: [{ id: 'x', brokers: 'nope' }] }));
    expect(await new KafkaProfileStore(dir).list()).toEqual([]);
    expect(await readdir(dir)).toContain(`${PROFILES_FILE_NAME}.bak`);
  });

  it('keeps profiles in memory without a data folder', async () => {
    const store = new KafkaProfileStore(null);
    await store.put(profile('a'));
    expect((await store.list()).length).toBe(1);
    expect(await readdir(dir)).toEqual([]);
  });

  it('rejects an invalid broker address before writing', async () => {
    const store = new KafkaProfileStore(dir);
    await expect(store.put({ ...profile('a'), brokers: ['no-port'] })).rejects.toThrow(/host:port/);
    await expect(store.put({ ...profile('a'), brokers: ['host:70000'] })).rejects.toThrow(/host:port/);
    expect(await readdir(dir)).toEqual([]);
  });

  it.skipIf(!opensslAvailable())('loads a profile an earlier version saved with TLS file paths, moving the files into content and the key into the secret store', async () => {
    const pki = makeThrowawayPki(dir);
    const gone = join(dir, 'moved-away.pem');
    const old = (id: string, tls: object): object => ({ ...profile(id), tls: { enabled: true, rejectUnauthorized: true, ...tls } });
    await writeFile(
      join(dir, PROFILES_FILE_NAME),
      JSON.stringify({
        version: 1,
        profiles: [
          old('mutual', { caPath: pki.caPath, certPath: pki.certPath, keyPath: pki.keyPath }),
          old('lost', { caPath: gone, certPath: null, keyPath: null }),
          profile('plain'),
        ],
      }),
    );
    const secrets = new FileSecretStore(dir);
    const [mutual, lost, plain] = await new KafkaProfileStore(dir, secrets).list();
    expect(mutual!.tls).toEqual({
      enabled: true,
      ca: { name: 'ca.pem', pem: pki.ca, description: expect.stringMatching(/^1 certificate, subject CN=Throwaway Test CA, valid until /) as string },
      cert: { name: 'client.pem', pem: pki.cert, description: expect.stringMatching(/^1 certificate, subject CN=traffic-monitor-client, /) as string },
      key: { name: 'client.key', stored: true },
      rejectUnauthorized: true,
    });
    expect(mutual!.notice).toBeUndefined();
    expect(await secrets.get(tlsKeySecretId('mutual'))).toBe(pki.key);
    expect(lost!.tls.ca).toBeNull();
    expect(lost!.notice).toBe(`The TLS CA certificate file ${gone} saved by an earlier version could not be read (there is no such file); choose it again.`);
    expect(plain).toEqual(profile('plain'));

    // Written back migrated: no paths, no key, and the next start reads it as it is.
    const file = await readFile(join(dir, PROFILES_FILE_NAME), 'utf8');
    expect(file).not.toContain('caPath');
    expect(file).not.toContain(pki.key);
    expect(await new KafkaProfileStore(dir, secrets).list()).toEqual([mutual, lost, plain]);
    expect(await readdir(dir)).not.toContain(`${PROFILES_FILE_NAME}.bak`);
  });

  it('keeps at most KAFKA_PROFILE_LIMIT profiles, saying so, while one can still be edited', async () => {
    const store = new KafkaProfileStore(dir);
    for (let i = 0; i < KAFKA_PROFILE_LIMIT; i++) await store.put(profile(`p${i}`));
    await expect(store.put(profile('extra', 'One more'))).rejects.toThrow(`${KAFKA_PROFILE_LIMIT} Kafka profiles are saved, the most the app keeps: delete one before adding "One more"`);
    await store.put({ ...profile('p3'), name: 'Renamed' });
    const list = await store.list();
    expect(list).toHaveLength(KAFKA_PROFILE_LIMIT);
    expect(list[3]?.name).toBe('Renamed');
  });
});
