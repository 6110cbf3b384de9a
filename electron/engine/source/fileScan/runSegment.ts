/** Runs one segment scan in a worker thread, or in this thread when there is no worker script. */
import { engineLog } from '../../supervision';
import { WorkerChannel } from '../../supervision';
import { scanSegment } from './scanSegment';
import type { SegmentSummary, SegmentTask } from './segment';
import type { FromScanWorker } from './workerMessages';

/**
 * A segment streams its rows 64 KB at a time, so a worker needs little heap; the caps keep a scan's
 * memory bounded whatever the file holds (a larger young generation bought no speed, only memory).
 */
const SCAN_WORKER_LIMITS = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 4 };

export type SegmentRunner = (task: SegmentTask, signal: AbortSignal) => Promise<SegmentSummary>;

export const runInThread: SegmentRunner = (task, signal) => scanSegment(task, signal);

function abortError(): Error {
  const error = new Error('The file scan was aborted');
  error.name = 'AbortError';
  return error;
}

/** A segment whose worker died is scanned once more in a fresh worker; a second death fails the scan. */
const SEGMENT_ATTEMPTS = 2;

class WorkerDied extends Error {}

export function workerRunner(workerPath: string): SegmentRunner {
  return async (task, signal) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await runInWorker(workerPath, task, signal);
      } catch (error) {
        if (!(error instanceof WorkerDied) || attempt >= SEGMENT_ATTEMPTS || signal.aborted) throw error;
        engineLog('file scan worker', `scanning bytes ${task.start}–${task.end} again in a new worker`);
      }
    }
  };
}

function runInWorker(workerPath: string, task: SegmentTask, signal: AbortSignal): Promise<SegmentSummary> {
  return new Promise<SegmentSummary>((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    let settled = false;
    const settle = (finish: () => void): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      void channel.stop();
      finish();
    };
    // A scan worker that dies is logged by its channel (no one may be looking) and its segment tried
    // once more (workerRunner); dying again fails the scan, and the file's totals stay estimates.
    const channel = new WorkerChannel<never, FromScanWorker>(
      { name: 'file scan worker', path: workerPath, workerData: task, resourceLimits: SCAN_WORKER_LIMITS },
      {
        message: (message) => settle(() => (message.ok ? resolve(message.summary) : reject(new Error(message.message)))),
        died: (reason) => settle(() => reject(new WorkerDied(`The file scan worker stopped (${reason}) before it reported`))),
      },
    );
    const onAbort = (): void => settle(() => reject(abortError()));
    signal.addEventListener('abort', onAbort);
    channel.start();
  });
}
