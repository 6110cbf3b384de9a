/**
 * One opened file and its replay: reads the CSV at the chosen pace, produces each row to the bus
 * keyed by location, and runs the stages on what the consumer group reads back. Counts always
 * reconcile: rows read = accepted + rejected, and the stages consume every accepted row.
 */
import { defaultPaceFor } from '../../../shared/contract';
import type { FileInfo, Pace, ReplayLimits, ReplayProgress, ReplayState, SeekTarget } from '../../../shared/contract';
import type { TrafficRecord } from '../../../shared/records';
import type { BusConsumer, BusMessage } from '../bus/bus';
import { describeKafkaError, isRetriableKafkaError } from '../bus/kafka/kafkaErrors';
import { createReplaySource } from '../source/replayOrder/createReplaySource';
import type { ReplayBatch, ReplaySource } from '../source/replayOrder/replaySource';
import type { RejectSpill } from '../stages/rejectSpill';
import { PipelineStages } from '../stages/pipelineStages';
import { ActiveTimer } from './activeTimer';
import type { BusBinding } from './busBinding';
import { toBusRecords } from './busRecords';
import { ExactTotalScan } from './exactTotalScan';
import { describeChange, stampOf } from './fileChangeCheck';
import { HeldRejects } from './heldRejects';
import { LoopTimeline } from './loopTimeline';
import type { OpenedFile } from './openedFile';
import { createPacer, repace, STALL_GRACE_MS, type Pacer } from './pacer';
import { RateMeter } from './rateMeter';
import { FIRST_RETRY_MS, MAX_RETRY_MS, ReliableProducer } from './reliableProduce';
import { DEFAULT_LIMITS, etaSeconds, limitReached, msUntilLimit, type ReplayStanding } from './replayLimits';
import { ReplayRunTag } from './replayRunTag';
import { WakeableDelay } from './wakeableDelay';

import { PRODUCE_BATCH } from './busBinding';
import { closingAnyway, handledElsewhere } from '../supervision/ignoredErrors';
export { REPLAY_TOPIC, STAGES_GROUP } from './busBinding';
export type { OpenedFile } from './openedFile';
const POLL_BATCH = 20_000;
/** How long the stages' consumer must have had nothing before the group's offsets are asked about. */
const GROUP_QUIET_MS = 2000;


export class ReplaySession extends PipelineStages {
  private info: FileInfo;
  private pace: Pace;
  private limits: ReplayLimits = DEFAULT_LIMITS;
  private pacer: Pacer;
  private readonly meter = new RateMeter();
  private readonly delay = new WakeableDelay();
  private readonly active = new ActiveTimer();
  /** The file's rows in replay order: as written, or merged by time for a file grouped by location. */
  private readonly source: ReplaySource;
  private readonly loops: LoopTimeline;
  private readonly locationColumn: number;

  private state: ReplayState = 'idle';
  private message: string | null = null;
  private rowsAccepted = 0;
  private rowsConsumed = 0;
  private rowsSkipped = 0;
  private bytesRead = 0;
  private position = 0;
  private eventTime: number | null = null;
  private seekedTo: SeekTarget | null = null;
  private totalRows: number | null;
  private totalExact = false;
  private startedAt = 0;
  private finishedAt: number | null = null;
  private producerDone = true;
  private abort: AbortController | null = null;
  private consumer: BusConsumer<TrafficRecord> | null = null;
  /** This replay's tag on the rows it produces and the sorting of what comes back (tagged buses only). */
  private readonly tags = new ReplayRunTag();
  private readonly producer: ReliableProducer;
  /** The background whole-file scan that makes the total exact. */
  private readonly scan: ExactTotalScan;
  private run = 0;

  constructor(
    readonly file: OpenedFile,
    private readonly binding: BusBinding,
    protected readonly changed: () => void,
    private readonly spill: RejectSpill | null = null,
  ) {
    super(file.schema.columns, file.schema.measure);
    this.info = file.info;
    this.locationColumn = file.schema.location === null ? -1 : file.schema.columns.findIndex((c) => c.name === file.schema.location);
    this.pace = defaultPaceFor(file.info);
    this.pacer = createPacer(this.pace);
    this.loops = new LoopTimeline(file.info.timeRange);
    this.totalRows = file.sniffed.estimatedRows;
    this.source = createReplaySource(file);
    this.producer = this.producerOn(binding);
    this.scan = new ExactTotalScan(file, (rows) => this.scanned(rows));
    this.scan.start(undefined);
  }

  private producerOn(binding: BusBinding): ReliableProducer {
    return new ReliableProducer(
      binding,
      this.delay,
      (run) => this.current(run),
      (message) => {
        this.message = message;
      },
      () => this.changed(),
    );
  }

  /** The whole-file scan counted the rows; a total the replay already made exact stays. */
  private scanned(rows: number): void {
    if (this.totalExact) return;
    this.totalRows = rows;
    this.totalExact = true;
    this.changed();
  }

  get isActive(): boolean {
    return this.state === 'running' || this.state === 'paused';
  }

  get currentPace(): Pace {
    return this.pace;
  }

  get currentLimits(): ReplayLimits {
    return this.limits;
  }

  get currentPosition(): number {
    return this.position;
  }

  /** The file as the page should show it: the time range widens as rows are read. */
  get fileInfo(): FileInfo {
    const range = this.loops.range;
    if (range && (range.first !== this.info.timeRange?.first || range.last !== this.info.timeRange.last)) {
      this.info = { ...this.info, timeRange: range };
    }
    return this.info;
  }

  start(pace: Pace, limits: ReplayLimits, seek: SeekTarget | null = null): void {
    this.halt();
    const run = this.run;
    this.pace = pace;
    this.limits = limits;
    this.resetCounts();
    this.scan.narrow(pace);
    this.abort = new AbortController();
    this.state = 'running';
    this.message = seek ? 'Seeking…' : null;
    this.seekedTo = seek;
    this.startedAt = performance.now();
    this.producerDone = false;
    this.pacer = createPacer(pace);
    this.active.start();
    this.meter.record(0);
    this.spill?.reset();
    this.changed();
    void this.begin(run, this.abort.signal, seek);
  }

  /** Readies the topic and the stages' consumer, retrying with back-off while the bus is unreachable. */
  private async begin(run: number, signal: AbortSignal, seek: SeekTarget | null): Promise<void> {
    const { bus, topic, groupId, start, freshTopicPerReplay } = this.binding;
    let retryMs = FIRST_RETRY_MS;
    for (;;) {
      try {
        if (freshTopicPerReplay) await bus.deleteTopic(topic);
        await bus.createTopic(topic);
        const consumer = await bus.consumer({ groupId, topic, start, reuseMembership: true });
        if (!this.current(run)) {
          await consumer.close();
          return;
        }
        this.consumer = consumer;
        this.binding.onProduceRecovered();
        break;
      } catch (error) {
        if (!this.current(run) || signal.aborted) return;
        if (!isRetriableKafkaError(error)) {
          this.fail(`Could not start on topic ${topic}: ${describeKafkaError(error)}`);
          return;
        }
        this.message = `Waiting for the bus: ${describeKafkaError(error)}. Trying again in ${Math.round(retryMs / 1000)} s.`;
        this.binding.onProduceTrouble(error, retryMs);
        this.changed();
        await this.delay.wait(retryMs);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
        if (!this.current(run) || signal.aborted) return;
      }
    }
    if (this.message?.startsWith('Waiting for the bus')) this.message = seek ? 'Seeking…' : null;
    this.changed();
    void this.produce(run, signal, seek);
    void this.consume(run, this.consumer);
  }

  private fail(message: string): void {
    this.state = 'failed';
    this.message = message;
    this.producerDone = true;
    this.active.pause();
    this.changed();
  }

  /** Jumps to a time or row: the panels restart from there, with the same pace and limits. */
  seek(target: SeekTarget): void {
    this.start(this.pace, this.limits, target);
  }

  setPace(pace: Pace): void {
    this.pace = pace;
    this.pacer = repace(this.pacer, pace, this.rowsAccepted, this.state === 'paused');
    this.delay.poke();
    this.changed();
  }

  pause(): void {
    if (this.state !== 'running') return;
    this.pacer.pause();
    this.active.pause();
    this.state = 'paused';
    this.changed();
  }

  resume(): void {
    if (this.state !== 'paused') return;
    this.pacer.resume(this.rowsAccepted);
    this.active.resume();
    this.state = 'running';
    this.delay.poke();
    this.changed();
  }

  stop(): void {
    if (!this.isActive) return;
    this.abort?.abort();
    this.state = 'stopped';
    this.message = null;
    this.finishedAt = performance.now();
    this.active.pause();
    this.delay.poke();
    this.changed();
  }

  /** Ends everything this session started; used when another file is opened. */
  dispose(): void {
    this.halt();
    this.scan.stop();
  }

  private halt(): void {
    this.run++; // ends this run's producer and stages loops; their closed consumer must not spin
    this.abort?.abort();
    void this.consumer?.close();
    this.consumer = null;
    this.delay.poke();
  }

  private resetCounts(): void {
    this.resetStages();
    this.rowsAccepted = 0;
    this.rowsConsumed = 0;
    this.rowsSkipped = 0;
    this.tags.restart();
    this.producer.retries = 0;
    this.bytesRead = 0;
    this.position = 0;
    this.eventTime = null;
    this.loops.restart();
    this.finishedAt = null;
    this.meter.reset();
  }

  private current(run: number): boolean {
    return run === this.run;
  }

  private standing(): ReplayStanding {
    return { limits: this.limits, activeMs: this.active.elapsedMs(), rowsAccepted: this.rowsAccepted };
  }

  private async produce(run: number, signal: AbortSignal, seek: SeekTarget | null): Promise<void> {
    let from = seek;
    let limitMessage: string | null = null;
    let changeMessage: string | null = null;
    try {
      for (;;) {
        const before = await stampOf(this.file.sniffed.path);
        const reader = this.source.rows(from, signal);
        const wholeFile = from === null;
        const acceptedBefore = this.rowsAccepted;
        try {
          limitMessage = await this.producePass(run, reader, signal);
        } finally {
          await reader.return(undefined).catch(closingAnyway);
        }
        if (!signal.aborted && limitMessage === null && this.current(run)) {
          changeMessage = describeChange(this.file.sniffed.sizeBytes, before, await stampOf(this.file.sniffed.path));
          // What was read is the only count that means anything now; the scan's total was of another file.
          if (changeMessage !== null) this.markTotalKnown();
        }
        if (signal.aborted || limitMessage !== null || changeMessage !== null || !this.limits.loop || !this.current(run)) break;
        if (!this.totalExact) this.markTotalKnown();
        // A file without a single good row would otherwise loop flat out for ever.
        if (wholeFile && this.rowsAccepted === acceptedBefore) {
          limitMessage = 'Stopped looping: the file has no rows that can be replayed.';
          break;
        }
        this.loops.next();
        from = null;
        this.changed();
      }
    } catch (error) {
      if (!signal.aborted && this.current(run)) {
        this.state = 'failed';
        this.message = `Reading stopped at byte ${this.bytesRead}: ${(error as Error).message}`;
      }
    } finally {
      if (this.current(run)) {
        this.producerDone = true;
        if (!signal.aborted && this.state !== 'failed') {
          if (limitMessage === null && this.loops.count === 0 && !this.totalExact) this.markTotalKnown();
          this.message = limitMessage ?? changeMessage;
        }
        this.delay.poke();
        this.changed();
      }
    }
  }

  private markTotalKnown(): void {
    this.totalRows = this.position;
    this.totalExact = true;
  }

  /** One pass over the file; returns the limit that ended it, or null at the end of the file. */
  private async producePass(run: number, reader: AsyncGenerator<ReplayBatch>, signal: AbortSignal): Promise<string | null> {
    let pending: TrafficRecord[] = [];
    let next = 0;
    let rowsSoFar = 0;
    /** When the producer began waiting for the stages to catch up; null while it is not. */
    let stalledSince: number | null = null;
    const held = new HeldRejects();
    while (!signal.aborted) {
      if (this.state === 'paused') {
        // Resuming rebases the pacer; a wait before the pause must not be skipped after it.
        stalledSince = null;
        await this.delay.wait(1000);
        continue;
      }
      const limit = limitReached(this.standing());
      if (limit !== null) return limit;
      // The producer waits when the stages fall this far behind (the bus says how far it may).
      if (this.rowsAccepted - this.rowsConsumed > this.binding.maxConsumerLag) {
        stalledSince ??= performance.now();
        await this.delay.wait(5);
        continue;
      }
      if (stalledSince !== null) {
        this.forgiveStall(performance.now() - stalledSince);
        stalledSince = null;
      }
      if (next >= pending.length) {
        this.release(held, Number.POSITIVE_INFINITY);
        if (rowsSoFar > 0) this.position = rowsSoFar;
        const batch = await reader.next();
        if (batch.done) return null;
        const { records, rejected, rejectedAt, skipped } = batch.value;
        this.bytesRead = batch.value.bytesRead;
        this.rowsSkipped += skipped;
        rowsSoFar = batch.value.rowsSoFar;
        held.hold(rejected, rejectedAt);
        if (this.message === 'Seeking…' && records.length > 0) this.message = null;
        this.loops.observe(records);
        pending = this.loops.shift(records);
        next = 0;
        this.position = rowsSoFar - pending.length - held.count;
        if (skipped > 0) this.changed();
        continue;
      }
      const allowance = this.pacer.allowance(pending, next, this.rowsAccepted);
      if (allowance === 0) {
        const wait = Math.min(this.pacer.msUntilNext(pending, next, this.rowsAccepted), msUntilLimit(this.standing()), 100);
        await this.delay.wait(Math.max(wait, 0));
        continue;
      }
      const rowsLeft = this.limits.rows === null ? Number.POSITIVE_INFINITY : this.limits.rows - this.rowsAccepted;
      const take = Math.min(allowance, pending.length - next, PRODUCE_BATCH, rowsLeft);
      const slice = pending.slice(next, next + take);
      const records = toBusRecords(slice, this.locationColumn, this.binding.tagRecords ? this.tags : null);
      const sendStarted = performance.now();
      if (!(await this.producer.send(records, run, signal))) return null;
      // A batch that got through after its run ended (stopped, restarted, seeking) is not this run's to count.
      if (!this.current(run)) return null;
      this.forgiveStall(performance.now() - sendStarted);
      next += take;
      this.rowsAccepted += take;
      this.eventTime = (slice[slice.length - 1] as TrafficRecord).time ?? this.eventTime;
      this.meter.record(this.rowsAccepted + this.rejects.total);
      this.release(held, next);
      this.position = rowsSoFar - (pending.length - next) - held.count;
    }
    return null;
  }

  /**
   * The bus held the producer up (retries while a cluster was away, or stages far behind): past a
   * short grace the time does not count towards the pace, so the replay goes on at its chosen pace
   * instead of sending everything that fell due meanwhile in one burst.
   */
  private forgiveStall(ms: number): void {
    if (ms > STALL_GRACE_MS) this.pacer.skip(ms - STALL_GRACE_MS);
  }

  /** Counts (and lists, and spills) the held rejected rows the replay has now passed. */
  private release(held: HeldRejects, produced: number): void {
    const rows = held.takeBefore(produced);
    if (rows === null) return;
    this.rejects.add(rows);
    this.spill?.add(rows);
    this.meter.record(this.rowsAccepted + this.rejects.total);
    this.changed();
  }

  private async consume(run: number, consumer: BusConsumer<TrafficRecord>): Promise<void> {
    /** When the consumer last had anything: a group checked only after a quiet spell. */
    let lastMessageAt = performance.now();
    let groupCheckedAt = 0;
    while (this.current(run)) {
      const messages = await consumer.poll(POLL_BATCH, 50);
      if (!this.current(run)) return;
      if (messages.length > 0) {
        lastMessageAt = performance.now();
        this.process(this.binding.tagRecords ? this.tags.ownAndForeign(messages) : messages);
        // A commit that fails (broker away) is retried with the next one; reading goes on.
        await consumer.commit().catch(handledElsewhere);
        this.changed();
        continue;
      }
      let consumedAll = this.binding.tagRecords ? this.tags.ownConsumed >= this.rowsAccepted : this.rowsConsumed >= this.rowsAccepted;
      const now = performance.now();
      if (this.producerDone && !consumedAll && this.binding.tagRecords && now - lastMessageAt > GROUP_QUIET_MS && now - groupCheckedAt > GROUP_QUIET_MS) {
        groupCheckedAt = now;
        consumedAll = await this.groupReadTheRest();
        if (!this.current(run)) return;
      }
      if (this.producerDone && consumedAll) {
        if (this.state === 'running' || this.state === 'paused') {
          this.state = 'finished';
          this.finishedAt = performance.now();
          this.active.pause();
        }
        this.changed();
        return;
      }
    }
  }

  /**
   * Rows this replay produced that its stages never saw, while the group's committed offsets have
   * reached the end of every partition: another consumer in the same group (it joined, took some
   * partitions for a while, committed what it read) read them. The replay finishes and says so,
   * rather than waiting for rows no one will deliver again.
   */
  private async groupReadTheRest(): Promise<boolean> {
    const { bus, topic, groupId } = this.binding;
    try {
      const [marks, committed] = await Promise.all([bus.watermarks(topic), bus.committed(groupId, topic)]);
      if (!marks.every(({ partition, high }) => (committed.get(partition) ?? -1) >= high)) return false;
    } catch {
      return false; // the bus is away: ask again after the next quiet spell
    }
    const missing = this.rowsAccepted - this.tags.ownConsumed;
    this.message = `${missing} of this replay's rows were read by another consumer in group ${groupId}, which shares its partitions, so they are not in the panels.`;
    return true;
  }

  /** Counts for the Kafka panel. */
  busCounters(): { produced: number; consumed: number; duplicates: number; foreign: number; stale: number; produceRetries: number } {
    return {
      produced: this.rowsAccepted,
      consumed: this.rowsConsumed,
      duplicates: this.tags.duplicates,
      foreign: this.tags.foreign,
      stale: this.tags.stale,
      produceRetries: this.producer.retries,
    };
  }

  private process(messages: readonly BusMessage<TrafficRecord>[]): void {
    this.acceptRows(messages.map((message) => ({ offset: message.offset, partition: message.partition, record: message.value })));
    this.rowsConsumed += messages.length;
  }

  /** Writes every rejected row of this replay to `path` as CSV; returns how many. */
  saveRejected(path: string): Promise<number> {
    if (!this.spill) return Promise.reject(new Error('Rejected rows are not kept on disk in this session.'));
    return this.spill.saveTo(path);
  }

  private eta(): number | null {
    const lastTime = this.loops.range?.last;
    return etaSeconds({
      ...this.standing(),
      pace: this.pace,
      rate: this.meter.perSecond(),
      eventTime: this.eventTime,
      lastEventTime: lastTime === undefined ? null : lastTime + this.loops.offsetMs,
      totalRows: this.totalRows,
      position: this.position,
    });
  }

  progress(): ReplayProgress {
    const end = this.finishedAt ?? performance.now();
    const elapsedMs = this.state === 'idle' ? 0 : end - this.startedAt;
    const rowsRead = this.rowsAccepted + this.rejects.total;
    const live = this.state === 'running' || this.state === 'paused';
    return {
      state: this.state,
      rowsRead,
      rowsAccepted: this.rowsAccepted,
      rowsRejected: this.rejects.total,
      rowsConsumed: this.rowsConsumed,
      totalRows: this.totalRows,
      totalExact: this.totalExact,
      bytesRead: this.bytesRead,
      bytesTotal: this.file.sniffed.sizeBytes,
      // The meter only gets samples when rows are produced, so while paused it would keep showing
      // the pace from before the pause.
      rowsPerSecond: this.state === 'paused' ? 0 : live ? this.meter.perSecond() : elapsedMs > 0 ? (rowsRead * 1000) / elapsedMs : 0,
      elapsedMs,
      pace: this.pace,
      limits: this.limits,
      loop: this.loops.count,
      eventTime: this.eventTime,
      position: this.position,
      seekedTo: this.seekedTo,
      rowsSkipped: this.rowsSkipped,
      etaSeconds: this.state === 'running' ? this.eta() : null,
      message: this.message,
    };
  }
}
