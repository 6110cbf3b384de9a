/**
 * Worker-thread entry of the parallel file scan: scans the segment in `workerData` and posts its
 * summary. Built as its own file (out/main/fileScanWorker.js) next to the engine worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { scanSegment } from './scanSegment';
import type { SegmentTask } from './segment';
import type { FromScanWorker } from './workerMessages';

const port = parentPort;
if (!port) throw new Error('the file scan worker must run in a worker thread');
const post = (message: FromScanWorker): void => port.postMessage(message);

scanSegment(workerData as SegmentTask).then(
  (summary) => post({ ok: true, summary }),
  (error: unknown) => post({ ok: false, message: error instanceof Error ? error.message : String(error) }),
);
