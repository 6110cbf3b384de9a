/**
 * A kafkajs consumer behind the bus's pull interface. kafkajs pushes batches into a callback; the
 * stages pull at their own pace. A bounded queue sits between them, and when it is full the batch
 * callback waits (heartbeating, so the group keeps this member), which stops fetching: memory stays
 * bounded however far the topic runs ahead.
 */
import { takeEventTime } from './messageTimestamps';
import type { Admin, Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { StartFrom } from '../../../../shared/kafka/busContract';
import type { BusConsumer, BusMessage, ConsumerOptions } from '../bus';
import type { BusCodec, MalformedMessage } from '../busCodec';
import { waitUntil } from '../waitUntil';
import { describeKafkaError } from './kafkaErrors';
import { PACKED_ROWS_HEADER, unpackMessage } from './messagePacking';
import { closingAnyway, handledElsewhere } from '../../supervision';

const MAX_QUEUED = 50_000;
const JOIN_TIMEOUT_MS = 60_000;
const MALFORMED_TEXT_CHARS = 200;

/**
 * One member of a consumer group. Callers get a lease on it (`handOut`); closing the lease either
 * leaves the group or parks the member for the next lease (see ConsumerOptions.reuseMembership).
 */
export class KafkaBusConsumer<T> {
  private queue: QueuedMessage<T>[] = [];
  private malformed: MalformedMessage[] = [];
  private readonly positions = new Map<number, number>();
  private readonly committedPositions = new Map<number, number>();
  /** Per partition, messages below this offset are ones fetched before our explicit start took effect. */
  private readonly startsAt = new Map<number, number>();
  /**
   * Per partition started by time, messages stamped before this are skipped until the first one at
   * or after it: a broker that cannot look offsets up by time (some proxies, librdkafka's mock)
   * answers with an earlier offset, and this keeps the start right anyway.
   */
  private readonly notBefore = new Map<number, number>();
  /** Next offset expected per partition, to notice offsets retention removed before we read them. */
  private readonly expected = new Map<number, number>();
  /**
   * The group's committed offsets as this member last joined, for every partition of the topic:
   * where reading of a partition not yet positioned resumes. A member whose assignment arrives
   * after its positioning (a rebalance while the last member leaves) still counts, from here, the
   * rows retention removed before its first batch.
   */
  private readonly committedAtJoin = new Map<number, number>();
  /**
   * Restarts kafkajs refused because the group was between generations (a deleted topic makes the
   * group rejoin): tried again on every poll and after the next join, until one takes.
   */
  private readonly pendingSeeks = new Map<number, number>();
  private assigned: number[] = [];
  /** Batches wait for this, so none is queued before the start positions of a (re)join are known. */
  private positioned: Promise<void> = Promise.resolve();
  private wakeReader: (() => void) | null = null;
  private closed = false;
  lostToRetention = 0;
  /** Set by the bus: what closing a lease does (leave = false lets the bus park the member). */
  /** The lease was closed; resolves once the member is parked or has left the group. */
  onRelease: (leave: boolean) => Promise<void> = () => this.leave();
  /** Why consuming stopped for good, when it did. */
  failure: string | null = null;

  private constructor(
    private consumer: Consumer,
    private admin: Admin,
    private readonly codec: BusCodec<T>,
    private readonly options: ConsumerOptions,
    private readonly allowAutoTopicCreation: boolean,
  ) {}

  private static kafkajsConsumer(kafka: Kafka, groupId: string, allowAutoTopicCreation: boolean): Consumer {
    return kafka.consumer({
      groupId,
      allowAutoTopicCreation,
      maxBytes: 32 * 1024 * 1024,
      maxBytesPerPartition: 8 * 1024 * 1024,
      maxWaitTimeInMs: 100,
      sessionTimeout: 6000,
      heartbeatInterval: 1000,
    });
  }

  /**
   * `allowAutoTopicCreation` false for a bus that must not create topics: on a broker that creates
   * topics on first use, the consumer's own metadata requests would otherwise bring back at once a
   * topic someone deleted while it was being read.
   */
  static async join<T>(kafka: Kafka, admin: Admin, codec: BusCodec<T>, options: ConsumerOptions, allowAutoTopicCreation = true): Promise<KafkaBusConsumer<T>> {
    const consumer = KafkaBusConsumer.kafkajsConsumer(kafka, options.groupId, allowAutoTopicCreation);
    const self = new KafkaBusConsumer(consumer, admin, codec, options, allowAutoTopicCreation);
    await self.start();
    return self;
  }

  /**
   * Joins the group again through another client (the profile was edited: new addresses, new
   * credentials). The member keeps what it read and what it queued, so its leases go on reading
   * from exactly there (see positionUncommitted's re-join), or from the committed offsets where it
   * had read nothing yet. The old client is let go without waiting on a cluster that may be gone.
   */
  async moveTo(kafka: Kafka, admin: Admin): Promise<void> {
    const old = this.consumer;
    this.consumer = KafkaBusConsumer.kafkajsConsumer(kafka, this.options.groupId, this.allowAutoTopicCreation);
    this.admin = admin;
    this.failure = null;
    await Promise.race([old.disconnect().catch(closingAnyway), new Promise((resolve) => setTimeout(resolve, 3000))]);
    await this.start();
  }

  private async start(): Promise<void> {
    const { consumer, options } = this;
    const start: StartFrom = options.start ?? { kind: 'earliest' };
    let joined: (() => void) | null = null;
    let failed: ((error: Error) => void) | null = null;
    const ready = new Promise<void>((resolve, reject) => {
      joined = resolve;
      failed = reject;
    });
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      this.assigned = [...(event.payload.memberAssignment[options.topic] ?? [])].sort((a, b) => a - b);
      this.positioned = this.positionUncommitted(start).then(() => this.retryPendingSeeks());
      this.positioned
        .then(() => joined?.())
        .catch((error: unknown) => failed?.(new Error(`Could not find where to start reading ${options.topic}: ${describeKafkaError(error)}`)));
    });
    consumer.on(consumer.events.CRASH, (event) => {
      if (!event.payload.restart) {
        this.failure = describeKafkaError(event.payload.error);
        failed?.(new Error(this.failure));
        this.wakeReader?.();
      }
    });
    const timer = setTimeout(() => failed?.(new Error(`The consumer group ${options.groupId} did not assign partitions within ${JOIN_TIMEOUT_MS / 1000} s.`)), JOIN_TIMEOUT_MS);
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [options.topic], fromBeginning: start.kind !== 'latest' });
      await consumer.run({ autoCommit: false, eachBatchAutoResolve: true, eachBatch: (payload) => this.receive(payload) });
      await ready;
    } catch (error) {
      await consumer.disconnect().catch(closingAnyway);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * kafkajs resolves "latest" lazily, on the first fetch, which could land after rows the caller
   * produces right after joining; and it has no start-by-time. So partitions the group never
   * committed are positioned here, explicitly, before `join` resolves.
   */
  private async positionUncommitted(start: StartFrom): Promise<void> {
    const { topic, groupId } = this.options;
    const [entry] = await this.admin.fetchOffsets({ groupId, topics: [topic] });
    const committed = new Map((entry?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
    for (const [partition, offset] of committed) if (offset >= 0) this.committedAtJoin.set(partition, offset);
    const fresh: number[] = [];
    const oldest = await this.oldestKept();
    for (const partition of this.assigned) {
      const read = this.expected.get(partition);
      const offset = committed.get(partition) ?? -1;
      // Where reading of the partition goes on (see the re-join below), if anywhere yet.
      const from = read !== undefined ? Math.max(read, offset) : offset >= 0 ? offset : undefined;
      const kept = oldest.get(partition);
      if (from !== undefined && kept !== undefined && kept > from) {
        // Retention removed what this member or its group was to read next. Said here, and read on
        // from the oldest kept: left to kafkajs, the out-of-range offset would reset to the start
        // rule's end, which for "latest" skips every kept message as well.
        this.lostToRetention += kept - from;
        this.startsAt.set(partition, kept);
        this.expected.set(partition, kept);
        this.consumer.seek({ topic, partition, offset: String(kept) });
        continue;
      }
      if (read !== undefined) {
        // A re-join (after the group lost this member, say while the broker was away): go on
        // exactly where this member had read to. Commits that failed meanwhile must neither skip
        // rows (the start rule would say "latest") nor repeat what was already handed out. Unless
        // the group committed further: another member held the partition meanwhile and read on,
        // and its rows are its own (the replay says how many it took), not rows to read twice.
        const at = Math.max(read, offset);
        this.startsAt.set(partition, at);
        // Skipped because another member read them, not lost to retention.
        if (at > read) this.expected.set(partition, at);
        this.consumer.seek({ topic, partition, offset: String(at) });
      } else if (offset >= 0) {
        this.expected.set(partition, offset);
      } else {
        fresh.push(partition);
      }
    }
    if (fresh.length === 0 || start.kind === 'earliest') return;
    const offsets = start.kind === 'timestamp' ? await this.offsetsForTime(start.timestamp) : await this.admin.fetchTopicOffsets(topic);
    for (const { partition, offset } of offsets) {
      if (!fresh.includes(partition)) continue;
      const at = Number(offset);
      this.startsAt.set(partition, at);
      this.expected.set(partition, at);
      if (start.kind === 'timestamp') this.notBefore.set(partition, start.timestamp);
      this.consumer.seek({ topic, partition, offset: String(at) });
    }
  }

  /**
   * Offsets by time, checked: asked for time 0 a broker must answer each partition's low
   * watermark. One that answers the end instead (librdkafka's mock, some proxies) cannot look
   * offsets up by time, so reading starts at the low watermark and `notBefore` skips ahead.
   */
  private async offsetsForTime(timestamp: number): Promise<{ partition: number; offset: string }[]> {
    const { topic } = this.options;
    const [watermarks, probe] = await Promise.all([this.admin.fetchTopicOffsets(topic), this.admin.fetchTopicOffsetsByTimestamp(topic, 0)]);
    const lows = new Map(watermarks.map((w) => [w.partition, w.low]));
    const trustworthy = probe.every(({ partition, offset }) => offset === lows.get(partition));
    if (!trustworthy) return watermarks.map(({ partition, low }) => ({ partition, offset: low }));
    return this.admin.fetchTopicOffsetsByTimestamp(topic, timestamp);
  }

  private async receive({ batch, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    await this.positioned.catch(handledElsewhere);
    const partition = batch.partition;
    const startsAt = this.startsAt.get(partition) ?? 0;
    for (const message of batch.messages) {
      const offset = Number(message.offset);
      if (offset < startsAt) continue;
      const notBefore = this.notBefore.get(partition);
      // A packed message is judged in queuePacked: row by row, or whole when stamped as it was sent.
      const packedHere = message.headers?.[PACKED_ROWS_HEADER] !== undefined && this.codec.decodeParsed !== undefined;
      if (notBefore !== undefined && !packedHere) {
        if (Number(message.timestamp) < notBefore) {
          this.expected.set(partition, offset + 1);
          continue;
        }
        this.notBefore.delete(partition);
      }
      const expected = this.expected.get(partition) ?? this.committedAtJoin.get(partition);
      // A batch fetched just before a seek took effect comes again after it: queue each offset once.
      if (expected !== undefined && offset < expected) continue;
      if (expected !== undefined && offset > expected && (await this.skippedAhead(partition, expected, offset))) break;
      this.expected.set(partition, offset + 1);
      const headers = textHeaders(message.headers);
      const payload = message.value ?? Buffer.alloc(0);
      // A row stamped ahead of the broker's limit carries its own time in a header (messageTimestamps.ts).
      const timestamp = takeEventTime(headers) ?? Number(message.timestamp);
      const key = message.key === null ? null : message.key.toString('utf8');
      const packed = headers[PACKED_ROWS_HEADER];
      try {
        if (packed !== undefined && this.codec.decodeParsed) {
          this.queuePacked(batch.topic, partition, offset, key, payload, packed, timestamp);
          continue;
        }
        this.queue.push({
          topic: batch.topic,
          partition,
          offset,
          key,
          value: this.codec.decode(payload, { headers, timestamp }),
          timestamp,
          headers,
        });
      } catch (error) {
        this.malformed.push({ partition, offset, reason: (error as Error).message, text: payload.toString('utf8', 0, MALFORMED_TEXT_CHARS * 4).slice(0, MALFORMED_TEXT_CHARS) });
        this.positions.set(partition, offset + 1);
      }
    }
    this.wakeReader?.();
    while (this.queue.length > MAX_QUEUED && isRunning() && !isStale() && !this.closed) {
      await heartbeat();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Per partition, the oldest offset the topic keeps; empty when the cluster cannot say. */
  private async oldestKept(): Promise<Map<number, number>> {
    try {
      const marks = await this.admin.fetchTopicOffsets(this.options.topic);
      return new Map(marks.map((mark) => [mark.partition, Number(mark.low)]));
    } catch {
      return new Map(); // a gap then shows on the first batch instead (skippedAhead)
    }
  }

  /**
   * Reading of `partition` jumped from `expected` to `offset`. Either retention removed the messages
   * between (they are counted as lost, and reading goes on from the oldest kept), or the client
   * skipped messages that are still there: after a broker that stopped answering comes back, a
   * fetch can be refused as out of range and kafkajs then resets to the topic's end (a "latest"
   * start), which would drop every row produced meanwhile. Those are read again from `expected`.
   * True when a seek was made: the rest of the batch comes again after it.
   */
  private async skippedAhead(partition: number, expected: number, offset: number): Promise<boolean> {
    // Where the cluster cannot say what it keeps, read again from where this member was; should the
    // messages be gone, the next fetch skips ahead again and asks again.
    const oldest = (await this.oldestKept()).get(partition) ?? expected;
    const resumeAt = Math.max(oldest, expected);
    if (resumeAt > expected) {
      this.lostToRetention += resumeAt - expected;
      this.expected.set(partition, resumeAt);
    }
    if (offset <= resumeAt) return false;
    this.startsAt.set(partition, resumeAt);
    this.pendingSeeks.set(partition, resumeAt);
    this.retryPendingSeeks();
    return true;
  }

  /**
   * A message of several rows (see messagePacking.ts): one queued entry per row, all at its offset.
   * Decoded whole before any row is queued, so a bad row rejects the message, not part of it.
   */
  private queuePacked(topic: string, partition: number, offset: number, key: string | null, payload: Buffer, packed: string, timestamp: number): void {
    const decodeParsed = this.codec.decodeParsed as NonNullable<BusCodec<T>['decodeParsed']>;
    const notBefore = this.notBefore.get(partition);
    const unpacked = unpackMessage(payload, packed, timestamp);
    // Rows are judged one by one where the message carries its latest row's own time; one stamped
    // when it was sent (its rows far from now, see messageTimestamps.ts) is judged whole by that
    // stamp, the time the broker's lookup went by.
    const ownTime = unpacked.some((row) => row.timestamp === timestamp);
    const kept = notBefore === undefined ? unpacked : ownTime ? unpacked.filter((row) => row.timestamp >= notBefore) : timestamp >= notBefore ? unpacked : [];
    if (notBefore !== undefined && kept.length > 0) this.notBefore.delete(partition);
    const rows = kept.map((row) => ({
      topic,
      partition,
      offset,
      key,
      value: decodeParsed.call(this.codec, row.value, row),
      timestamp: row.timestamp,
      headers: row.headers,
      endsMessage: false,
    }));
    const last = rows[rows.length - 1];
    if (!last) {
      this.positions.set(partition, offset + 1);
      return;
    }
    last.endsMessage = true;
    for (const row of rows) this.queue.push(row);
  }

  /** `released`: the caller's lease was closed, which ends its wait at once. */
  async poll(maxMessages: number, waitMs: number, released: () => boolean = () => false): Promise<BusMessage<T>[]> {
    // Every batch wakes the reader, even one that queued nothing new: look again, do not end the wait.
    // Malformed messages wait for the next poll to end: were they a reason to return, a caller that
    // polls again before taking them would spin without ever yielding to the network.
    const ready = (): boolean => this.queue.length > 0 || this.closed || this.failure !== null || released();
    this.retryPendingSeeks();
    await waitUntil(ready, waitMs, (ms) => this.sleepUntilWoken(ms));
    const taken = this.queue.length <= maxMessages ? this.queue : this.queue.slice(0, maxMessages);
    this.queue = taken === this.queue ? [] : this.queue.slice(maxMessages);
    // A packed message's offset is done once its last row is handed out: a commit between its rows
    // keeps the offset, so after a restart the rest is read again rather than skipped.
    for (const message of taken) if (message.endsMessage !== false) this.positions.set(message.partition, message.offset + 1);
    return taken;
  }

  private sleepUntilWoken(waitMs: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeReader = null;
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      this.wakeReader = done;
    });
  }

  takeMalformed(): MalformedMessage[] {
    const out = this.malformed;
    this.malformed = [];
    return out;
  }

  async commit(): Promise<void> {
    const offsets: { topic: string; partition: number; offset: string }[] = [];
    for (const [partition, offset] of this.positions) {
      if (this.committedPositions.get(partition) === offset) continue;
      offsets.push({ topic: this.options.topic, partition, offset: String(offset) });
    }
    if (offsets.length === 0 || this.closed) return;
    await this.consumer.commitOffsets(offsets);
    for (const { partition, offset } of offsets) this.committedPositions.set(partition, Number(offset));
  }

  assignment(): number[] {
    return this.assigned;
  }

  /**
   * Reads a partition again from `offset` as if it had just been assigned: for a topic deleted and
   * created again, whose offsets began anew, where the old position lies beyond the new log's end
   * and every new message would be taken for one already read.
   */
  restartPartition(partition: number, offset: number): void {
    this.queue = this.queue.filter((message) => message.partition !== partition);
    this.startsAt.set(partition, offset);
    this.expected.set(partition, offset);
    this.positions.set(partition, offset);
    this.notBefore.delete(partition);
    this.pendingSeeks.set(partition, offset);
    this.retryPendingSeeks();
  }

  /**
   * kafkajs throws from `seek` while the group is rejoining ("consumer#run must be called first"),
   * exactly when a deleted topic comes back; left undone, the old position beyond the new log's end
   * would be reset by the offset reset policy, which for a "latest" start skips the new rows.
   */
  private retryPendingSeeks(): void {
    for (const [partition, offset] of this.pendingSeeks) {
      try {
        this.consumer.seek({ topic: this.options.topic, partition, offset: String(offset) });
        this.pendingSeeks.delete(partition);
      } catch {
        return; // the group is still rejoining: the next poll or join tries again
      }
    }
  }

  /** A fresh consumer for a caller, reading from this member. */
  handOut(): BusConsumer<T> {
    let released = false;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the getter below needs the member, not the lease
    const member = this;
    return {
      poll: (max, waitMs) => (released ? Promise.resolve([]) : this.poll(max, waitMs, () => released)),
      commit: () => (released ? Promise.resolve() : this.commit()),
      assignment: () => this.assignment(),
      get lostToRetention() {
        return member.lostToRetention;
      },
      get failure() {
        return member.failure;
      },
      takeMalformed: () => this.takeMalformed(),
      restartPartition: (partition, offset) => this.restartPartition(partition, offset),
      close: async () => {
        if (released) return;
        released = true;
        this.wakeReader?.();
        await this.onRelease(this.failure !== null);
      },
    };
  }

  /**
   * Leaves the group for good. Awaited by a lease's close, so whoever joins the group next does
   * not find this member still in it (fetching, holding partitions through a rebalance); a cluster
   * that does not answer is let go after LEAVE_WAIT_MS.
   */
  async leave(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.wakeReader?.();
    await Promise.race([this.consumer.disconnect().catch(closingAnyway), new Promise((resolve) => setTimeout(resolve, LEAVE_WAIT_MS).unref())]);
  }
}

/** How long a leaving member waits for the cluster to hear it. */
const LEAVE_WAIT_MS = 3000;

/** A queued row; `endsMessage` is false for all but the last row of a packed message. */
type QueuedMessage<T> = BusMessage<T> & { endsMessage?: boolean };

function textHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  // No prototype: a header named `__proto__` is a header, and a missing one reads as undefined.
  const out = Object.create(null) as Record<string, string>;
  if (!headers) return out;
  for (const [name, value] of Object.entries(headers)) {
    if (Buffer.isBuffer(value)) out[name] = value.toString('utf8');
    else if (typeof value === 'string') out[name] = value;
  }
  return out;
}
