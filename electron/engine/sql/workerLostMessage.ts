/**
 * What the console says when the SQL worker was replaced: why, what came back from the engine's
 * copy of the rows and the views' statements, what did not (rows past the copy's cap, the user's
 * own tables), so no one is left to wonder where their rows, views or tables went.
 */
import type { LostWorker } from './ingestCounters';

export function workerLostMessage(why: string, worker: LostWorker, lostTables: readonly string[], views: readonly string[] = []): string {
  const had = worker.held + worker.queued;
  const waiting = worker.queued > 0 ? ` (${worker.held} held and ${worker.queued} on their way)` : '';
  const rows =
    worker.lost === 0
      ? `its ${had} rows${waiting} are being put back`
      : `${worker.restored} of its ${had} rows${waiting} are being put back; the oldest ${worker.lost} were dropped, past what the engine keeps to restore`;
  const remade = views.length > 0 ? ` Your views are being made again: ${views.join(', ')}.` : '';
  const lost = lostTables.length > 0 ? ` Your tables were lost: ${lostTables.join(', ')}.` : '';
  return `${why}: ${rows}.${remade}${lost}`;
}
