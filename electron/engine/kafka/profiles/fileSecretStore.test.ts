import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSecretStore, PLAIN_SECRETS_FILE_NAME, SECRETS_FILE_NAME as KEYCHAIN_SECRETS_FILE_NAME } from './fileSecretStore';

const SECRETS_FILE_NAME = PLAIN_SECRETS_FILE_NAME;
import { HostSecretCipher, answerSecretRequest } from './hostSecretCipher';
import type { SecretCipher } from './secretCipher';
import { MemorySecretStore } from './secretStore';

/** Stands in for safeStorage: a reversible transform, so the file must never hold the plain text. */
const reversingCipher: SecretCipher = {
  encrypt: (secret) => Promise.resolve(Buffer.from([...secret].reverse().join('')).toString('base64')),
  decrypt: (stored) => Promise.resolve([...Buffer.from(stored, 'base64').toString()].reverse().join('')),
};

describe('FileSecretStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kafka-secrets-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the secrets file readable only by its owner (mode 0600)', async () => {
    const store = new FileSecretStore(dir);
    await store.set('p1', 'hunter2');
    expect((await stat(join(dir, SECRETS_FILE_NAME))).mode & 0o777).toBe(0o600);
    await store.set('p2', 'swordfish'); // rewritten via a temporary file: the mode must survive
    expect((await stat(join(dir, SECRETS_FILE_NAME))).mode & 0o777).toBe(0o600);
  });

  it('keeps, reads back across instances and forgets secrets', async () => {
    const store = new FileSecretStore(dir);
    await store.set('p1', 'hunter2');
    await store.set('p2', 'swordfish');
    await store.set('p1', null);
    const again = new FileSecretStore(dir);
    expect(await again.get('p1')).toBeNull();
    expect(await again.get('p2')).toBe('swordfish');
    expect(again.storage.kind).toBe('file');
    expect(again.storage.description).toMatch(/readable only by you/);
  });

  it('the desktop app (keychain) and the web host (plain) sharing one data folder keep each other’s secrets', async () => {
    await new FileSecretStore(dir, reversingCipher).set('desktop', 'from the keychain');
    await new FileSecretStore(dir).set('web', 'from the browser');
    expect(await new FileSecretStore(dir, reversingCipher).get('desktop')).toBe('from the keychain');
    expect(await new FileSecretStore(dir).get('web')).toBe('from the browser');
  });

  it('with a keychain cipher, stores only ciphertext', async () => {
    const store = new FileSecretStore(dir, reversingCipher);
    await store.set('p1', 'correct horse battery staple');
    expect(await readFile(join(dir, KEYCHAIN_SECRETS_FILE_NAME), 'utf8')).not.toContain('correct horse');
    expect(await new FileSecretStore(dir, reversingCipher).get('p1')).toBe('correct horse battery staple');
    expect(store.storage.kind).toBe('os-keychain');
    // A plain store must not hand ciphertext out as if it were the password.
    expect(await new FileSecretStore(dir).get('p1')).toBeNull();
  });

  it('treats a corrupt file as empty and keeps it as .bak', async () => {
    await writeFile(join(dir, SECRETS_FILE_NAME), 'not json');
    expect(await new FileSecretStore(dir).get('p1')).toBeNull();
    expect(await readFile(join(dir, `${SECRETS_FILE_NAME}.bak`), 'utf8')).toBe('not json');
  });

  it('concurrent sets all land', async () => {
    const store = new FileSecretStore(dir, reversingCipher);
    await Promise.all(['a', 'b', 'c', 'd'].map((id) => store.set(id, `secret-${id}`)));
    const again = new FileSecretStore(dir, reversingCipher);
    expect(await Promise.all(['a', 'b', 'c', 'd'].map((id) => again.get(id)))).toEqual(['secret-a', 'secret-b', 'secret-c', 'secret-d']);
  });
});

describe('MemorySecretStore', () => {
  it('keeps and forgets secrets', async () => {
    const store = new MemorySecretStore();
    await store.set('p', 'x');
    expect(await store.get('p')).toBe('x');
    await store.set('p', null);
    expect(await store.get('p')).toBeNull();
  });
});

describe('HostSecretCipher (worker ↔ host channel)', () => {
  it('round-trips through the host, matching replies to requests by id', async () => {
    let cipher: HostSecretCipher | null = null;
    // The "host": answers asynchronously, in reverse order, like a busy main process might.
    const queue: Parameters<typeof answerSecretRequest>[1][] = [];
    cipher = new HostSecretCipher((request) => {
      queue.push(request);
      if (queue.length === 2) {
        for (const waiting of queue.reverse()) void answerSecretRequest(reversingCipher, waiting).then((reply) => cipher?.receive(reply));
      }
    });
    const [a, b] = await Promise.all([cipher.encrypt('first'), cipher.encrypt('second')]);
    expect(await reversingCipher.decrypt(a)).toBe('first');
    expect(await reversingCipher.decrypt(b)).toBe('second');
  });

  it('turns a host failure into an error that does not contain the secret', async () => {
    const failing: SecretCipher = { encrypt: () => Promise.reject(new Error('keychain locked')), decrypt: () => Promise.reject(new Error('no')) };
    const cipher: HostSecretCipher = new HostSecretCipher((request) => void answerSecretRequest(failing, request).then((reply) => cipher.receive(reply)));
    const error = await cipher.encrypt('hunter2').catch((caught: Error) => caught);
    expect(String(error)).toMatch(/keychain locked/);
    expect(String(error)).not.toContain('hunter2');
  });
});
