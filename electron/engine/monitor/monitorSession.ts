/**
 * Monitor mode: watches a topic other programs write, with no replay. The first messages decide
 * the columns (as a file's first block does), then every message runs through the same stages as a
 * replayed row. A message that is not a row is counted and listed with its partition and offset;
 * nothing a producer writes can stop the monitor.
 */
import type { KafkaConfig } from 'kafkajs';
import type { FileInfo, RejectedRow, ReplayProgress, ReplayState } from '../../../shared/contract';
import type { BusView, MonitorRequest, PartitionLag } from '../../../shared/kafka/busContract';
import type { TrafficRecord } from '../../../shared/records';
import type { SchemaOverrides } from '../../../shared/schema';
import type { BusConsumer, BusMessage } from '../bus';
import { describeKafkaError, isRetriableKafkaError } from '../bus';
import { RateMeter } from '../replay';
import { DEFAULT_LIMITS } from '../replay';
import { MAX_REJECTED_TEXT } from '../source';
import { RowDecoder } from '../source';
import { resolveTableSchema, type TableSchema } from '../source';
import type { FeedEntry } from '../stages';
import { PipelineStages } from '../stages';
import { engineLog } from '../supervision';
import { kafkaMonitorBus, type MonitorBus } from './monitorBus';
import { envelopeFields, envelopeNames, envelopeNotes, keyAsLocation, keyColumn, timestampColumn, type MessageEnvelope } from './messageEnvelope';
import { inferMessageLayout, isHeaderMessage, messageFields, messageTexts, type MessageLayout } from './messageRows';
import { textSample } from './messageSample';
import { notTextReason, showControls } from './messageText';

export interface MonitorSource {
  request: MonitorRequest;
  profileName: string;
  config: KafkaConfig;
  /** The app's consumer group; the monitor reads as `<group>.monitor` and never commits, so each start honours the chosen start position. */
  groupId: string;
}

const SAMPLE_MESSAGES = 200;
/** After the first message, how long to gather more before deciding the columns. */
const SAMPLE_WINDOW_MS = 1500;
const FIRST_MESSAGE_TIMEOUT_MS = 15_000;
const POLL_BATCH = 5000;
const PREVIEW_ROWS = 8;
const LAG_REFRESH_MS = 1000;
/** Drift past this many new fields is not a grown schema but a topic of many shapes: listing stops. */
const MAX_NEW_FIELDS = 20;
/**
 * A refresh of the offsets unanswered this long means the broker is gone: kafkajs retries a dead
 * broker for many seconds before it throws, and the page should not look healthy meanwhile.
 */
const UNANSWERED_MS = 3000;

export class MonitorSession {
  /** The threshold filter, feed window and reject log this topic's rows run through. */
  readonly stages: PipelineStages;
  private readonly meter = new RateMeter();
  private decoder: RowDecoder;
  private state: ReplayState = 'running';
  private message: string | null;
  private consumed = 0;
  private accepted = 0;
  private eventTime: number | null = null;
  private readonly startedAt = performance.now();
  private readonly positions = new Map<number, number>();
  private partitions: PartitionLag[] = [];
  private lagTimer: NodeJS.Timeout | null = null;
  /** Set while the watched topic is gone from the cluster: what the toolbar and the Kafka panel say. */
  private topicGone: string | null = null;
  /** Set while the cluster does not answer (a broker restarting, the network gone); watching resumes by itself. */
  private unreachable: string | null = null;
  private refreshing = false;
  /** Why watching ended for good: a failure no retry gets past. */
  private watchFailure: string | null = null;
  private stopped = false;
  /** Fields later messages brought that are not columns (schema drift), as first seen. */
  private readonly newFields = new Set<string>();
  private driftNote: string | null = null;
  private driftFirstAt: string | null = null;

  private constructor(
    private readonly source: MonitorSource,
    private readonly bus: MonitorBus,
    private readonly consumer: BusConsumer<Buffer>,
    private readonly layout: MessageLayout,
    /** Columns from the message key and timestamp, after the value's (messageEnvelope.ts). */
    private readonly envelope: MessageEnvelope,
    /** The value's columns and then the envelope's: the table's header. */
    private readonly names: string[],
    private readonly samples: string[][],
    schema: TableSchema,
    private info: FileInfo,
    private readonly changed: () => void,
  ) {
    this.stages = new PipelineStages(schema.columns, schema.measure, changed);
    this.decoder = new RowDecoder(schema);
    this.message = `Monitoring ${source.request.topic} on ${source.profileName}.`;
  }

  /** Connects, reads the first messages to learn the columns, and starts watching. */
  static async open(source: MonitorSource, overrides: SchemaOverrides | null, changed: () => void, bus: MonitorBus = kafkaMonitorBus(source.config)): Promise<MonitorSession> {
    const { request } = source;
    try {
      await bus.connect();
      if (!(await bus.topicExists(request.topic))) throw new Error(`There is no topic "${request.topic}" on ${source.profileName}.`);
      const consumer = await bus.consumer({ groupId: `${source.groupId}.monitor`, topic: request.topic, start: request.startFrom });
      const first = await gatherSample(consumer, request.topic);
      const sampled = textSample(first, request.topic);
      const layout = inferMessageLayout(
        sampled.flatMap(({ texts }) => texts),
        request.format,
      );
      const valueRows = sampled.flatMap(({ message, texts }) =>
        texts
          .filter((text) => !isHeaderMessage(text, layout))
          .map((text) => messageFields(text, layout))
          .map((result) => ({ message, fields: result.ok ? result.fields : null })),
      );
      const rowsWith = (envelope: MessageEnvelope): string[][] =>
        valueRows.flatMap(({ message, fields }) => (fields ? [[...fields, ...envelopeFields(message, envelope)]] : []));
      let envelope: MessageEnvelope = { key: keyColumn(valueRows, layout.names), timestamp: null };
      // Values with no time of their own are timed by their record timestamp, as Kafka stamps them.
      const keyed = [...layout.names, ...envelopeNames(envelope)];
      if (resolveTableSchema(keyed, rowsWith(envelope), layout.delimiter, null).time === null) envelope = { ...envelope, timestamp: timestampColumn(keyed) };
      const names = [...layout.names, ...envelopeNames(envelope)];
      const dataRows = rowsWith(envelope);
      const schema = keyAsLocation(resolveTableSchema(names, dataRows, layout.delimiter, overrides), envelope, dataRows, overrides);
      const info = describeTopic(source, layout, envelope, schema, dataRows, overrides !== null);
      const session = new MonitorSession(source, bus, consumer, layout, envelope, names, dataRows, schema, info, changed);
      session.process(first);
      session.startWatching();
      return session;
    } catch (error) {
      await bus.close();
      throw new Error(describeKafkaError(error));
    }
  }

  get fileInfo(): FileInfo {
    return this.info;
  }

  get topic(): string {
    return this.source.request.topic;
  }

  /** The user's corrections of the inferred roles; the stages restart under them, the stream goes on. */
  applySchema(overrides: SchemaOverrides | null): FileInfo {
    const schema = keyAsLocation(resolveTableSchema(this.names, this.samples, this.layout.delimiter, overrides), this.envelope, this.samples, overrides);
    this.decoder = new RowDecoder(schema);
    this.stages.useColumns(schema.columns, schema.measure);
    this.info = describeTopic(this.source, this.layout, this.envelope, schema, this.samples, overrides !== null);
    if (this.driftNote) this.info = { ...this.info, notes: [...this.info.notes, this.driftNote] };
    this.changed();
    return this.info;
  }

  get sampleHeader(): string[] {
    return this.names;
  }

  /**
   * Runs the watch loop; whatever it throws ends watching with a message the page shows (the
   * Kafka panel and the toolbar), logged with its context, never an unhandled rejection.
   */
  private startWatching(): void {
    this.watch().catch((error: unknown) => this.endWatch(error));
  }

  private endWatch(error: unknown): void {
    if (this.stopped) return;
    this.stopped = true;
    this.state = 'stopped';
    if (this.lagTimer) clearInterval(this.lagTimer);
    this.lagTimer = null;
    const reason = describeKafkaError(error);
    this.watchFailure = `Watching ${this.topic} stopped: ${reason}. The rows read so far stay; watch the topic again to go on.`;
    const stack = error instanceof Error && error.stack ? `\n${error.stack}` : '';
    engineLog('monitor', `watching ${this.topic} on ${this.source.profileName} failed after ${this.consumed} rows (positions ${JSON.stringify([...this.positions])}): ${reason}${stack}`);
    this.changed();
  }

  private async watch(): Promise<void> {
    this.lagTimer = setInterval(() => void this.refreshPartitions(), LAG_REFRESH_MS);
    void this.refreshPartitions();
    while (!this.stopped) {
      if (this.state === 'paused') {
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      // A sink's worker (the analysis) is as far behind as it may be: read on when it has caught up.
      if (this.stages.sinksBehind()) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        continue;
      }
      const messages = await this.consumer.poll(POLL_BATCH, 200);
      if (this.stopped) return;
      if (messages.length > 0) {
        this.process(messages);
        this.changed();
      }
    }
  }

  private process(messages: readonly BusMessage<Buffer>[]): void {
    const rows: FeedEntry[] = [];
    const rejected: RejectedRow[] = [];
    for (const message of messages) {
      this.positions.set(message.partition, message.offset + 1);
      const whole = message.value.toString('utf8');
      const where = { line: message.offset, partition: message.partition, offset: message.offset };
      const notText = notTextReason(whole);
      if (notText !== null) {
        this.consumed++;
        rejected.push({ ...where, reason: notText, text: showControls(whole.slice(0, MAX_REJECTED_TEXT)) });
        continue;
      }
      // Rows, not messages, are counted: a message of several rows adds each (read = accepted + rejected).
      for (const text of messageTexts(whole)) {
        // A CSV header line (a producer may write one now and then) is no row: counted nowhere, so
        // consumed = accepted + rejected as the progress line says.
        if (isHeaderMessage(text, this.layout)) continue;
        this.consumed++;
        const fields = messageFields(text, this.layout);
        if (fields.ok && fields.extra) this.noticeNewFields(fields.extra, message);
        const decoded = fields.ok ? this.decoder.decode([...fields.fields, ...envelopeFields(message, this.envelope)]) : fields;
        if (!decoded.ok) {
          rejected.push({ ...where, reason: decoded.reason, text: text.slice(0, MAX_REJECTED_TEXT) });
          continue;
        }
        const record: TrafficRecord = { line: message.offset, values: decoded.values, time: decoded.time };
        rows.push({ offset: message.offset, partition: message.partition, record });
        if (record.time !== null) this.eventTime = record.time;
      }
    }
    this.stages.acceptRows(rows);
    this.accepted += rows.length;
    if (rejected.length > 0) this.stages.rejects.add(rejected);
    this.meter.record(this.consumed);
  }

  /**
   * Schema drift: a later message has fields the first ones did not. The columns are fixed while
   * watching (the stages, SQL table and forecasts are built on them), so the new fields are not
   * read; the topic's notes and the Kafka panel say which, and where they first appeared.
   */
  private noticeNewFields(names: readonly string[], message: BusMessage<Buffer>): void {
    const fresh = names.filter((name) => !this.newFields.has(name));
    if (fresh.length === 0 || this.newFields.size >= MAX_NEW_FIELDS) return;
    for (const name of fresh) this.newFields.add(name);
    const listed = [...this.newFields].map((name) => `"${name}"`).join(', ');
    this.driftFirstAt ??= `partition ${message.partition}, offset ${message.offset}`;
    const note = `Later messages have fields the first ones did not: ${listed} (first at ${this.driftFirstAt}). They are not columns while watching; watch the topic again to read them.`;
    this.info = { ...this.info, notes: [...this.info.notes.filter((line) => line !== this.driftNote), note] };
    this.driftNote = note;
    this.message = note;
  }

  /**
   * Offsets and lag, once a second. One refresh at a time (a dead broker holds each for seconds);
   * one unanswered for UNANSWERED_MS, or failing, marks the cluster unreachable until one succeeds.
   */
  private async refreshPartitions(): Promise<void> {
    if (this.refreshing || this.stopped) return;
    this.refreshing = true;
    const silent = setTimeout(() => this.markUnreachable(`${this.source.profileName} does not answer`), UNANSWERED_MS);
    try {
      await this.readPartitions();
      if (this.unreachable !== null) {
        this.unreachable = null;
        this.message = `${this.source.profileName} answers again; watching ${this.topic} goes on where it was.`;
        this.changed();
      }
    } catch (error) {
      // Shown as stale numbers with the reason; the consumer reconnects by itself.
      this.markUnreachable(isRetriableKafkaError(error) ? `${this.source.profileName} is unreachable (${describeKafkaError(error)})` : describeKafkaError(error));
    } finally {
      clearTimeout(silent);
      this.refreshing = false;
    }
  }

  private markUnreachable(why: string): void {
    if (this.stopped) return;
    this.unreachable = `The Kafka broker is unreachable: ${why}. Watching ${this.topic} resumes when it is back; the rows read so far stay.`;
    this.changed();
  }

  private async readPartitions(): Promise<void> {
    if (!(await this.bus.topicExists(this.topic))) {
      this.topicGone = `The topic ${this.topic} was deleted on ${this.source.profileName}. Watching for it to come back; the rows read so far stay.`;
      this.partitions = [];
      this.changed();
      return;
    }
    const watermarks = await this.bus.watermarks(this.topic);
    this.noticeTopicRecreated(watermarks);
    this.partitions = watermarks.map(({ partition, low, high }) => {
      const position = this.positions.get(partition) ?? null;
      return { partition, low, high, committed: position, lag: Math.max(0, high - Math.max(position ?? low, low)) };
    });
    this.changed();
  }

  /**
   * A partition whose end lies before what was already read belongs to a new topic of the same name
   * (deleted and created again): its offsets began anew, so it is read again from its start.
   */
  private noticeTopicRecreated(watermarks: readonly { partition: number; low: number; high: number }[]): void {
    // A topic just created may not list its partitions yet: judge it at the next refresh.
    if (watermarks.length === 0) return;
    // Seen gone before: every partition is new, however far its writers have got since.
    const restarted = this.topicGone !== null ? watermarks : watermarks.filter(({ partition, high }) => high < (this.positions.get(partition) ?? 0));
    this.topicGone = null;
    if (restarted.length === 0) return;
    for (const { partition, low } of restarted) {
      this.positions.set(partition, low);
      this.consumer.restartPartition?.(partition, low);
    }
    this.message = `The topic ${this.topic} was deleted and created again on ${this.source.profileName}; reading the new topic from its start.`;
  }

  pause(): void {
    if (this.state === 'running') this.state = 'paused';
    this.changed();
  }

  resume(): void {
    if (this.state === 'paused') this.state = 'running';
    this.changed();
  }

  progress(): ReplayProgress {
    const elapsedMs = performance.now() - this.startedAt;
    return {
      state: this.state,
      rowsRead: this.accepted + this.stages.rejects.total,
      rowsAccepted: this.accepted,
      rowsRejected: this.stages.rejects.total,
      rowsConsumed: this.accepted,
      totalRows: null,
      totalExact: false,
      bytesRead: 0,
      bytesTotal: 0,
      rowsPerSecond: this.state === 'paused' ? 0 : this.meter.perSecond(),
      elapsedMs,
      pace: { mode: 'fast' },
      limits: DEFAULT_LIMITS,
      loop: 0,
      run: 1, // watching a topic is one run, from start to stop
      eventTime: this.eventTime,
      position: this.consumed,
      seekedTo: null,
      rowsSkipped: 0,
      etaSeconds: null,
      // What the monitor is doing shows in the Kafka panel and the toolbar; this line is for trouble.
      message: this.consumerFailure() ?? this.unreachable ?? this.topicGone,
    };
  }

  busView(): BusView {
    const { request } = this.source;
    return {
      selection: { kind: 'kafka', profileId: request.profileId, topic: request.topic, createTopic: false, startFrom: request.startFrom, compression: 'none' },
      state: this.consumerFailure() ? 'failed' : this.unreachable ? 'retrying' : 'connected',
      message: this.consumerFailure() ?? this.unreachable ?? this.topicGone ?? this.message,
      retryInSeconds: null,
      profileName: this.source.profileName,
      topic: request.topic,
      groupId: `${this.source.groupId}.monitor`,
      producerMode: null,
      monitoring: true,
      produced: 0,
      consumed: this.consumed,
      duplicates: 0,
      malformed: this.stages.rejects.total,
      lostToRetention: this.consumer.lostToRetention,
      produceRetries: 0,
      partitions: this.partitions,
      maxLag: this.partitions.reduce((max, p) => Math.max(max, p.lag), 0),
    };
  }

  private consumerFailure(): string | null {
    return this.consumer.failure ?? this.watchFailure;
  }

  async dispose(): Promise<void> {
    this.stopped = true;
    this.state = 'stopped';
    if (this.lagTimer) clearInterval(this.lagTimer);
    await this.consumer.close();
    await this.bus.close();
  }
}

/** The first messages: waits for one, then gathers more for a moment, as a file's first block. */
async function gatherSample(consumer: BusConsumer<Buffer>, topic: string): Promise<BusMessage<Buffer>[]> {
  const sample: BusMessage<Buffer>[] = [];
  const giveUpAt = Date.now() + FIRST_MESSAGE_TIMEOUT_MS;
  while (sample.length === 0) {
    if (Date.now() > giveUpAt) {
      throw new Error(`No message arrived on "${topic}" within ${FIRST_MESSAGE_TIMEOUT_MS / 1000} s, so its columns cannot be inferred yet. Start from "earliest", or watch again once something writes to it.`);
    }
    sample.push(...(await consumer.poll(SAMPLE_MESSAGES, 250)));
  }
  const enough = Date.now() + SAMPLE_WINDOW_MS;
  while (sample.length < SAMPLE_MESSAGES && Date.now() < enough) sample.push(...(await consumer.poll(SAMPLE_MESSAGES - sample.length, 100)));
  return sample;
}

function describeTopic(source: MonitorSource, layout: MessageLayout, envelope: MessageEnvelope, schema: TableSchema, rows: string[][], remembered: boolean): FileInfo {
  return {
    path: `kafka:${source.profileName}/${source.request.topic}`,
    name: `${source.request.topic} (Kafka, ${layout.format === 'json' ? 'JSON' : 'CSV'})`,
    sizeBytes: 0,
    delimiter: layout.delimiter,
    decimalComma: schema.decimalComma,
    columns: schema.columns,
    time: schema.time,
    location: schema.location,
    measure: schema.measure,
    notes: [...envelopeNotes(envelope, schema.location), ...schema.notes],
    timeRange: null,
    timeOrder: null, // a topic's rows come as they are produced: read oldest first
    preview: rows.slice(0, PREVIEW_ROWS),
    rolesRemembered: remembered,
    estimatedRows: 0,
    encoding: null, // messages are read as UTF-8; there is no file encoding to choose
  };
}
