/**
 * Worker-thread entry: the replay's producer (platformaticSender.ts). Its per-message work (record
 * encoding, partition grouping, CRC32C) runs here on its own core while the engine reads the file
 * and runs the stages.
 */
import { parentPort } from 'node:worker_threads';
import { describeKafkaError, isRetriableKafkaError } from './kafkaErrors';
import { connectSender } from './platformaticSender';
import type { FromProducerWorker, MessageSender, ToProducerWorker } from './producerWorkerMessages';

const port = parentPort;
if (!port) throw new Error('the producer worker must run in a worker thread');
const post = (message: FromProducerWorker): void => port.postMessage(message);
let producer: MessageSender | null = null;

function failure(id: number, error: unknown): FromProducerWorker {
  return { kind: 'failed', id, message: describeKafkaError(error), retriable: isRetriableKafkaError(error) };
}

port.on('message', (message: ToProducerWorker) => {
  if (message.kind === 'connect') {
    void (async () => {
      producer = await connectSender(message.config, message.producer);
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
    // Closing fails only on a cluster already gone; the thread is let go either way.
    void (producer?.disconnect() ?? Promise.resolve()).catch(() => undefined).finally(() => post({ kind: 'disconnected' }));
  }
});
