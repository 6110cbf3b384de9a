/**
 * Which way a split-form file (time of day + day of month, see splitTimeline) runs. Exports sorted
 * "latest first" are common, and the split form cannot say so by itself: read oldest first, a file
 * going 9, 8 … 1, 31, 30 … 10 would put all its days in one month (1 → 31 is no roll-over forwards)
 * and its weekdays would not fit. The rows tell: from one row to the next, the (day, time of day)
 * pair mostly steps forwards or mostly backwards. Steps within a slot (several junctions sharing
 * it) say nothing, and a day jumping by more than a week is a month boundary, not a direction.
 */
import { MONTH_ROLL_JUMP } from './splitTimeline';

export interface SplitStep {
  day: number;
  /** Milliseconds since midnight. */
  timeOfDay: number;
}

/** Backward steps must outnumber forward ones this many times over: a few late rows do not turn a file around. */
const DOMINANCE = 4;

export function splitRowsRunNewestFirst(rows: readonly SplitStep[]): boolean {
  let forwards = 0;
  let backwards = 0;
  for (let i = 1; i < rows.length; i++) {
    const previous = rows[i - 1] as SplitStep;
    const row = rows[i] as SplitStep;
    if (Math.abs(row.day - previous.day) > MONTH_ROLL_JUMP) continue;
    const step = row.day - previous.day || row.timeOfDay - previous.timeOfDay;
    if (step > 0) forwards++;
    else if (step < 0) backwards++;
  }
  return backwards > 0 && backwards >= DOMINANCE * forwards;
}
