/** Messages between the engine and the Kafka producer's worker thread (threadedProducer.ts). */
import type { KafkaConfig, Message, ProducerConfig } from 'kafkajs';

/** What the bus needs of a producer: the threaded one and the one in this thread alike. */
export interface MessageSender {
  send(request: ProduceRequest): Promise<unknown>;
  disconnect(): Promise<void>;
}

export interface ProduceRequest {
  topic: string;
  acks: number;
  compression: number;
  messages: Message[];
}

export type ToProducerWorker =
  | { kind: 'connect'; config: KafkaConfig; producer: Omit<ProducerConfig, 'createPartitioner'> }
  | ({ kind: 'send'; id: number } & ProduceRequest)
  | { kind: 'disconnect' };

export type FromProducerWorker =
  | { kind: 'connected' }
  | { kind: 'sent'; id: number }
  /** `id` 0: connecting failed. `retriable` as kafkajs judged it, so the replay can decide to retry. */
  | { kind: 'failed'; id: number; message: string; retriable: boolean }
  | { kind: 'disconnected' };
