/**
 * The SQL worker thread as the engine holds it: started from the script in the engine's options
 * (workerScripts.sql), stopped (or replaced by the owner) at any time. A stopped thread may still
 * have messages and its exit on their way; they are dropped here, so the owner only ever hears
 * from the current one.
 */
import { WorkerChannel } from '../supervision';
import type { FromSqlWorker, SqlWorkerData, ToSqlWorker } from './sqlWorkerMessages';
import { sqlWasmPath } from './sqlWasmPath';

/** The built worker script and sql.js's wasm (the engine's options); a null script: SQL is unavailable. */
export interface SqlWorkerScript {
  workerPath: string | null;
  /** By default where sqlWasmPath finds it. */
  wasmPath?: string;
}

export interface SqlWorkerEvents {
  message(message: FromSqlWorker): void;
  /** The current thread failed or exited by itself; `wasReady`: after it said 'ready', so it had been working. */
  stopped(detail: string, wasReady: boolean): void;
}

export class SqlWorkerHandle {
  private channel: WorkerChannel<ToSqlWorker, FromSqlWorker> | null = null;
  private ready = false;

  constructor(
    /** StopFlags' shared memory, handed to every thread started. */
    private readonly stopFlags: SharedArrayBuffer,
    private readonly events: SqlWorkerEvents,
    private readonly script: SqlWorkerScript = { workerPath: null },
  ) {}

  get running(): boolean {
    return this.channel?.running ?? false;
  }

  /** Starts a thread (the caller makes sure none runs); null when it started, else why SQL is unavailable. */
  start(): string | null {
    const workerPath = this.script.workerPath;
    if (workerPath === null) return 'SQL is unavailable: this engine was started without the SQL worker.';
    const workerData: SqlWorkerData = { wasmPath: this.script.wasmPath ?? sqlWasmPath(), stopFlags: this.stopFlags };
    const channel = new WorkerChannel<ToSqlWorker, FromSqlWorker>(
      { name: 'sql worker', path: workerPath, workerData },
      {
        message: (message) => {
          if (message.kind === 'ready') this.ready = true;
          this.events.message(message);
        },
        died: (reason) => {
          if (this.channel === channel) this.events.stopped(reason, this.ready);
        },
      },
    );
    try {
      channel.start();
    } catch (error) {
      return `SQL is unavailable: the SQL worker (${workerPath}) could not start: ${(error as Error).message}`;
    }
    this.channel = channel;
    this.ready = false;
    return null;
  }

  /** Dropped when no thread runs (SQL failed or the table closed). */
  post(message: ToSqlWorker): void {
    this.channel?.post(message);
  }

  /** An encoded batch (rowBatch.ts); the caller keeps its bytes, the worker gets a copy. */
  postRows(encoded: Uint8Array): void {
    const bytes = new Uint8Array(encoded);
    this.channel?.post({ kind: 'rows', bytes }, [bytes.buffer]);
  }

  /** Stops the thread at once; it is heard from no more. Resolves when it has exited. */
  async stop(): Promise<void> {
    const channel = this.channel;
    this.channel = null;
    await channel?.stop();
  }
}
