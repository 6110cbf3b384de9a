/**
 * Worker-thread entry of the SQL live table: sql.js (SQLite compiled to WebAssembly) with the rows
 * the stages consumed. Queries run here, so however long one takes, the replay on the engine's
 * thread never waits for it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { LiveDatabase } from './liveDatabase';
import type { FromSqlWorker, SqlWorkerData, ToSqlWorker } from './sqlWorkerMessages';
import { SqlWorkerService } from './sqlWorkerService';
import { StopFlags } from './stopFlags';

const port = parentPort;
if (!port) throw new Error('the SQL worker must run in a worker thread');
const post = (message: FromSqlWorker): void => port.postMessage(message);
const data = workerData as SqlWorkerData;

// Messages sent while sql.js loads wait here, in order.
const early: ToSqlWorker[] = [];
let service: SqlWorkerService | null = null;
port.on('message', (message: ToSqlWorker) => {
  if (service) service.receive(message);
  else early.push(message);
});

LiveDatabase.load(data.wasmPath, new StopFlags(data.stopFlags)).then(
  (db) => {
    const ready = new SqlWorkerService(db, post);
    post({ kind: 'ready' });
    service = ready;
    for (const message of early.splice(0)) ready.receive(message);
  },
  (error: unknown) => post({ kind: 'unavailable', message: error instanceof Error ? error.message : String(error) }),
);
