/**
 * The desktop app's answer to the engine worker's keychain requests: Electron's safeStorage
 * encrypts with a key the OS keychain holds (Keychain on macOS, DPAPI on Windows, libsecret or
 * KWallet on Linux). The ciphertext travels back to the worker as base64 and is written to
 * `<userData>/kafka-secrets.json`.
 */
import { safeStorage } from 'electron';
import type { SecretCipher } from '../engine/client';

export const safeStorageCipher: SecretCipher = {
  encrypt: (secret) => Promise.resolve(safeStorage.encryptString(secret).toString('base64')),
  decrypt: (stored) => Promise.resolve(safeStorage.decryptString(Buffer.from(stored, 'base64'))),
};

/**
 * True when a real keychain backs safeStorage. On Linux without a keyring Electron falls back to a
 * fixed key ("basic_text"), which protects nothing: then the owner-only file is the honest choice.
 * Call after the app is ready.
 */
export function keychainAvailable(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}
