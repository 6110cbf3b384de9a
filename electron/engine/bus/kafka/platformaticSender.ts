/**
 * The replay's producer on @platformatic/kafka; the admin client and the consumers stay on kafkajs.
 * Producing is the per-message hot path of a Kafka replay, and there kafkajs spends about 20 µs of
 * JavaScript on every message (record encoding, partition grouping, CRC32C, sequence bookkeeping):
 * measured on this 2-core machine against a real broker, one JSON row with its tag header per
 * message, idempotent, acks=all, 260,000 messages in sends of 5,000, kafkajs made 30,700 – 31,400
 * messages/s and @platformatic/kafka 56,100 – 63,100. Same wire protocol, same broker semantics:
 * keyed by Java's murmur2 partitioner, so a junction's rows land where any Java client puts them.
 */
import type { Producer } from '@platformatic/kafka';
import type { ConnectionOptions } from 'node:tls';
import type { KafkaConfig, ProducerConfig } from 'kafkajs';
import type { MessageSender, ProduceRequest } from './producerWorkerMessages';

/** kafkajs's compression codes, as the bus sends them: 1 is gzip, anything else none. */
const KAFKAJS_GZIP = 1;

/** Keys, values and headers as the bus gives them (text or bytes), as bytes. */
function toBytes(data: unknown): Buffer | undefined {
  if (data === undefined || data === null) return undefined;
  return Buffer.isBuffer(data) ? data : Buffer.from(String(data));
}

type SaslMechanism = 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512';

/** A profile's kafkajs settings in the terms of @platformatic/kafka. */
function connectionOptions(config: KafkaConfig): { tls?: ConnectionOptions; sasl?: { mechanism: SaslMechanism; username: string; password: string } } {
  const out: { tls?: ConnectionOptions; sasl?: { mechanism: SaslMechanism; username: string; password: string } } = {};
  if (config.ssl) out.tls = config.ssl === true ? {} : config.ssl;
  const sasl = config.sasl as { mechanism: string; username?: string; password?: string } | undefined;
  if (sasl) out.sasl = { mechanism: sasl.mechanism.toUpperCase() as SaslMechanism, username: sasl.username ?? '', password: sasl.password ?? '' };
  return out;
}

type RowProducer = Producer<Buffer | string, Buffer | string, string, string>;

/**
 * One send in flight per producer. The replay sends its batches one after another, and sends a
 * batch again when the first attempt was not acknowledged in time (reliableProduce.ts) while that
 * attempt may still be pending in the client. The idempotent producer numbers a batch's messages
 * when it encodes them and counts them once acknowledged, so two attempts in flight would be
 * numbered alike and both counted, and the next batch refused as out of sequence for ever. So a
 * send that finds another in flight replaces the producer: a fresh one has a new producer id and
 * numbers from zero, and should the abandoned attempt land after all, its rows arrive twice and
 * the replay's tags count them as duplicates.
 */
class PlatformaticSender implements MessageSender {
  private inFlight = 0;

  constructor(
    private producer: RowProducer,
    private readonly makeProducer: () => RowProducer,
  ) {}

  async send({ topic, acks, compression, messages }: ProduceRequest): Promise<void> {
    if (this.inFlight > 0) this.replaceProducer();
    const producer = this.producer;
    this.inFlight++;
    try {
      await producer.send({
        acks,
        compression: compression === KAFKAJS_GZIP ? 'gzip' : 'none',
        messages: messages.map((message) => ({
          topic,
          key: message.key ?? undefined,
          value: message.value ?? undefined,
          ...(message.timestamp === undefined ? {} : { timestamp: BigInt(message.timestamp) }),
          ...(message.headers ? { headers: message.headers as Record<string, string> } : {}),
        })),
      });
    } finally {
      if (producer === this.producer) this.inFlight--;
    }
  }

  private replaceProducer(): void {
    const abandoned = this.producer;
    this.producer = this.makeProducer();
    this.inFlight = 0;
    // Its pending send fails with the close; the caller stopped waiting for it already.
    abandoned.close(true, () => undefined);
  }

  async disconnect(): Promise<void> {
    await this.producer.close();
  }
}

/**
 * A connected producer: the cluster answered a metadata request, so a wrong address, certificate or
 * password fails here, as kafkajs's connect did, rather than on the first row.
 */
export async function connectSender(config: KafkaConfig, settings: Omit<ProducerConfig, 'createPartitioner'>): Promise<MessageSender> {
  // Loaded from node_modules when first needed, not bundled: it is an ES module only, and it finds
  // its WebAssembly (CRC32C) beside its own files.
  const { compatibilityPartitioner, Producer, serializersFrom } = await import('@platformatic/kafka');
  const retry = config.retry ?? {};
  const makeProducer = (): RowProducer =>
    new Producer<Buffer | string, Buffer | string, string, string>({
      clientId: config.clientId ?? 'traffic-monitor',
      bootstrapBrokers: config.brokers as string[],
      ...(config.connectionTimeout === undefined ? {} : { connectTimeout: config.connectionTimeout }),
      ...(config.requestTimeout === undefined ? {} : { requestTimeout: config.requestTimeout }),
      retries: retry.retries ?? 5,
      retryDelay: retry.initialRetryTime ?? 300,
      ...connectionOptions(config),
      idempotent: settings.idempotent ?? false,
      // One request in flight where the cluster offers no idempotent producer, so retries keep order.
      ...(settings.maxInFlightRequests === undefined ? {} : { maxInflights: settings.maxInFlightRequests }),
      acks: -1,
      autocreateTopics: settings.allowAutoTopicCreation ?? true,
      partitioner: compatibilityPartitioner,
      serializers: serializersFrom(toBytes),
    });
  const producer = makeProducer();
  try {
    await producer.metadata({ topics: [] });
  } catch (error) {
    await producer.close().catch(() => undefined); // the error that matters is the one thrown below
    throw error;
  }
  return new PlatformaticSender(producer, makeProducer);
}
