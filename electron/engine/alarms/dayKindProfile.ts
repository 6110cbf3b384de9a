/**
 * Typical days kept apart by kind of day: Monday–Friday, Saturday, Sunday. One TypicalDay over all
 * days puts weekend mornings in the same band as weekday rush hours, so every Saturday 08:00 looks
 * like a collapse in traffic and a Sunday incident (doubling a quiet morning) stays inside a band
 * widened by the weekdays. Weekdays share one profile because their shapes differ little (Friday's
 * evening peak comes earlier, within the band) and five a week fill it fast; Saturday and Sunday
 * each need weeks of history, and until then alarms there are withheld rather than guessed.
 * Each kind is an ordinary TypicalDay fed only that kind's rows, so its "today held apart" rule holds.
 */
import type { Deviation } from '../../../shared/profiles/profileContract';
import type { TrafficRecord } from '../../../shared/records';
import { weekdayMondayFirst } from '../profiles';
import type { DeviationOptions } from '../profiles';
import type { ProfileColumns } from '../profiles';
import { TypicalDay } from '../profiles';

export type DayKind = 0 | 1 | 2;

/** 0: Monday–Friday, 1: Saturday, 2: Sunday. */
export function dayKindOf(time: number): DayKind {
  const weekday = weekdayMondayFirst(time);
  return weekday < 5 ? 0 : weekday === 5 ? 1 : 2;
}

export class DayKindProfile {
  private readonly kinds: readonly TypicalDay[];

  constructor(columns: ProfileColumns, binMinutes: number, capacity?: number) {
    const options = capacity === undefined ? { binMinutes } : { binMinutes, capacity };
    this.kinds = [new TypicalDay(columns, options), new TypicalDay(columns, options), new TypicalDay(columns, options)];
  }

  /**
   * Call with every row before judging it: a new day's first row moves yesterday into the history,
   * and the row itself is held apart with its day, so it is never part of the band it is judged by.
   */
  add(record: TrafficRecord): void {
    if (record.time === null) return;
    (this.kinds[dayKindOf(record.time)] as TypicalDay).add(record);
  }

  deviationAt(location: string, time: number, value: number, options?: DeviationOptions): Deviation | null {
    return (this.kinds[dayKindOf(time)] as TypicalDay).deviationAt(location, time, value, options);
  }

  reset(): void {
    for (const kind of this.kinds) kind.reset();
  }
}
