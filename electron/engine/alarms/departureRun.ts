/**
 * One location's alarm state, fed one judged reading per interval: counts a run of departing
 * intervals, raises an alarm after `raiseAfter` of them in a row in one direction, and clears it
 * after `clearAfter` intervals in a row back inside the typical band. The detector and the naive
 * rule differ only in how they judge a reading, so both use this.
 *
 * Hysteresis on purpose: raising needs |score| over the threshold, clearing needs the reading back
 * within the band (not merely under the threshold), so an incident hovering around the threshold
 * is one alarm, not a string of them.
 */
import type { AlarmDirection } from '../../../shared/alarms/alarmContract';

export interface Judgement {
  time: number;
  /** The direction the reading departs in, or null when it does not count as departing. */
  departing: AlarmDirection | null;
  /**
   * Departs by the full threshold (default true). With an Accumulation, readings that depart only
   * moderately (strong false) still extend a run, and raise it once their evidence adds up.
   */
  strong?: boolean;
  /** Back inside the typical band (or on the other side of it): counts towards clearing. */
  backWithin: boolean;
  /** Signed score (robust units for the detector, relative change for the naive rule). */
  score: number;
  value: number;
  /** The typical reading it was compared with (median), for the relative change. */
  typical: number;
}

/** What a run has gathered; becomes the alarm's figures. */
export interface OpenRun {
  direction: AlarmDirection;
  start: number;
  /** Time of the last departing interval. */
  lastDeparting: number;
  raisedAt: number | null;
  intervals: number;
  peakScore: number;
  valueSum: number;
  typicalSum: number;
  /** Strong departing intervals in a row at the run's end. */
  strongInRow: number;
  /** Σ (|score| − lean) over the run's intervals (the accumulated evidence). */
  evidence: number;
}

/**
 * A CUSUM-like rule for moderate departures: a run of intervals each at least `lean` robust units
 * out (with the relative change required of any departing reading) raises an alarm once
 * Σ (|score| − lean) reaches `level`, and has lasted raiseAfter intervals. Unlike a plain CUSUM the
 * sum starts over when a reading falls back under `lean`, so only a sustained departure adds up,
 * and one wild reading cannot raise an alarm alone.
 */
export interface Accumulation {
  lean: number;
  level: number;
}

export type RunEvent = { kind: 'raised'; run: OpenRun } | { kind: 'cleared'; run: OpenRun; end: number } | null;

export class DepartureRun {
  private run: OpenRun | null = null;
  private lastTime: number | null = null;
  private backCount = 0;
  private firstBack = 0;

  constructor(
    private readonly raiseAfter: number,
    private readonly clearAfter: number,
    private readonly accumulation: Accumulation | null = null,
  ) {}

  /** The run so far when it has raised an alarm that has not cleared. */
  get active(): OpenRun | null {
    return this.run !== null && this.run.raisedAt !== null ? this.run : null;
  }

  /**
   * `gap`: more than one interval passed since the previous reading (a missing row). A run that is
   * not yet an alarm starts over, since "K intervals in a row" no longer holds; an active alarm
   * stays, as a sensor gap during an incident is no sign that it ended.
   */
  observe(judgement: Judgement, gap: boolean): RunEvent {
    if (this.lastTime !== null && judgement.time <= this.lastTime) return null;
    this.lastTime = judgement.time;
    const run = this.run;
    if (run !== null && run.raisedAt !== null) return this.whileActive(run, judgement);
    if (judgement.departing === null) {
      this.run = null;
      return null;
    }
    if (run === null || gap || run.direction !== judgement.departing) {
      this.run = { direction: judgement.departing, start: judgement.time, lastDeparting: judgement.time, raisedAt: null, intervals: 0, peakScore: 0, valueSum: 0, typicalSum: 0, strongInRow: 0, evidence: 0 };
    }
    const current = this.run as OpenRun;
    absorb(current, judgement, this.accumulation);
    const enough = current.strongInRow >= this.raiseAfter || (this.accumulation !== null && current.intervals >= this.raiseAfter && current.evidence >= this.accumulation.level);
    if (enough) {
      current.raisedAt = judgement.time;
      this.backCount = 0;
      return { kind: 'raised', run: current };
    }
    return null;
  }

  reset(): void {
    this.run = null;
    this.lastTime = null;
    this.backCount = 0;
  }

  private whileActive(run: OpenRun, judgement: Judgement): RunEvent {
    if (judgement.departing === run.direction) {
      absorb(run, judgement, this.accumulation);
      this.backCount = 0;
      return null;
    }
    if (!judgement.backWithin) {
      // Still outside the band on the alarm's side, only less: not over, not growing either.
      this.backCount = 0;
      return null;
    }
    if (this.backCount === 0) this.firstBack = judgement.time;
    this.backCount++;
    if (this.backCount < this.clearAfter) return null;
    this.run = null;
    this.backCount = 0;
    return { kind: 'cleared', run, end: this.firstBack };
  }
}

function absorb(run: OpenRun, judgement: Judgement, accumulation: Accumulation | null): void {
  run.intervals++;
  run.strongInRow = judgement.strong === false ? 0 : run.strongInRow + 1;
  if (accumulation !== null) run.evidence += Math.abs(judgement.score) - accumulation.lean;
  run.lastDeparting = judgement.time;
  if (Math.abs(judgement.score) > Math.abs(run.peakScore)) run.peakScore = judgement.score;
  run.valueSum += judgement.value;
  run.typicalSum += judgement.typical;
}
