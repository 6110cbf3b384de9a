/**
 * Worker-thread entry: one kafkajs producer. kafkajs spends about 10 µs of JavaScript per message
 * (record encoding, partition grouping, CRC32C); here that runs on its own core while the engine
 * reads the file and runs the stages.
 */
import { parentPort } from 'node:worker_threads';
import type { Producer } from 'kafkajs';
import { KAFKA_LOG_LEVEL, loadKafkajs } from './kafkajsModule';
import { describeKafkaError, isRetriableKafkaError } from './kafkaErrors';
import type { FromProducerWorker, ToProducerWorker } from './producerWorkerMessages';

const port = parentPort;
if (!port) throw new Error('the producer worker must run in a worker thread');
const post = (message: FromProducerWorker): void => port.postMessage(message);
let producer: Producer | null = null;

function failure(id: number, error: unknown): FromProducerWorker {
  return { kind: 'failed', id, message: describeKafkaError(error), retriable: isRetriableKafkaError(error) };
}

port.on('message', (message: ToProducerWorker) => {
  if (message.kind === 'connect') {
    void (async () => {
      const { Kafka, Partitioners } = await loadKafkajs();
      const kafka = new Kafka({ ...message.config, logLevel: KAFKA_LOG_LEVEL.NOTHING });
      const created = kafka.producer({ ...message.producer, createPartitioner: Partitioners.DefaultPartitioner });
      await created.connect();
      producer = created;
    })().then(
      () => post({ kind: 'connected' }),
      (error: unknown) => post(failure(0, error)),
    );
  } else if (message.kind === 'send') {
    const { id, topic, acks, compression, messages } = message;
    if (!producer) {
      post({ kind: 'failed', id, message: 'the producer is not connected', retriable: true });
      return;
    }
    producer.send({ topic, acks, compression, messages }).then(
      () => post({ kind: 'sent', id }),
      (error: unknown) => post(failure(id, error)),
    );
  } else {
    void (producer?.disconnect() ?? Promise.resolve()).finally(() => post({ kind: 'disconnected' }));
  }
});
