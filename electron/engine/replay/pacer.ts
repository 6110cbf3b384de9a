/**
 * Decides how many of the rows read so far may be produced now. Three paces share the interface:
 * flat out, a fixed number of rows per second, and the data's own clock times a speed factor.
 */
import type { Pace } from '../../../shared/contract';
import type { TrafficRecord } from '../../../shared/records';
import { EventTimePacer } from './eventTimePacer';
import { ReplayClock } from './replayClock';

export interface Pacer {
  /** How many rows of `pending`, from index `from`, may be produced now; `emitted` counts rows produced so far. */
  allowance(pending: readonly TrafficRecord[], from: number, emitted: number): number;
  /** Milliseconds until the next row is due. */
  msUntilNext(pending: readonly TrafficRecord[], from: number, emitted: number): number;
  pause(): void;
  resume(emitted: number): void;
  /**
   * `ms` of wall time went by in a stall (the bus would not take rows): let them go like a pause,
   * so the replay carries on at its pace instead of bursting to catch up.
   */
  skip(ms: number): void;
}

/**
 * A stall up to this long is caught up (rows due in it go at once, so the average pace holds
 * through a garbage collection or a slow batch); beyond it, the rest of the stall is skipped.
 */
export const STALL_GRACE_MS = 1000;

/** Flat out, or a fixed rate in rows per second. */
export class RowRatePacer implements Pacer {
  private readonly clock: ReplayClock;

  constructor(rowsPerSecond: number | null, now?: () => number) {
    this.clock = new ReplayClock(now);
    this.clock.start(rowsPerSecond);
  }

  allowance(_pending: readonly TrafficRecord[], _from: number, emitted: number): number {
    return this.clock.allowance(emitted);
  }

  msUntilNext(_pending: readonly TrafficRecord[], _from: number, emitted: number): number {
    return this.clock.msUntilNext(emitted);
  }

  pause(): void {
    this.clock.pause();
  }

  resume(emitted: number): void {
    this.clock.resume(emitted);
  }

  skip(ms: number): void {
    this.clock.skip(ms);
  }

  setRate(rowsPerSecond: number | null, emitted: number): void {
    this.clock.setRate(rowsPerSecond, emitted);
  }
}

export function createPacer(pace: Pace, now?: () => number): Pacer {
  switch (pace.mode) {
    case 'fast':
      return new RowRatePacer(null, now);
    case 'rows':
      return new RowRatePacer(pace.rowsPerSecond, now);
    case 'event':
      return new EventTimePacer(pace.speed, pace.maxGapSeconds === null ? null : pace.maxGapSeconds * 1000, now);
  }
}

/**
 * Changes the pace of a running replay without a burst: keeps the pacer (and so its position)
 * when the mode stays the same, otherwise starts a new one from here.
 */
export function repace(current: Pacer, pace: Pace, emitted: number, paused: boolean, now?: () => number): Pacer {
  if (current instanceof RowRatePacer && pace.mode !== 'event') {
    current.setRate(pace.mode === 'rows' ? pace.rowsPerSecond : null, emitted);
    return current;
  }
  if (current instanceof EventTimePacer && pace.mode === 'event') {
    current.setSpeed(pace.speed, pace.maxGapSeconds === null ? null : pace.maxGapSeconds * 1000);
    return current;
  }
  const next = createPacer(pace, now);
  // A row rate counts from the rows already sent; from 0 it would hold every row back until
  // the new rate had "caught up" with them.
  if (next instanceof RowRatePacer) next.setRate(pace.mode === 'rows' ? pace.rowsPerSecond : null, emitted);
  if (paused) next.pause();
  return next;
}
