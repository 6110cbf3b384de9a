/**
 * One opened file and its replay: reads the CSV at the chosen pace, produces each row to the bus
 * keyed by location, and runs the stages on what the consumer group reads back. Counts always
 * reconcile: rows read = accepted + rejected, and the stages consume every accepted row.
 */
import type { FeedView, RejectedView, ReplayProgress, ReplayState, ThresholdSettings, ThresholdView } from '../../../shared/contract';
import type { TrafficRecord } from '../../../shared/records';
import type { Bus, BusConsumer, BusMessage } from '../bus/bus';
import { DEFAULT_RETENTION_MESSAGES } from '../bus/embeddedBus';
import { countDataLines } from '../source/countDataLines';
import { readCsvBatches } from '../source/csvBatchReader';
import { pickLocationColumn } from '../source/inferSchema';
import type { SniffedCsv } from '../source/sniffCsv';
import { FeedWindow, type FeedEntry } from '../stages/feedWindow';
import { RejectLog } from '../stages/rejectLog';
import { ThresholdStage } from '../stages/thresholdStage';
import { RateMeter } from './rateMeter';
import { ReplayClock } from './replayClock';
import { WakeableDelay } from './wakeableDelay';

export const REPLAY_TOPIC = 'traffic.replay';
export const STAGES_GROUP = 'traffic-monitor.stages';
const PRODUCE_BATCH = 5000;
const POLL_BATCH = 20_000;
/**
 * The producer waits when the stages fall this far behind. Even if every row carries one key (one
 * partition), lag plus one produce batch stays below a partition's retention, so retention never
 * removes a row the stages have not read.
 */
const MAX_CONSUMER_LAG = DEFAULT_RETENTION_MESSAGES - 2 * PRODUCE_BATCH;

export class ReplaySession {
  readonly threshold: ThresholdStage;
  readonly feed = new FeedWindow();
  readonly rejects = new RejectLog();
  private readonly clock = new ReplayClock();
  private readonly meter = new RateMeter();
  private readonly delay = new WakeableDelay();
  private readonly locationColumn: number;

  private state: ReplayState = 'idle';
  private message: string | null = null;
  private rowsAccepted = 0;
  private rowsConsumed = 0;
  private bytesRead = 0;
  private totalRows: number | null;
  private totalExact = false;
  private startedAt = 0;
  private finishedAt: number | null = null;
  private producerDone = true;
  private abort: AbortController | null = null;
  private consumer: BusConsumer<TrafficRecord> | null = null;
  private readonly lineCount = new AbortController();
  private run = 0;

  constructor(
    readonly file: SniffedCsv,
    private readonly bus: Bus<TrafficRecord>,
    private readonly changed: () => void,
  ) {
    this.threshold = new ThresholdStage(file.columns);
    this.locationColumn = pickLocationColumn(file.columns);
    this.totalRows = file.info.estimatedRows;
    countDataLines(file.info.path, file.dialect.newline, this.lineCount.signal)
      .then((lines) => {
        if (this.totalExact) return;
        this.totalRows = lines;
        this.changed();
      })
      .catch(() => undefined); // the estimate stays; the replay itself will give the exact count
  }

  get isActive(): boolean {
    return this.state === 'running' || this.state === 'paused';
  }

  start(rowsPerSecond: number | null): void {
    this.halt();
    const run = this.run;
    this.resetCounts();
    this.bus.deleteTopic(REPLAY_TOPIC);
    this.bus.createTopic(REPLAY_TOPIC);
    this.consumer = this.bus.consumer({ groupId: STAGES_GROUP, topic: REPLAY_TOPIC, fromBeginning: true });
    this.abort = new AbortController();
    this.state = 'running';
    this.message = null;
    this.startedAt = performance.now();
    this.producerDone = false;
    this.clock.start(rowsPerSecond);
    this.meter.record(0);
    this.changed();
    void this.produce(run, this.abort.signal);
    void this.consume(run, this.consumer);
  }

  setRate(rowsPerSecond: number | null): void {
    this.clock.setRate(rowsPerSecond, this.rowsAccepted);
    this.delay.poke();
    this.changed();
  }

  pause(): void {
    if (this.state !== 'running') return;
    this.clock.pause();
    this.state = 'paused';
    this.changed();
  }

  resume(): void {
    if (this.state !== 'paused') return;
    this.clock.resume(this.rowsAccepted);
    this.state = 'running';
    this.delay.poke();
    this.changed();
  }

  stop(): void {
    if (!this.isActive) return;
    this.abort?.abort();
    this.state = 'stopped';
    this.finishedAt = performance.now();
    this.delay.poke();
    this.changed();
  }

  /** Ends everything this session started; used when another file is opened. */
  dispose(): void {
    this.halt();
    this.lineCount.abort();
  }

  private halt(): void {
    this.run++; // ends this run's producer and stages loops; their closed consumer must not spin
    this.abort?.abort();
    this.consumer?.close();
    this.consumer = null;
    this.delay.poke();
  }

  private resetCounts(): void {
    this.threshold.reset();
    this.feed.clear();
    this.rejects.clear();
    this.rowsAccepted = 0;
    this.rowsConsumed = 0;
    this.bytesRead = 0;
    this.finishedAt = null;
    this.meter.reset();
  }

  private current(run: number): boolean {
    return run === this.run;
  }

  private async produce(run: number, signal: AbortSignal): Promise<void> {
    const file = this.file;
    const reader = readCsvBatches({ path: file.info.path, dialect: file.dialect, columns: file.columns, signal });
    let pending: TrafficRecord[] = [];
    let next = 0;
    try {
      while (!signal.aborted) {
        if (this.state === 'paused') {
          await this.delay.wait(1000);
          continue;
        }
        if (this.rowsAccepted - this.rowsConsumed > MAX_CONSUMER_LAG) {
          await this.delay.wait(5);
          continue;
        }
        if (next >= pending.length) {
          const batch = await reader.next();
          if (batch.done) break;
          this.rejects.add(batch.value.rejected);
          this.bytesRead = batch.value.bytesRead;
          pending = batch.value.records;
          next = 0;
          if (batch.value.rejected.length > 0) this.changed();
          continue;
        }
        const allowance = this.clock.allowance(this.rowsAccepted);
        if (allowance === 0) {
          await this.delay.wait(Math.min(this.clock.msUntilNext(this.rowsAccepted), 100));
          continue;
        }
        const take = Math.min(allowance, pending.length - next, PRODUCE_BATCH);
        const slice = pending.slice(next, next + take);
        next += take;
        const location = this.locationColumn;
        await this.bus.produce(
          REPLAY_TOPIC,
          slice.map((record) => ({ key: location >= 0 ? String(record.values[location] ?? '') : null, value: record })),
        );
        this.rowsAccepted += take;
        this.meter.record(this.rowsAccepted + this.rejects.total);
      }
    } catch (error) {
      if (!signal.aborted && this.current(run)) {
        this.state = 'failed';
        this.message = `Reading stopped at byte ${this.bytesRead}: ${(error as Error).message}`;
      }
    } finally {
      await reader.return(undefined).catch(() => undefined);
      if (this.current(run)) {
        this.producerDone = true;
        if (!signal.aborted && this.state !== 'failed') {
          this.totalRows = this.rowsAccepted + this.rejects.total;
          this.totalExact = true;
        }
        this.delay.poke();
        this.changed();
      }
    }
  }

  private async consume(run: number, consumer: BusConsumer<TrafficRecord>): Promise<void> {
    while (this.current(run)) {
      const messages = await consumer.poll(POLL_BATCH, 50);
      if (!this.current(run)) return;
      if (messages.length > 0) {
        this.process(messages);
        consumer.commit();
        this.changed();
        continue;
      }
      if (this.producerDone && this.rowsConsumed >= this.rowsAccepted) {
        if (this.state === 'running' || this.state === 'paused') {
          this.state = 'finished';
          this.finishedAt = performance.now();
        }
        this.changed();
        return;
      }
    }
  }

  private process(messages: readonly BusMessage<TrafficRecord>[]): void {
    const records = new Array<TrafficRecord>(messages.length);
    for (let i = 0; i < messages.length; i++) {
      const message = messages[i] as BusMessage<TrafficRecord>;
      records[i] = message.value;
      this.feed.add(
        { offset: message.offset, partition: message.partition, record: message.value },
        this.threshold.passes(message.value.values),
      );
    }
    this.threshold.process(records);
    this.rowsConsumed += messages.length;
  }

  setThreshold(settings: ThresholdSettings): void {
    this.threshold.set(settings);
    this.feed.remark(this.passesEntry);
    this.changed();
  }

  setOnlyPassing(onlyPassing: boolean): void {
    this.feed.setOnlyPassing(onlyPassing);
    this.changed();
  }

  private readonly passesEntry = (entry: FeedEntry): boolean => this.threshold.passes(entry.record.values);

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
      bytesTotal: this.file.info.sizeBytes,
      // The meter only gets samples when rows are produced, so while paused it would keep showing
      // the pace from before the pause.
      rowsPerSecond: this.state === 'paused' ? 0 : live ? this.meter.perSecond() : elapsedMs > 0 ? (rowsRead * 1000) / elapsedMs : 0,
      elapsedMs,
      targetRowsPerSecond: this.clock.targetRate,
      message: this.message,
    };
  }

  feedView(full: boolean): FeedView {
    return this.feed.takeView(this.passesEntry, full);
  }

  rejectedView(full: boolean): RejectedView {
    return this.rejects.takeView(full);
  }

  thresholdView(): ThresholdView {
    return this.threshold.view();
  }
}
