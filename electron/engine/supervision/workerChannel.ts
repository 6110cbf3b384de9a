/**
 * One worker thread as the engine holds it, the same way for all six (engine, SQL, predictions,
 * graph, file scan, Kafka producer): started from a script, spoken to with typed messages, stopped
 * at will. A thread that ends without stop() (its heap limit, an uncaught error, a terminate from
 * outside) is logged with its name and reported once through `died`, with the reason in words; the
 * owner decides what a restart restores. Messages and the exit of a thread already replaced or
 * stopped are dropped here, so an owner only ever hears from its current thread.
 */
import { Worker, type ResourceLimits, type Transferable } from 'node:worker_threads';
import { engineLog } from './engineLog';

export interface WorkerChannelOptions {
  /** Names the thread in the log: "sql worker", "prediction worker"… */
  name: string;
  path: string;
  workerData?: unknown;
  resourceLimits?: ResourceLimits;
  /** Lets the process exit while this thread runs (helper threads of the engine). */
  unref?: boolean;
  /** Where a death is written; by default the engine's log (engineLog.ts). */
  log?: (line: string) => void;
}

export interface WorkerChannelEvents<FromWorker> {
  message(message: FromWorker): void;
  /** The thread ended without stop(); it is gone (start() starts a new one). */
  died(reason: string): void;
}

export class WorkerChannel<ToWorker, FromWorker> {
  private worker: Worker | null = null;

  constructor(
    private readonly options: WorkerChannelOptions,
    private readonly events: WorkerChannelEvents<FromWorker>,
  ) {}

  get running(): boolean {
    return this.worker !== null;
  }

  get name(): string {
    return this.options.name;
  }

  /** Starts a thread (stopping one that runs); throws when the script cannot even be loaded. */
  start(): void {
    void this.stop();
    const { path, workerData, resourceLimits, unref } = this.options;
    const worker = new Worker(path, { workerData, ...(resourceLimits ? { resourceLimits } : {}) });
    if (unref) worker.unref();
    // 'error' (an uncaught exception, ERR_WORKER_OUT_OF_MEMORY) comes before 'exit'; the exit reports it.
    let failure: string | null = null;
    worker.on('message', (message: FromWorker) => {
      if (this.worker === worker) this.events.message(message);
    });
    worker.on('error', (error: Error) => (failure = error.message));
    worker.on('exit', (code: number) => {
      if (this.worker !== worker) return;
      this.worker = null;
      const reason = failure ?? `its thread exited with code ${code}`;
      const line = `stopped unexpectedly: ${reason}`;
      if (this.options.log) this.options.log(line);
      else engineLog(this.options.name, line);
      this.events.died(reason);
    });
    this.worker = worker;
  }

  /** Dropped when no thread runs. */
  post(message: ToWorker, transfer: readonly Transferable[] = []): void {
    this.worker?.postMessage(message, transfer);
  }

  /** Ends the thread at once; it is heard from no more. Resolves when it has exited. */
  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}
