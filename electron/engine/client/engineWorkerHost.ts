/**
 * Starts the engine in a worker thread and speaks to it with request ids, so every reply meets its
 * request even when replies arrive out of order. Used by the Electron shell, the web host and the
 * benchmark alike.
 *
 * The thread is supervised: whatever ends it other than stop() (its heap limit, an uncaught error,
 * a terminate) is logged, the requests in flight fail with the reason, a fresh thread starts and
 * gets the open file (and its roles, and the SQL table) back, and the page hears what was lost
 * through an `engine:restarted` event. A thread that keeps dying is left down after a few tries.
 */
import type { EngineCommandName, EventName, EventPayload } from '../../../shared/contract';
import type { Envelope } from '../../../shared/envelope';
import { answerSecretRequest } from '../kafka';
import type { SecretCipher } from '../kafka';
import { RestartBudget } from '../supervision';
import { WorkerChannel } from '../supervision';
import type { EngineWorkerData, FromWorker, ToWorker } from './workerProtocol';

/**
 * The engine's state is bounded by design (retention, windows, capped lists), so a modest old
 * generation is plenty; the cap makes V8 collect early instead of letting a long replay's garbage
 * pile up. The young generation is where a replay's rows live and die: each row waits on the bus
 * and in the stages for a fraction of a second, and a young generation that fills faster than that
 * promotes them to the old one, where they die anyway at the cost of a full collection on the GC's
 * helper threads, which take cores from everything else. Measured on two cores, 1M rows full
 * speed (2026-12-07; CPU of the whole process, SQL console open; the web host's peak RSS):
 *   24 MB: ~1,400-1,500 CPU ticks, 114,000-134,000 rows/s, 313 MB
 *   32 MB: ~1,140 ticks, 175,000-180,000 rows/s, 323 MB
 *   64 MB: ~1,040-1,090 ticks, 189,000 rows/s, 367 MB
 *   96 MB: ~950-1,020 ticks, 203,000-216,000 rows/s, 373 MB (embedded replay alone 314,000-324,000)
 * 96 MB keeps the web host well under its 500 MB for a 1M-row replay.
 */
const ENGINE_HEAP_LIMITS = { maxOldGenerationSizeMb: 320, maxYoungGenerationSizeMb: 96 };

export type EngineEventListener = (name: EventName, payload: unknown) => void;

/**
 * Commands whose effect a fresh engine needs to be given again, in the order they last succeeded.
 * Opening a file starts a new session, so it clears what came before it.
 */
const SESSION_OPENERS: ReadonlySet<EngineCommandName> = new Set(['file:open', 'file:openSample']);
const RESTORED: ReadonlySet<EngineCommandName> = new Set([...SESSION_OPENERS, 'schema:apply', 'sql:open']);

export interface EngineWorkerHostOptions {
  /** Where the host says that the engine died and what it did about it (default: stderr). */
  log?: (line: string) => void;
}

export class EngineWorkerHost {
  private worker: WorkerChannel<ToWorker, FromWorker> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  private readonly listeners = new Set<EngineEventListener>();
  private readonly restarts = new RestartBudget();
  /** What restore() gives a new thread: the last successful call of each RESTORED command. */
  private restoring = new Map<EngineCommandName, unknown>();
  private readonly log: (line: string) => void;
  /** stop() waiting for the engine's word that it has shut down. */
  private onStopped: (() => void) | null = null;

  constructor(
    private readonly workerPath: string,
    private readonly data: EngineWorkerData,
    /** Answers the worker's keychain requests; required when data.secretStorage is 'os-keychain'. */
    private readonly secretCipher: SecretCipher | null = null,
    options: EngineWorkerHostOptions = {},
  ) {
    this.log = options.log ?? ((line) => console.error(line));
  }

  start(): void {
    if (this.worker) return;
    this.spawn();
  }

  private spawn(): void {
    const worker = new WorkerChannel<ToWorker, FromWorker>(
      {
        name: 'engine worker',
        path: this.workerPath,
        workerData: this.data,
        resourceLimits: ENGINE_HEAP_LIMITS,
        // This process's own log (the desktop log file, the web host's stderr).
        log: (line) => this.log(`[engine worker] ${line}`),
      },
      {
        message: (message) => this.receive(message),
        died: (reason) => {
          if (this.worker !== worker) return;
          this.worker = null;
          this.died(reason);
        },
      },
    );
    worker.start();
    this.worker = worker;
  }

  /** The thread ended without stop(): log it, fail what was waiting, and start again while that still helps. */
  private died(reason: string): void {
    this.failPending(`The engine stopped (${reason}) and is being restarted; try again in a moment.`);
    if (!this.restarts.take()) {
      this.log(`[engine worker] not restarted: it stopped ${this.restarts.limit} times within a minute`);
      this.emit({
        restarted: false,
        message: `The engine stopped (${reason}) ${this.restarts.limit} times within a minute and was not started again. Restart the app.`,
      });
      return;
    }
    this.spawn();
    void this.restore(reason);
  }

  /** Gives the new thread the open file (with its roles) and the SQL table back, then tells the page. */
  private async restore(reason: string): Promise<void> {
    const steps = [...this.restoring];
    const failed: string[] = [];
    let file: string | null = null;
    for (const [name, args] of steps) {
      const envelope = await this.invoke(name, args);
      if (!envelope.ok) {
        failed.push(`${name}: ${envelope.error.message}`);
        this.log(`[engine worker] after the restart, ${name} failed: ${envelope.error.message}`);
      } else if (SESSION_OPENERS.has(name)) {
        file = (envelope.value as { name?: string }).name ?? null;
      }
    }
    this.log(`[engine worker] restarted${file ? `; ${file} reopened` : ''}`);
    const reopened = file ? ` ${file} was opened again;` : '';
    const lost = ' the replay stopped, and the feed, forecasts, graph and SQL table start again from empty.';
    const problems = failed.length > 0 ? ` Could not restore: ${failed.join('; ')}.` : '';
    this.emit({ restarted: true, message: `The engine stopped (${reason}) and was restarted.${reopened}${lost}${problems}` });
  }

  private emit(payload: EventPayload<'engine:restarted'>): void {
    for (const listener of this.listeners) listener('engine:restarted', payload);
  }

  /** What a fresh engine must be told again, from a command that just succeeded. */
  private remember(name: EngineCommandName, args: unknown): void {
    if (!RESTORED.has(name)) return;
    if (SESSION_OPENERS.has(name)) this.restoring = new Map();
    this.restoring.delete(name);
    this.restoring.set(name, args);
  }

  onEvent(listener: EngineEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Arguments are validated inside the worker; the reply is always an envelope. */
  invoke(name: EngineCommandName, args: unknown): Promise<Envelope<unknown>> {
    const worker = this.worker;
    if (!worker) return Promise.resolve({ ok: false, error: { code: 'DISCONNECTED', message: 'The engine is not running.' } });
    const id = this.nextId++;
    return new Promise<Envelope<unknown>>((resolve) => {
      this.pending.set(id, resolve);
      worker.post({ kind: 'command', id, name, args });
    }).then((envelope) => {
      if (envelope.ok) this.remember(name, args);
      return envelope;
    });
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    // The engine gets a moment to shut down cleanly (close its Kafka clients, flush settings).
    const stopped = new Promise<void>((resolve) => (this.onStopped = resolve));
    worker.post({ kind: 'shutdown' });
    const timer = setTimeout(() => this.onStopped?.(), 2000);
    await stopped;
    clearTimeout(timer);
    this.onStopped = null;
    await worker.stop();
    this.failPending('The engine is not running.');
  }

  private receive(message: FromWorker): void {
    if (message.kind === 'result') {
      this.pending.get(message.id)?.(message.envelope);
      this.pending.delete(message.id);
    } else if (message.kind === 'event') {
      for (const listener of this.listeners) listener(message.name, message.payload);
    } else if (message.kind === 'stopped') {
      this.onStopped?.();
    } else if (message.kind === 'log') {
      this.log(`[${message.source}] ${message.line}`);
    } else if (message.kind === 'secretRequest') {
      const cipher = this.secretCipher;
      const reply = cipher
        ? answerSecretRequest(cipher, message)
        : Promise.resolve({ kind: 'secretReply' as const, id: message.id, ok: false, text: 'This host has no OS keychain.' });
      void reply.then((answer) => this.worker?.post(answer));
    }
  }

  private failPending(message: string): void {
    for (const resolve of this.pending.values()) resolve({ ok: false, error: { code: 'DISCONNECTED', message } });
    this.pending.clear();
  }
}
