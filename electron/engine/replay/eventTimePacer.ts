/**
 * Paces a replay by the data's own clock: a row is due when the data clock, running at `speed` ×
 * wall time from the first row, reaches its event time. Long gaps are shortened so the data clock
 * never waits more than `maxGapMs` of data time for the next row. Rows without a time, or with a
 * time before the clock (out of order), go at once. Pure arithmetic over an injected clock.
 */
import type { TrafficRecord } from '../../../shared/records';
import type { Pacer } from './pacer';

export class EventTimePacer implements Pacer {
  private baseWall = 0;
  /** Data time at `baseWall`; null until the first timed row sets the origin. */
  private baseData: number | null = null;
  private pausedAt: number | null = null;

  constructor(
    private speed: number,
    private maxGapMs: number | null,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Where the data clock is now (null before the first timed row). */
  dataNow(): number | null {
    if (this.baseData === null) return null;
    const wall = this.pausedAt ?? this.now();
    return this.baseData + (wall - this.baseWall) * this.speed;
  }

  setSpeed(speed: number, maxGapMs: number | null): void {
    const position = this.dataNow();
    this.speed = speed;
    this.maxGapMs = maxGapMs;
    if (position !== null) this.rebase(position);
  }

  pause(): void {
    if (this.pausedAt === null) this.pausedAt = this.now();
  }

  resume(): void {
    if (this.pausedAt === null) return;
    this.baseWall += this.now() - this.pausedAt;
    this.pausedAt = null;
  }

  /** Wall time that must not move the data clock (a stall): it stands still for `ms`. */
  skip(ms: number): void {
    if (this.pausedAt === null && ms > 0) this.baseWall += ms;
  }

  private rebase(dataTime: number): void {
    this.baseData = dataTime;
    this.baseWall = this.pausedAt ?? this.now(); // while paused, resume() adds the paused time
  }

  /** Data-clock position for a row due at `time`, after shortening a gap too long to wait. */
  private clockFor(time: number): number {
    if (this.baseData === null) this.rebase(time);
    const clock = this.dataNow() as number;
    if (this.maxGapMs !== null && time - clock > this.maxGapMs) {
      this.rebase(time - this.maxGapMs);
      return time - this.maxGapMs;
    }
    return clock;
  }

  allowance(pending: readonly TrafficRecord[], from: number): number {
    if (this.pausedAt !== null) return 0;
    let due = 0;
    for (let i = from; i < pending.length; i++) {
      const time = (pending[i] as TrafficRecord).time;
      if (time !== null && time > this.clockFor(time)) break;
      due++;
    }
    return due;
  }

  msUntilNext(pending: readonly TrafficRecord[], from: number): number {
    if (this.pausedAt !== null) return Number.POSITIVE_INFINITY;
    const next = pending[from];
    if (!next || next.time === null) return 0;
    return Math.max(0, (next.time - this.clockFor(next.time)) / this.speed);
  }
}
