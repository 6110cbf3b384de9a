/**
 * Turns a secret into text safe to write to disk and back. In the desktop app this is Electron's
 * `safeStorage` (the OS keychain holds the key), reached from the engine worker through the host;
 * in the browser version there is no keychain and the text is the secret itself.
 */
export interface SecretCipher {
  encrypt(secret: string): Promise<string>;
  decrypt(stored: string): Promise<string>;
}

/** No encryption: the file's permissions (owner only) are the protection. */
export const plainTextCipher: SecretCipher = {
  encrypt: (secret) => Promise.resolve(secret),
  decrypt: (stored) => Promise.resolve(stored),
};
