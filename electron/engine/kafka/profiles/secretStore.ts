/**
 * Where SASL passwords live, apart from the profiles: the OS keychain in the desktop app, a file
 * readable only by the user in the browser version, memory in tests. Callers never learn which.
 */
import type { SecretStorage } from '../../../../shared/kafka/profileContract';

export interface SecretStore {
  /** How secrets are kept, in words the settings dialog shows. */
  readonly storage: SecretStorage;
  get(profileId: string): Promise<string | null>;
  /** null forgets the secret. */
  set(profileId: string, secret: string | null): Promise<void>;
}

export class MemorySecretStore implements SecretStore {
  readonly storage: SecretStorage = { kind: 'memory', description: 'kept in memory only, forgotten when the app quits' };
  private readonly secrets = new Map<string, string>();

  get(profileId: string): Promise<string | null> {
    return Promise.resolve(this.secrets.get(profileId) ?? null);
  }

  set(profileId: string, secret: string | null): Promise<void> {
    if (secret === null) this.secrets.delete(profileId);
    else this.secrets.set(profileId, secret);
    return Promise.resolve();
  }
}
