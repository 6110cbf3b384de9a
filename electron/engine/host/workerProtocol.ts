/** Messages between the engine worker thread and the process that hosts it. */
import { z } from 'zod';
import type { Envelope } from '../../../shared/envelope';
import type { EventName } from '../../../shared/contract';

export const toWorkerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('command'), id: z.number().int(), name: z.string(), args: z.unknown() }),
  z.object({ kind: z.literal('shutdown') }),
]);
export type ToWorker = z.infer<typeof toWorkerSchema>;

export type FromWorker =
  | { kind: 'result'; id: number; envelope: Envelope<unknown> }
  | { kind: 'event'; name: EventName; payload: unknown }
  | { kind: 'stopped' };

export interface EngineWorkerData {
  sampleCsvPath: string;
  /** Settings and working files (remembered roles, rejected rows); null keeps them in memory. */
  dataDir: string | null;
}
