/**
 * What each location's recent past says about its next row: the target 1, 2 and 4 rows back and
 * its value at the same time one day earlier. Locations are kept apart (interleaved junctions must
 * not become each other's lags), and a lag is only trusted when it really is that many intervals
 * back: after a gap in a location's rows the previous row is hours old, not "the previous interval".
 * Read before a row is learnt, so a row's own value can never be its feature.
 */
import { DAY_MS } from './timeFeatures';

/** One row's view of its location's past; NaN where that value is missing or untrustworthy. */
export interface LagValues {
  lag1: number;
  lag2: number;
  lag4: number;
  yesterday: number;
}

export const emptyLagValues = (): LagValues => ({ lag1: Number.NaN, lag2: Number.NaN, lag4: Number.NaN, yesterday: Number.NaN });

/** The deepest lag (4 intervals). */
const KEPT_ROWS = 4;
/** Yesterday's values are kept a little longer than a day, so a row slightly late still finds its match. */
const YESTERDAY_MARGIN_MS = 3_600_000;

class LocationPast {
  readonly times = new Float64Array(KEPT_ROWS);
  readonly values = new Float64Array(KEPT_ROWS);
  rows = 0;
  next = 0;
  /** Smallest positive time step between this location's rows: its interval. */
  step = Number.POSITIVE_INFINITY;
  /** Event time → target, in arrival (time) order, for the same-time-yesterday lookup. */
  readonly byTime = new Map<number, number>();
}

export class LocationLags {
  private readonly pasts: (LocationPast | undefined)[] = [];

  /** Without time, lags follow the row sequence only and there is no "yesterday". */
  constructor(private readonly hasTime: boolean) {}

  /** Fills `out` with the location's past as seen by a row at `time`, before that row is learnt. */
  read(location: number, time: number, out: LagValues): void {
    const past = this.pasts[location];
    if (past === undefined) {
      out.lag1 = out.lag2 = out.lag4 = out.yesterday = Number.NaN;
      return;
    }
    out.lag1 = this.lag(past, time, 1);
    out.lag2 = this.lag(past, time, 2);
    out.lag4 = this.lag(past, time, 4);
    out.yesterday = this.hasTime ? (past.byTime.get(time - DAY_MS) ?? Number.NaN) : Number.NaN;
  }

  /** Records a row's target (NaN too: a row without a value still occupies its interval). */
  learn(location: number, time: number, value: number): void {
    let past = this.pasts[location];
    if (past === undefined) {
      past = new LocationPast();
      this.pasts[location] = past;
    }
    if (this.hasTime && past.rows > 0) {
      const step = time - (past.times[(past.next + KEPT_ROWS - 1) % KEPT_ROWS] as number);
      if (step > 0 && step < past.step) past.step = step;
    }
    past.times[past.next] = time;
    past.values[past.next] = value;
    past.next = (past.next + 1) % KEPT_ROWS;
    past.rows++;
    if (this.hasTime && Number.isFinite(time) && Number.isFinite(value)) this.remember(past, time, value);
  }

  clear(): void {
    this.pasts.length = 0;
  }

  private lag(past: LocationPast, time: number, back: number): number {
    if (past.rows < back) return Number.NaN;
    const slot = (past.next + KEPT_ROWS - back) % KEPT_ROWS;
    const value = past.values[slot] as number;
    if (!Number.isFinite(value)) return Number.NaN;
    if (!this.hasTime) return value;
    // Within half an interval of where the row `back` intervals earlier should be; an unknown
    // interval (one row so far) trusts the sequence.
    const age = time - (past.times[slot] as number);
    return age <= back * past.step + past.step / 2 ? value : Number.NaN;
  }

  private remember(past: LocationPast, time: number, value: number): void {
    past.byTime.set(time, value);
    const oldest = time - DAY_MS - YESTERDAY_MARGIN_MS;
    for (const kept of past.byTime.keys()) {
      if (kept >= oldest) break;
      past.byTime.delete(kept);
    }
  }
}
