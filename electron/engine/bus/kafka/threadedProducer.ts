/**
 * The Kafka producer in a worker thread of its own, behind the same `send` the in-thread kafkajs
 * producer offers. On two cores this lets producing (kafkajs's per-message work) and consuming plus
 * the stages run side by side instead of taking turns on the engine's thread.
 */
import type { KafkaConfig, ProducerConfig } from 'kafkajs';
import { WorkerChannel } from '../../supervision';
import type { FromProducerWorker, MessageSender, ProduceRequest, ToProducerWorker } from './producerWorkerMessages';

export type { MessageSender } from './producerWorkerMessages';

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
  /** Until the thread says it is connected, its first word goes to start(). */
  private onFirstWord: ((message: FromProducerWorker) => void) | null = null;
  /** start()'s reject while connecting: a thread that dies then fails the start, not a send. */
  private exitedBeforeConnecting: ((error: Error) => void) | null = null;
  /** disconnect() waiting for the thread's goodbye. */
  private onDisconnected: (() => void) | null = null;
  private readonly worker: WorkerChannel<ToProducerWorker, FromProducerWorker>;

  private constructor(workerPath: string) {
    this.worker = new WorkerChannel<ToProducerWorker, FromProducerWorker>(
      { name: 'kafka producer', path: workerPath },
      {
        message: (message) => (this.onFirstWord ? this.onFirstWord(message) : this.receive(message)),
        died: (reason) => this.failAll(new KafkaSendError(`the producer thread stopped (${reason})`, true)),
      },
    );
  }

  static start(workerPath: string, config: KafkaConfig, producer: Omit<ProducerConfig, 'createPartitioner'>): Promise<ThreadedProducer> {
    const self = new ThreadedProducer(workerPath);
    return new Promise((resolve, reject) => {
      self.onFirstWord = (message) => {
        if (message.kind === 'connected') {
          self.onFirstWord = null;
          resolve(self);
        } else if (message.kind === 'failed' && message.id === 0) {
          self.onFirstWord = null;
          void self.worker.stop();
          reject(new KafkaSendError(message.message, message.retriable));
        }
      };
      self.exitedBeforeConnecting = reject;
      self.worker.start();
      self.worker.post({ kind: 'connect', config: cloneableConfig(config), producer });
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
      this.worker.post({ kind: 'send', id, ...request });
    });
  }

  private receive(message: FromProducerWorker): void {
    if (message.kind === 'disconnected') {
      this.onDisconnected?.();
      return;
    }
    if (message.kind !== 'sent' && message.kind !== 'failed') return;
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.kind === 'sent') waiting.resolve();
    else waiting.reject(new KafkaSendError(message.message, message.retriable));
  }

  private failAll(error: Error): void {
    this.exited = error;
    if (this.onFirstWord) {
      this.onFirstWord = null;
      this.exitedBeforeConnecting?.(error);
    }
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  async disconnect(): Promise<void> {
    if (!this.exited) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 5000);
        this.onDisconnected = () => {
          clearTimeout(timer);
          resolve();
        };
        this.worker.post({ kind: 'disconnect' });
      });
      this.exited = new KafkaSendError('the producer thread was disconnected', true);
    }
    await this.worker.stop();
  }
}
