/**
 * Typical days kept apart by kind of day, as traffic engineers group them: Monday–Thursday (the
 * "typical weekday"), Friday, Saturday, Sunday. One TypicalDay over all days puts weekend mornings in
 * the same band as weekday rush hours, so every Saturday 08:00 looks like a collapse in traffic and a
 * Sunday incident (doubling a quiet morning) stays inside a band widened by the weekdays. Friday's
 * evening rush starts earlier and runs heavier: pooled with the other weekdays it widened their band
 * (hiding incidents) and read as a departure itself (false alarms on Friday afternoons). Monday to
 * Thursday fill their profile four days a week; Friday, Saturday and Sunday each need weeks of
 * history, and until then alarms there are withheld rather than guessed.
 * Each kind is an ordinary TypicalDay fed only that kind's rows, so its "today held apart" rule holds.
 */
import type { Deviation } from '../../../shared/profiles/profileContract';
import type { TrafficRecord } from '../../../shared/records';
import { weekdayMondayFirst } from '../profiles';
import type { DeviationOptions } from '../profiles';
import type { ProfileColumns } from '../profiles';
import { TypicalDay } from '../profiles';

export type DayKind = 0 | 1 | 2 | 3;

/** 0: Monday–Thursday, 1: Friday, 2: Saturday, 3: Sunday. */
export function dayKindOf(time: number): DayKind {
  const weekday = weekdayMondayFirst(time);
  return weekday < 4 ? 0 : weekday === 4 ? 1 : weekday === 5 ? 2 : 3;
}

/** A deviation and whether it came from the row's own kind of day or the pooled weekdays standing in. */
export interface KindDeviation extends Deviation {
  ownKind: boolean;
}

export class DayKindProfile {
  private readonly kinds: readonly TypicalDay[];
  /**
   * Monday to Friday together: stands in for Monday–Thursday or Friday until that kind has its own
   * history, as one Friday a week takes seven weeks to fill. Judged against it, a row may raise an
   * alarm only on strong departures (see AlarmDetector), as Friday's own rush reads as a mild one.
   */
  private readonly weekdays: TypicalDay;

  constructor(columns: ProfileColumns, binMinutes: number, capacity?: number) {
    const options = capacity === undefined ? { binMinutes } : { binMinutes, capacity };
    this.kinds = [0, 1, 2, 3].map(() => new TypicalDay(columns, options));
    this.weekdays = new TypicalDay(columns, options);
  }

  /**
   * Call with every row before judging it: a new day's first row moves yesterday into the history,
   * and the row itself is held apart with its day, so it is never part of the band it is judged by.
   */
  add(record: TrafficRecord): void {
    if (record.time === null) return;
    const kind = dayKindOf(record.time);
    (this.kinds[kind] as TypicalDay).add(record);
    if (kind <= 1) this.weekdays.add(record);
  }

  deviationAt(location: string, time: number, value: number, options?: DeviationOptions): KindDeviation | null {
    // Each deviation is a fresh object: marked in place rather than copied (one row, one object).
    const kind = dayKindOf(time);
    const own = (this.kinds[kind] as TypicalDay).deviationAt(location, time, value, options) as KindDeviation | null;
    if (own !== null) own.ownKind = true;
    if (kind > 1 || own?.reliable === true) return own;
    const pooled = this.weekdays.deviationAt(location, time, value, options) as KindDeviation | null;
    if (pooled === null) return own;
    pooled.ownKind = false;
    return pooled;
  }

  reset(): void {
    for (const kind of this.kinds) kind.reset();
    this.weekdays.reset();
  }
}
