/**
 * The producing half of a replay: reads the file in replay order at the chosen pace and sends each
 * row to the bus keyed by location, pass after pass when looping. Rejected rows are held until the
 * replay passes them, so the reject count grows in file order. The session owns the state machine;
 * this half reads it and reports into it through the shared ReplayRun.
 */
import type { Pace, SeekTarget } from '../../../shared/contract';
import type { TrafficRecord } from '../../../shared/records';
import { createReplaySource } from '../source';
import type { ReplayBatch, ReplaySource } from '../source';
import type { RejectSpill } from '../stages';
import { closingAnyway } from '../supervision';
import { PRODUCE_BATCH } from './busBinding';
import { toBusRecords } from './busRecords';
import { describeChange, stampOf } from './fileChangeCheck';
import { HeldRejects } from './heldRejects';
import { LoopTimeline } from './loopTimeline';
import { createPacer, repace, STALL_GRACE_MS, type Pacer } from './pacer';
import { RateMeter } from './rateMeter';
import { ReliableProducer } from './reliableProduce';
import { etaSeconds, limitReached, msUntilLimit, type ReplayStanding } from './replayLimits';
import type { ReplayRun } from './replayRun';
import type { RowTotal } from './rowTotal';

export class ReplayProducer {
  /** The file's rows in replay order: as written, merged by time for a file grouped by location, backwards for one written newest first. */
  private readonly source: ReplaySource;
  /** Loop passes and the time shift that keeps event time running on across them. */
  readonly loops: LoopTimeline;
  /** Rows read per second, rejected ones included. */
  readonly meter = new RateMeter();
  private readonly sender: ReliableProducer;
  private readonly locationColumn: number;
  private pacer: Pacer;

  rowsAccepted = 0;
  rowsSkipped = 0;
  bytesRead = 0;
  /** Rows of the file the replay has passed (produced or rejected), where a restart would resume. */
  position = 0;
  eventTime: number | null = null;
  /** No run is producing (none started, or the last one ended). */
  done = true;

  constructor(
    private readonly replay: ReplayRun,
    private readonly total: RowTotal,
    private readonly spill: RejectSpill | null,
    /** Rows the stages have read back: the producer waits when it gets too far ahead of them. */
    private readonly rowsConsumed: () => number,
    pace: Pace,
  ) {
    const { file } = replay;
    this.source = createReplaySource(file);
    this.loops = new LoopTimeline(file.info.timeRange);
    this.locationColumn = file.schema.location === null ? -1 : file.schema.columns.findIndex((c) => c.name === file.schema.location);
    this.pacer = createPacer(pace);
    this.sender = new ReliableProducer(
      replay.binding,
      replay.delay,
      (run) => replay.isCurrent(run),
      (message) => {
        replay.message = message;
      },
      () => replay.changed(),
    );
  }

  /** The file is closed: the source stops reading ahead (a newest-first file's index). */
  dispose(): void {
    this.source.dispose?.();
  }

  /** Sends that failed and were tried again, this replay. */
  get retries(): number {
    return this.sender.retries;
  }

  /** A new run at `pace`: every count starts from nothing. */
  restart(pace: Pace): void {
    this.rowsAccepted = 0;
    this.rowsSkipped = 0;
    this.sender.retries = 0;
    this.bytesRead = 0;
    this.position = 0;
    this.eventTime = null;
    this.loops.restart();
    this.meter.reset();
    this.done = false;
    this.pacer = createPacer(pace);
    this.meter.record(0);
  }

  setPace(pace: Pace, paused: boolean): void {
    this.pacer = repace(this.pacer, pace, this.rowsAccepted, paused);
  }

  pause(): void {
    this.pacer.pause();
  }

  resume(): void {
    this.pacer.resume(this.rowsAccepted);
  }

  standing(): ReplayStanding {
    return { limits: this.replay.limits, activeMs: this.replay.active.elapsedMs(), rowsAccepted: this.rowsAccepted };
  }

  /** Seconds until the replay ends at this pace (a limit, the file's end), or null when it cannot tell. */
  etaSeconds(pace: Pace, totalRows: number | null): number | null {
    const lastTime = this.loops.range?.last;
    return etaSeconds({
      ...this.standing(),
      pace,
      rate: this.meter.perSecond(),
      eventTime: this.eventTime,
      lastEventTime: lastTime === undefined ? null : lastTime + this.loops.offsetMs,
      totalRows,
      position: this.position,
    });
  }

  /** Produces run `run` from `seek` (null: the start) until the file, a limit or the signal ends it. */
  async run(run: number, signal: AbortSignal, seek: SeekTarget | null): Promise<void> {
    const replay = this.replay;
    const path = replay.file.sniffed.path;
    let from = seek;
    let limitMessage: string | null = null;
    let changeMessage: string | null = null;
    try {
      for (;;) {
        const before = await stampOf(path);
        const reader = this.source.rows(from, signal);
        const wholeFile = from === null;
        const acceptedBefore = this.rowsAccepted;
        try {
          limitMessage = await this.pass(run, reader, signal);
        } finally {
          await reader.return(undefined).catch(closingAnyway);
        }
        if (!signal.aborted && limitMessage === null && replay.isCurrent(run)) {
          changeMessage = describeChange(replay.file.sniffed.sizeBytes, before, await stampOf(path));
          // What was read is the only count that means anything now; the scan's total was of another file.
          if (changeMessage !== null) this.total.readTo(this.position);
        }
        if (signal.aborted || limitMessage !== null || changeMessage !== null || !replay.limits.loop || !replay.isCurrent(run)) break;
        if (!this.total.exact) this.total.readTo(this.position);
        // A file without a single good row would otherwise loop flat out for ever.
        if (wholeFile && this.rowsAccepted === acceptedBefore) {
          limitMessage = 'Stopped looping: the file has no rows that can be replayed.';
          break;
        }
        this.loops.next();
        from = null;
        replay.changed();
      }
    } catch (error) {
      if (!signal.aborted && replay.isCurrent(run)) {
        replay.state = 'failed';
        replay.message = `Reading stopped at byte ${this.bytesRead}: ${(error as Error).message}`;
      }
    } finally {
      if (replay.isCurrent(run)) {
        this.done = true;
        if (!signal.aborted && replay.state !== 'failed') {
          if (limitMessage === null && this.loops.count === 0 && !this.total.exact) this.total.readTo(this.position);
          replay.message = limitMessage ?? changeMessage;
        }
        replay.delay.poke();
        replay.changed();
      }
    }
  }

  /** One pass over the file; returns the limit that ended it, or null at the end of the file. */
  private async pass(run: number, reader: AsyncGenerator<ReplayBatch>, signal: AbortSignal): Promise<string | null> {
    const replay = this.replay;
    let pending: TrafficRecord[] = [];
    let next = 0;
    let rowsSoFar = 0;
    /** When the producer began waiting for the stages to catch up; null while it is not. */
    let stalledSince: number | null = null;
    const held = new HeldRejects();
    while (!signal.aborted) {
      if (replay.state === 'paused') {
        // Resuming rebases the pacer; a wait before the pause must not be skipped after it.
        stalledSince = null;
        await replay.delay.wait(1000);
        continue;
      }
      const limit = limitReached(this.standing());
      if (limit !== null) return limit;
      // The producer waits when the stages fall this far behind (the bus says how far it may).
      if (this.rowsAccepted - this.rowsConsumed() > replay.binding.maxConsumerLag) {
        stalledSince ??= performance.now();
        await replay.delay.wait(5);
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
        if (replay.message === 'Seeking…' && records.length > 0) replay.message = null;
        this.loops.observe(records);
        pending = this.loops.shift(records);
        next = 0;
        this.position = rowsSoFar - pending.length - held.count;
        if (skipped > 0) replay.changed();
        continue;
      }
      const allowance = this.pacer.allowance(pending, next, this.rowsAccepted);
      if (allowance === 0) {
        const wait = Math.min(this.pacer.msUntilNext(pending, next, this.rowsAccepted), msUntilLimit(this.standing()), 100);
        await replay.delay.wait(Math.max(wait, 0));
        continue;
      }
      const rowsLeft = replay.limits.rows === null ? Number.POSITIVE_INFINITY : replay.limits.rows - this.rowsAccepted;
      const take = Math.min(allowance, pending.length - next, PRODUCE_BATCH, rowsLeft);
      const slice = pending.slice(next, next + take);
      const records = toBusRecords(slice, this.locationColumn, replay.binding.tagRecords ? replay.tags : null);
      const sendStarted = performance.now();
      if (!(await this.sender.send(records, run, signal))) return null;
      // A batch that got through after its run ended (stopped, restarted, seeking) is not this run's to count.
      if (!replay.isCurrent(run)) return null;
      this.forgiveStall(performance.now() - sendStarted);
      next += take;
      this.rowsAccepted += take;
      this.eventTime = (slice[slice.length - 1] as TrafficRecord).time ?? this.eventTime;
      this.meter.record(this.rowsAccepted + replay.stages.rejects.total);
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
    this.replay.stages.rejects.add(rows);
    this.spill?.add(rows);
    this.meter.record(this.rowsAccepted + this.replay.stages.rejects.total);
    this.replay.changed();
  }
}
