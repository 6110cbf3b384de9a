/** The secret store an engine gets when its host names none: a file in the data folder, else memory. */
import { FileSecretStore } from './fileSecretStore';
import type { SecretCipher } from './secretCipher';
import { MemorySecretStore, type SecretStore } from './secretStore';

export function defaultSecretStore(dataDir: string | null, keychain: SecretCipher | null = null): SecretStore {
  if (!dataDir) return new MemorySecretStore();
  return keychain ? new FileSecretStore(dataDir, keychain) : new FileSecretStore(dataDir);
}
