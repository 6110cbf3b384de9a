/**
 * Which month a split-form file (time of day + day of month + maybe a weekday) starts in. The file
 * never says, but its rows pin it down: the days of month place every row in the first month or a
 * later one (31 → 1 rolls over, as SplitTimeline reads them; in a file written newest first, an
 * earlier one: 1 → 31 goes back), every day must exist in its month, and every weekday must fall on
 * its date. Among the months that fit, the most recent one whose rows all lie on or before the
 * reference day (today) is chosen, and the choice says why.
 */
import { daysInMonth, weekdayOf } from './civil';
import { MONTH_ROLL_JUMP } from './splitTimeline';

export interface SplitSampleRow {
  day: number;
  /** 0 = Sunday … 6 = Saturday; null when the file has no weekday, or this row's is unreadable. */
  weekday: number | null;
}

export interface SplitAnchor {
  year: number;
  month: number;
  /**
   * How the month was found: every row's weekday agrees ('weekdays'); most do ('most-weekdays',
   * `disagreeing` rows do not); the file has no weekday and only the days of month limit it
   * ('days'); or the weekdays fit no month at all and were not used ('no-fit').
   */
  basis: 'weekdays' | 'most-weekdays' | 'days' | 'no-fit';
  disagreeing: number;
}

/** A whole 400-year Gregorian cycle: every weekday pattern occurs in it. */
const MONTHS_SEARCHED = 400 * 12;
/** Below this share of agreeing weekdays, the weekday column is not trusted to pick the month. */
const MOSTLY = 0.9;

interface Constraint {
  /** Months after the first. */
  offset: number;
  day: number;
  weekday: number | null;
  rows: number;
}

interface Constraints {
  constraints: Constraint[];
  /** The month offset and day of the newest row: the last one, or the first in a newest-first file. */
  newestOffset: number;
  newestDay: number;
}

/** Distinct (month offset, day, weekday) of the rows, counted: a month is checked against these. */
function constraintsOf(rows: readonly SplitSampleRow[], newestFirst: boolean): Constraints {
  const byKey = new Map<string, Constraint>();
  let offset = 0;
  let previous = 0;
  let newestDay = 0;
  for (const { day, weekday } of rows) {
    if (!(Number.isInteger(day) && day >= 1 && day <= 31)) continue;
    if (previous > 0 && !newestFirst && day < previous - MONTH_ROLL_JUMP) offset++;
    if (previous > 0 && newestFirst && day > previous + MONTH_ROLL_JUMP) offset--;
    previous = day;
    if (!newestFirst || newestDay === 0) newestDay = day;
    const key = `${offset}/${day}/${weekday}`;
    const known = byKey.get(key);
    if (known) known.rows++;
    else byKey.set(key, { offset, day, weekday, rows: 1 });
  }
  return { constraints: [...byKey.values()], newestOffset: newestFirst ? 0 : offset, newestDay };
}

function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The month of the file's first row; `newestFirst` when the rows run backwards in time (splitDirection). */
export function chooseSplitAnchor(rows: readonly SplitSampleRow[], reference: Date, newestFirst = false): SplitAnchor {
  const { constraints, newestOffset, newestDay } = constraintsOf(rows, newestFirst);
  const referenceTime = Number.isFinite(reference.getTime()) ? reference : new Date(0);
  const today = { year: referenceTime.getUTCFullYear(), month: referenceTime.getUTCMonth() + 1, day: referenceTime.getUTCDate() };
  // The latest first month whose newest row is not after today.
  let start = addMonths(today.year, today.month, -newestOffset);
  if (newestDay > today.day) start = addMonths(start.year, start.month, -1);

  const weekdayRows = constraints.reduce((sum, c) => sum + (c.weekday === null ? 0 : c.rows), 0);
  let daysOnly: { year: number; month: number } | null = null;
  let best: { year: number; month: number; agreeing: number } | null = null;
  for (let back = 0; back < MONTHS_SEARCHED; back++) {
    const first = addMonths(start.year, start.month, -back);
    let exists = true;
    let agreeing = 0;
    for (const c of constraints) {
      const { year, month } = addMonths(first.year, first.month, c.offset);
      if (c.day > daysInMonth(year, month)) {
        exists = false;
        break;
      }
      if (c.weekday !== null && weekdayOf(year, month, c.day) === c.weekday) agreeing += c.rows;
    }
    if (!exists) continue;
    daysOnly ??= first;
    if (weekdayRows === 0) break;
    if (agreeing === weekdayRows) return { ...first, basis: 'weekdays', disagreeing: 0 };
    if (best === null || agreeing > best.agreeing) best = { ...first, agreeing };
  }
  const fallback = daysOnly ?? start;
  if (weekdayRows === 0) return { ...fallback, basis: 'days', disagreeing: 0 };
  if (best !== null && best.agreeing >= weekdayRows * MOSTLY) {
    return { year: best.year, month: best.month, basis: 'most-weekdays', disagreeing: weekdayRows - best.agreeing };
  }
  return { ...fallback, basis: 'no-fit', disagreeing: weekdayRows - (best?.agreeing ?? 0) };
}
