/**
 * Secrets in `<dir>/kafka-secrets.json`, one entry per profile, written with mode 0600 (owner only).
 * With the keychain cipher each entry is ciphertext that only this user's OS login can decrypt; with
 * the plain cipher (browser version) the file permissions are all that protects it, and the
 * dialog says so.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { SecretStorage } from '../../../../shared/kafka/profileContract';
import { JsonFileWriter, readJsonFile } from '../../settings';
import { plainTextCipher, type SecretCipher } from './secretCipher';
import type { SecretStore } from './secretStore';

/** Keychain-encrypted secrets (the desktop app). */
export const SECRETS_FILE_NAME = 'kafka-secrets.json';
/**
 * Plain secrets (the browser version) live in a file of their own: the web host and the desktop app
 * share the user's data folder, and one file written by both would drop the other's entries (each
 * treats entries it cannot decrypt as absent and writes only its own).
 */
export const PLAIN_SECRETS_FILE_NAME = 'kafka-secrets-plain.json';
export const SECRETS_FILE_MODE = 0o600;

const fileSchema = z.object({
  version: z.literal(1),
  encoding: z.enum(['plain', 'os-keychain']),
  secrets: z.record(z.string(), z.string()),
});
type SecretsFile = z.infer<typeof fileSchema>;

export const FILE_STORAGE: SecretStorage = {
  kind: 'file',
  description: 'stored in a file readable only by you (no OS keychain in the browser version)',
};
export const KEYCHAIN_STORAGE: SecretStorage = { kind: 'os-keychain', description: 'stored encrypted with the OS keychain' };

export class FileSecretStore implements SecretStore {
  private readonly path: string;
  private readonly writer: JsonFileWriter;
  private readonly encoding: SecretsFile['encoding'];
  private secrets: Record<string, string> = {};
  private loading: Promise<void> | null = null;

  constructor(
    dir: string,
    private readonly cipher: SecretCipher = plainTextCipher,
    readonly storage: SecretStorage = cipher === plainTextCipher ? FILE_STORAGE : KEYCHAIN_STORAGE,
  ) {
    this.path = join(dir, cipher === plainTextCipher ? PLAIN_SECRETS_FILE_NAME : SECRETS_FILE_NAME);
    this.writer = new JsonFileWriter(this.path, { mode: SECRETS_FILE_MODE });
    this.encoding = cipher === plainTextCipher ? 'plain' : 'os-keychain';
  }

  private load(): Promise<void> {
    this.loading ??= readJsonFile(this.path, fileSchema, { version: 1, encoding: this.encoding, secrets: {} }).then((file) => {
      // Entries written under another encoding cannot be read by this cipher: treat them as absent
      // (the dialog then shows no stored password and the user types it again).
      this.secrets = file.encoding === this.encoding ? file.secrets : {};
    });
    return this.loading;
  }

  async get(profileId: string): Promise<string | null> {
    await this.load();
    const stored = this.secrets[profileId];
    if (stored === undefined) return null;
    try {
      return await this.cipher.decrypt(stored);
    } catch {
      // A keychain that changed (another OS user, a reset) cannot decrypt old entries.
      return null;
    }
  }

  async set(profileId: string, secret: string | null): Promise<void> {
    await this.load();
    const encrypted = secret === null ? null : await this.cipher.encrypt(secret);
    // Nothing awaits from here to the queued write, so concurrent calls each build on the last.
    const next = Object.fromEntries(Object.entries(this.secrets).filter(([id]) => id !== profileId));
    if (encrypted !== null) next[profileId] = encrypted;
    this.secrets = next;
    await this.writer.write({ version: 1, encoding: this.encoding, secrets: next } satisfies SecretsFile);
  }
}
