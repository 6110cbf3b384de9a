/**
 * What the console says when the SQL worker was replaced: why, what came back from the engine's
 * copy of the rows, what did not (rows past the copy's cap, the user's own tables and views), so no
 * one is left to wonder where their rows or views went.
 */
import type { LostWorker } from './ingestCounters';

export function workerLostMessage(why: string, worker: LostWorker, objectNames: readonly string[]): string {
  const had = worker.held + worker.queued;
  const waiting = worker.queued > 0 ? ` (${worker.held} held and ${worker.queued} on their way)` : '';
  const rows =
    worker.lost === 0
      ? `its ${had} rows${waiting} are being put back`
      : `${worker.restored} of its ${had} rows${waiting} are being put back; the oldest ${worker.lost} were dropped, past what the engine keeps to restore`;
  const objects = objectNames.length > 0 ? ` Your tables and views were lost: ${objectNames.join(', ')}.` : '';
  return `${why}: ${rows}.${objects}`;
}
