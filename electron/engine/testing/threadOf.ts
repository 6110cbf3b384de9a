/**
 * Test-only: the thread a WorkerChannel holds, so a test can end it from outside as a crash (a heap
 * limit, an uncaught error) would.
 */
import type { Worker } from 'node:worker_threads';
import type { WorkerChannel } from '../supervision/workerChannel';

export function threadOf(channel: WorkerChannel<unknown, unknown> | null | undefined): Worker {
  const worker = (channel as unknown as { worker: Worker | null } | null)?.worker;
  if (!worker) throw new Error('no thread is running');
  return worker;
}
