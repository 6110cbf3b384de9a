/** Messages between the engine worker thread and the process that hosts it. */
import { z } from 'zod';
import type { Envelope } from '../../../shared/envelope';
import type { EventName } from '../../../shared/contract';
import type { SecretRequest } from '../kafka';

export const toWorkerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('command'), id: z.number().int(), name: z.string(), args: z.unknown() }),
  z.object({ kind: z.literal('shutdown') }),
  // The host's answer to a SecretRequest (keychain encrypt/decrypt, desktop app only).
  z.object({ kind: z.literal('secretReply'), id: z.number().int(), ok: z.boolean(), text: z.string() }),
]);
export type ToWorker = z.infer<typeof toWorkerSchema>;

export type FromWorker =
  | { kind: 'result'; id: number; envelope: Envelope<unknown> }
  | { kind: 'event'; name: EventName; payload: unknown }
  | { kind: 'stopped' }
  /** A line of the engine's log (supervision/engineLog.ts), for the desktop log file or the web host's stderr. */
  | { kind: 'log'; source: string; line: string }
  | SecretRequest;

export interface EngineWorkerData {
  sampleCsvPath: string;
  /** Settings and working files (remembered roles, rejected rows); null keeps them in memory. */
  dataDir: string | null;
  /**
   * Where Kafka passwords go: 'os-keychain' asks the host to encrypt them (the host must then be
   * given a SecretCipher); 'file' (the default) keeps them in an owner-only file in dataDir.
   */
  secretStorage?: 'os-keychain' | 'file';
}
