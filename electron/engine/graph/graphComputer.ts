/**
 * Runs graph tasks where they cannot stall the replay: in the graph worker when its script is
 * given (the app passes the built one), else in this thread on the next turn of the event loop (unit tests).
 */
import { engineLog } from '../supervision';
import { WorkerChannel } from '../supervision';
import { runGraphTask, type GraphTask, type GraphTaskKind, type GraphTaskResults } from './graphTasks';

export interface ToGraphWorker {
  id: number;
  task: GraphTask;
}

export type FromGraphWorker = { id: number; ok: true; result: ReturnType<typeof runGraphTask>; durationMs: number } | { id: number; ok: false; error: string };

export interface TaskOutcome<K extends GraphTaskKind> {
  value: GraphTaskResults[K];
  durationMs: number;
}

export class GraphComputer {
  private worker: WorkerChannel<ToGraphWorker, FromGraphWorker> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (reply: FromGraphWorker) => void }>();

  /** `workerPath`: the bundled `graphWorker.js` (the engine's option); null runs tasks in this thread. */
  constructor(private readonly workerPath: string | null = null) {}

  run<K extends GraphTaskKind>(task: Extract<GraphTask, { kind: K }>): Promise<TaskOutcome<K>> {
    const worker = this.ensureWorker();
    if (!worker) return runHere<K>(task);
    const id = this.nextId++;
    return new Promise<FromGraphWorker>((resolve) => {
      this.pending.set(id, { resolve });
      // Typed arrays are copied, not transferred: the caller may keep using its series.
      worker.post({ id, task });
    }).then((reply) => {
      if (!reply.ok) throw new Error(reply.error);
      return { value: reply.result.value as GraphTaskResults[K], durationMs: reply.durationMs };
    });
  }

  dispose(): void {
    void this.worker?.stop();
    this.worker = null;
    this.failAll('The graph worker was stopped.');
  }

  private ensureWorker(): WorkerChannel<ToGraphWorker, FromGraphWorker> | null {
    if (this.worker || this.workerPath === null) return this.worker;
    const worker = new WorkerChannel<ToGraphWorker, FromGraphWorker>(
      { name: 'graph worker', path: this.workerPath, unref: true },
      {
        message: (reply) => {
          const waiting = this.pending.get(reply.id);
          this.pending.delete(reply.id);
          waiting?.resolve(reply);
        },
        died: (reason) => this.lose(worker, `The graph worker stopped (${reason}).`),
      },
    );
    worker.start();
    this.worker = worker;
    return worker;
  }

  /**
   * A crashed worker fails what it held (each task's panel shows the reason) and is logged; the
   * next task starts a fresh one, as the graph's tasks are recomputed from the engine's state.
   */
  private lose(worker: WorkerChannel<ToGraphWorker, FromGraphWorker>, message: string): void {
    if (this.worker !== worker) return;
    this.worker = null;
    engineLog('graph worker', `${this.pending.size} task(s) failed; the next one starts a new worker.`);
    this.failAll(message);
  }

  private failAll(message: string): void {
    for (const [id, waiting] of this.pending) waiting.resolve({ id, ok: false, error: message });
    this.pending.clear();
  }
}

function runHere<K extends GraphTaskKind>(task: GraphTask): Promise<TaskOutcome<K>> {
  return new Promise((resolve, reject) => {
    setImmediate(() => {
      const started = performance.now();
      try {
        const result = runGraphTask(task);
        resolve({ value: result.value as GraphTaskResults[K], durationMs: performance.now() - started });
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}
