/**
 * TLS files given as content through the engine's own command handling (contract validation
 * included), with a throwaway CA made by openssl: certificates are kept in the profile, the client
 * key only in the secret store, and nothing the page can ask for ever carries the key.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KafkaProfileDraft } from '../../../../shared/kafka/profileContract';
import { Engine } from '../../engine';
import { closedPort } from '../testing/closedPort';
import { makeThrowawayPki, opensslAvailable, type ThrowawayPki } from '../testing/throwawayPki';
import { PLAIN_SECRETS_FILE_NAME } from './fileSecretStore';
import { PROFILES_FILE_NAME } from './profileStore';

/** The base64 body of the key, the part that must never leak even reformatted. */
const keyBody = (pem: string): string => pem.split('\n').filter((line) => line && !line.startsWith('-----')).join('');

describe.skipIf(!opensslAvailable())('TLS files given as content', () => {
  let dir: string;
  let engine: Engine;
  let pki: ThrowawayPki;
  let draft: KafkaProfileDraft;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kafka-tls-'));
    pki = makeThrowawayPki(dir);
    engine = new Engine({ sampleCsvPath: '', dataDir: dir, onViewUpdate: () => undefined });
    draft = {
      name: 'Mutual TLS',
      brokers: [`127.0.0.1:${await closedPort()}`],
      clientId: 'traffic-monitor',
      tls: {
        enabled: true,
        ca: { name: 'ca.pem', pem: pki.ca },
        cert: { name: 'client.pem', pem: pki.cert },
        key: { name: 'client.key' },
        rejectUnauthorized: true,
      },
      sasl: null,
    };
  });
  afterEach(async () => {
    engine.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores the certificates in the profile and the key as a secret that no answer to the page carries', async () => {
    const saved = await engine.handle('kafkaProfile:save', { profile: draft, clientKeyPem: pki.key });
    const until = String.raw`valid until \d{4}-\d\d-\d\d$`;
    expect(saved.tls).toEqual({
      ...draft.tls,
      ca: { ...draft.tls.ca, description: expect.stringMatching(new RegExp(`^1 certificate, subject CN=Throwaway Test CA, ${until}`)) as string },
      cert: { ...draft.tls.cert, description: expect.stringMatching(new RegExp(`^1 certificate, subject CN=traffic-monitor-client, ${until}`)) as string },
      key: { name: 'client.key', stored: true },
    });
    const listed = await engine.handle('kafkaProfile:list', {});
    const snapshot = await engine.handle('session:snapshot', {});
    const tested = await engine.handle('kafkaProfile:test', { profileId: saved.id });
    // The test got as far as connecting (a closed port), so the stored key made a valid TLS config.
    expect(tested.status).toBe('unreachable');
    const seenByPage = JSON.stringify([saved, listed, snapshot, tested]);
    expect(seenByPage).toContain('client.key');
    expect(seenByPage).not.toContain(keyBody(pki.key));
    expect(await readFile(join(dir, PROFILES_FILE_NAME), 'utf8')).not.toContain(keyBody(pki.key));
    expect(await readFile(join(dir, PLAIN_SECRETS_FILE_NAME), 'utf8')).toContain(keyBody(pki.key).slice(0, 40));

    // Saved again without the key: the stored one stays. Without a key in the draft: forgotten.
    const renamed = await engine.handle('kafkaProfile:save', { profile: { ...draft, id: saved.id, name: 'Renamed' } });
    expect(renamed.tls.key).toEqual({ name: 'client.key', stored: true });
    const edited = await engine.handle('kafkaProfile:test', { profile: { ...draft, id: saved.id } });
    expect(edited.status).toBe('unreachable');
    await expect(engine.handle('kafkaProfile:save', { profile: { ...draft, id: saved.id, tls: { ...draft.tls, cert: null, key: null } } })).resolves.toMatchObject({
      tls: { key: null },
    });
    expect(await readFile(join(dir, PLAIN_SECRETS_FILE_NAME), 'utf8')).not.toContain(keyBody(pki.key).slice(0, 40));
  });

  it('refuses a save whose file is wrong, naming the file, and a path in place of content', async () => {
    await expect(engine.handle('kafkaProfile:save', { profile: draft, clientKeyPem: pki.otherKey })).rejects.toThrow(
      'The TLS client key "client.key" does not belong to the client certificate "client.pem".',
    );
    await expect(
      engine.handle('kafkaProfile:save', { profile: { ...draft, tls: { ...draft.tls, ca: { name: 'ca.der', pem: 'binary junk' } } }, clientKeyPem: pki.key }),
    ).rejects.toThrow(/not a PEM file/);
    await expect(engine.handle('kafkaProfile:save', { profile: { ...draft, tls: { ...draft.tls, caPath: pki.caPath } }, clientKeyPem: pki.key })).rejects.toThrow(
      /caPath/,
    );
    expect((await engine.handle('kafkaProfile:list', {})).profiles).toEqual([]);
  });

  it('deleting a profile forgets its key', async () => {
    const saved = await engine.handle('kafkaProfile:save', { profile: draft, clientKeyPem: pki.key });
    await engine.handle('kafkaProfile:delete', { id: saved.id });
    expect(await readFile(join(dir, PLAIN_SECRETS_FILE_NAME), 'utf8')).not.toContain(keyBody(pki.key).slice(0, 40));
  });
});
