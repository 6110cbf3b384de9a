/**
 * One opened file and its replay: the state machine (idle, running, paused, stopped, finished,
 * failed) and the progress the page shows. The producer reads the CSV at the chosen pace onto the
 * bus; the consumer runs the stages on what the consumer group reads back. Counts always
 * reconcile: rows read = accepted + rejected, and the stages consume every accepted row.
 */
import { defaultPaceFor, type FileInfo, type Pace, type ReplayLimits, type ReplayProgress, type SeekTarget } from '../../../shared/contract';
import { PipelineStages } from '../stages';
import type { RejectSpill } from '../stages';
import type { BusBinding } from './busBinding';
import { ExactTotalScan } from './exactTotalScan';
import type { OpenedFile } from '../source';
import { ReplayConsumer } from './replayConsumer';
import { ReplayProducer } from './replayProducer';
import { ReplayRun } from './replayRun';
import { RowTotal } from './rowTotal';

export { REPLAY_TOPIC, STAGES_GROUP } from './busBinding';
export type { OpenedFile } from '../source';

export class ReplaySession {
  /** The threshold filter, feed window and reject log the replayed rows run through. */
  readonly stages: PipelineStages;
  /** State, message, limits and run number, shared with the producer and the consumer. */
  private readonly replay: ReplayRun;
  private info: FileInfo;
  private pace: Pace;
  private seekedTo: SeekTarget | null = null;
  private readonly total: RowTotal;
  private startedAt = 0;
  /** Runs started (replays and seeks), for ReplayProgress.run. */
  private runsStarted = 0;
  private finishedAt: number | null = null;
  private abort: AbortController | null = null;
  private readonly producer: ReplayProducer;
  private readonly consumer: ReplayConsumer;
  /** The background whole-file scan that makes the total exact. */
  private readonly scan: ExactTotalScan;

  constructor(
    readonly file: OpenedFile,
    binding: BusBinding,
    private readonly changed: () => void,
    private readonly spill: RejectSpill | null = null,
    /** The file scan's worker script; null counts the rows in this thread. */
    scanWorkerPath: string | null = null,
  ) {
    this.stages = new PipelineStages(file.schema.columns, file.schema.measure, changed);
    this.replay = new ReplayRun(file, binding, this.stages, changed);
    this.info = file.info;
    this.pace = defaultPaceFor(file.info);
    this.total = new RowTotal(file.sniffed.estimatedRows);
    this.producer = new ReplayProducer(this.replay, this.total, spill, () => this.consumer.rowsConsumed, this.pace);
    this.consumer = new ReplayConsumer(this.replay, this.producer, (message) => this.fail(message), () => this.finished());
    this.scan = new ExactTotalScan(file, scanWorkerPath, ({ rows, timeRange }) => {
      // Both on purpose: no short-circuit may skip the range.
      const counted = this.total.scanned(rows);
      const widened = timeRange !== null && this.producer.loops.include(timeRange);
      if (counted || widened) this.changed();
    });
    this.scan.start(undefined);
  }

  get isActive(): boolean {
    return this.replay.isActive;
  }

  get currentPace(): Pace {
    return this.pace;
  }

  get currentLimits(): ReplayLimits {
    return this.replay.limits;
  }

  get currentPosition(): number {
    return this.producer.position;
  }

  /** The file as the page should show it: the time range widens as rows are read. */
  get fileInfo(): FileInfo {
    const range = this.producer.loops.range;
    if (range && (range.first !== this.info.timeRange?.first || range.last !== this.info.timeRange.last)) {
      this.info = { ...this.info, timeRange: range };
    }
    return this.info;
  }

  start(pace: Pace, limits: ReplayLimits, seek: SeekTarget | null = null): void {
    this.halt();
    const replay = this.replay;
    const run = replay.number;
    this.pace = pace;
    replay.limits = limits;
    this.stages.restart();
    this.consumer.restart();
    replay.tags.restart();
    this.finishedAt = null;
    this.scan.narrow(pace);
    this.abort = new AbortController();
    replay.state = 'running';
    replay.message = seek ? 'Seeking…' : null;
    this.seekedTo = seek;
    this.startedAt = performance.now();
    this.runsStarted++;
    this.producer.restart(pace);
    replay.active.start();
    this.spill?.reset();
    this.changed();
    void this.begin(run, this.abort.signal, seek);
  }

  /** Once the bus is ready (which may take retries), producing and consuming run side by side. */
  private async begin(run: number, signal: AbortSignal, seek: SeekTarget | null): Promise<void> {
    if (!(await this.consumer.open(run, signal))) return;
    if (this.replay.message?.startsWith('Waiting for the bus')) this.replay.message = seek ? 'Seeking…' : null;
    this.changed();
    void this.producer.run(run, signal, seek);
    void this.consumer.run(run);
  }

  private fail(message: string): void {
    this.replay.state = 'failed';
    this.replay.message = message;
    this.producer.done = true;
    this.replay.active.pause();
    this.changed();
  }

  private finished(): void {
    if (!this.isActive) return;
    this.replay.state = 'finished';
    this.finishedAt = performance.now();
    this.replay.active.pause();
    this.stages.end();
  }

  /** Jumps to a time or row: the panels restart from there, with the same pace and limits. */
  seek(target: SeekTarget): void {
    this.start(this.pace, this.replay.limits, target);
  }

  setPace(pace: Pace): void {
    this.pace = pace;
    this.producer.setPace(pace, this.replay.state === 'paused');
    this.replay.delay.poke();
    this.changed();
  }

  pause(): void {
    const replay = this.replay;
    if (replay.state !== 'running') return;
    this.producer.pause();
    replay.active.pause();
    replay.state = 'paused';
    this.changed();
  }

  resume(): void {
    const replay = this.replay;
    if (replay.state !== 'paused') return;
    this.producer.resume();
    replay.active.resume();
    replay.state = 'running';
    replay.delay.poke();
    this.changed();
  }

  stop(): void {
    if (!this.isActive) return;
    const replay = this.replay;
    this.abort?.abort();
    replay.state = 'stopped';
    replay.message = null;
    this.finishedAt = performance.now();
    replay.active.pause();
    replay.delay.poke();
    this.changed();
  }

  /** Ends everything this session started; used when another file is opened. */
  dispose(): void {
    this.halt();
    this.scan.stop();
    this.producer.dispose();
  }

  private halt(): void {
    this.replay.number++; // ends this run's producer and stages loops; their closed consumer must not spin
    this.abort?.abort();
    this.consumer.close();
    this.replay.delay.poke();
  }

  /** Counts for the Kafka panel. */
  busCounters(): { produced: number; consumed: number; duplicates: number; lostToRetention: number; foreign: number; stale: number; produceRetries: number } {
    return {
      produced: this.producer.rowsAccepted,
      consumed: this.consumer.rowsConsumed,
      duplicates: this.replay.tags.duplicates,
      lostToRetention: this.consumer.lostToRetention,
      foreign: this.replay.tags.foreign,
      stale: this.replay.tags.stale,
      produceRetries: this.producer.retries,
    };
  }

  /** Writes every rejected row of this replay to `path` as CSV; returns how many. */
  saveRejected(path: string): Promise<number> {
    if (!this.spill) return Promise.reject(new Error('Rejected rows are not kept on disk in this session.'));
    return this.spill.saveTo(path);
  }

  progress(): ReplayProgress {
    const { producer, replay } = this;
    const { state } = replay;
    const end = this.finishedAt ?? performance.now();
    const elapsedMs = state === 'idle' ? 0 : end - this.startedAt;
    const rowsRead = producer.rowsAccepted + this.stages.rejects.total;
    return {
      state,
      rowsRead,
      rowsAccepted: producer.rowsAccepted,
      rowsRejected: this.stages.rejects.total,
      rowsConsumed: this.consumer.rowsConsumed,
      totalRows: this.total.rows,
      totalExact: this.total.exact,
      bytesRead: producer.bytesRead,
      bytesTotal: this.file.sniffed.sizeBytes,
      // The meter only gets samples when rows are produced, so while paused it would keep showing
      // the pace from before the pause.
      rowsPerSecond: state === 'paused' ? 0 : this.isActive ? producer.meter.perSecond() : elapsedMs > 0 ? (rowsRead * 1000) / elapsedMs : 0,
      elapsedMs,
      pace: this.pace,
      limits: replay.limits,
      loop: producer.loops.count,
      run: this.runsStarted,
      eventTime: producer.eventTime,
      position: producer.position,
      seekedTo: this.seekedTo,
      rowsSkipped: producer.rowsSkipped,
      etaSeconds: state === 'running' ? producer.etaSeconds(this.pace, this.total.rows) : null,
      message: replay.message,
    };
  }
}
