/**
 * The Kafka producer in a worker thread of its own, behind the same `send` the in-thread kafkajs
 * producer offers. On two cores this lets producing (kafkajs's per-message work) and consuming plus
 * the stages run side by side instead of taking turns on the engine's thread.
 */
import { Worker } from 'node:worker_threads';
import type { KafkaConfig, ProducerConfig } from 'kafkajs';
import type { FromProducerWorker, ProduceRequest, ToProducerWorker } from './producerWorkerMessages';

/** What the bus needs of a producer: kafkajs's Producer fits, and so does this class. */
export interface MessageSender {
  send(request: ProduceRequest): Promise<unknown>;
  disconnect(): Promise<void>;
}

let configuredWorkerPath: string | null = null;

/** The built worker script (the engine sets it at start-up); without one, producers run in-thread. */
export function configureKafkaProducerWorker(options: { workerPath: string | null }): void {
  configuredWorkerPath = options.workerPath;
}

export function kafkaProducerWorkerPath(): string | null {
  return configuredWorkerPath;
}

class KafkaSendError extends Error {
  constructor(
    message: string,
    readonly retriable: boolean,
  ) {
    super(message);
  }
}

/** Functions (kafkajs's log creator, socket factories) cannot cross to a worker; the worker logs nothing. */
function cloneableConfig(config: KafkaConfig): KafkaConfig {
  return Object.fromEntries(Object.entries(config).filter(([, value]) => typeof value !== 'function')) as unknown as KafkaConfig;
}

export class ThreadedProducer implements MessageSender {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private exited: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: FromProducerWorker) => this.receive(message));
    worker.on('error', (error) => this.failAll(new KafkaSendError(`the producer thread stopped: ${error.message}`, true)));
    worker.on('exit', () => this.failAll(new KafkaSendError('the producer thread exited', true)));
  }

  static start(workerPath: string, config: KafkaConfig, producer: Omit<ProducerConfig, 'createPartitioner'>): Promise<ThreadedProducer> {
    const worker = new Worker(workerPath);
    return new Promise((resolve, reject) => {
      const onMessage = (message: FromProducerWorker): void => {
        if (message.kind === 'connected') {
          worker.off('message', onMessage);
          resolve(new ThreadedProducer(worker));
        } else if (message.kind === 'failed' && message.id === 0) {
          worker.off('message', onMessage);
          void worker.terminate();
          reject(new KafkaSendError(message.message, message.retriable));
        }
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      const connect: ToProducerWorker = { kind: 'connect', config: cloneableConfig(config), producer };
      worker.postMessage(connect);
    });
  }

  /** Why the thread is gone (it died, or was disconnected), or null while it runs. */
  get failure(): Error | null {
    return this.exited;
  }

  send(request: ProduceRequest): Promise<void> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const message: ToProducerWorker = { kind: 'send', id, ...request };
      this.worker.postMessage(message);
    });
  }

  private receive(message: FromProducerWorker): void {
    if (message.kind !== 'sent' && message.kind !== 'failed') return;
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.kind === 'sent') waiting.resolve();
    else waiting.reject(new KafkaSendError(message.message, message.retriable));
  }

  private failAll(error: Error): void {
    this.exited = error;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  async disconnect(): Promise<void> {
    if (!this.exited) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 5000);
        this.worker.on('message', (message: FromProducerWorker) => {
          if (message.kind !== 'disconnected') return;
          clearTimeout(timer);
          resolve();
        });
        this.worker.postMessage({ kind: 'disconnect' } satisfies ToProducerWorker);
      });
    }
    await this.worker.terminate();
  }
}
