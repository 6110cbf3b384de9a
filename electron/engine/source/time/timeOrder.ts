/**
 * Which way a file's event time runs, from the rows the sniffer already read: for each location,
 * the consecutive rows of that location are compared (a file without a location column is one
 * location), and each step counts as up (later), down (earlier) or neither (the same time). A few
 * rows out of place do not change the verdict: the order is the direction at least MIN_SHARE of
 * the steps agree on, pooled over the locations; anything less clear is 'mixed'.
 *
 * Exports from traffic APIs and spreadsheets sorted "latest first" are written newest first;
 * replayed as written, time would run backwards for every panel, so such a file is replayed from
 * its end (replayOrder/reversedFileSource).
 */
import type { TimeOrder } from '../../../../shared/schema';
import type { TimedRow } from './timedSample';

/**
 * Share of the steps one direction needs for the file to run that way: a file written newest
 * first steps back nearly every time, while an unordered export (Paris's counts step back four
 * times in five) is neither, and is read as written with a note saying so.
 */
export const MIN_SHARE = 0.95;

/** Steps between consecutive rows of one location. */
export interface OrderSteps {
  up: number;
  down: number;
  same: number;
}

export interface TimeOrderFinding {
  /** Null when no location has two timed rows to compare. */
  order: TimeOrder | null;
  /** The pooled steps, and each location's (by its value as text). */
  steps: OrderSteps;
  byLocation: Map<string, OrderSteps>;
}

/** The direction `steps` say, or null when there is no step with a direction. */
export function orderOf(steps: OrderSteps): TimeOrder | null {
  const moving = steps.up + steps.down;
  if (moving === 0) return null;
  if (steps.up >= MIN_SHARE * moving) return 'ascending';
  if (steps.down >= MIN_SHARE * moving) return 'descending';
  return 'mixed';
}

/** Steps of each location over timed rows given as (location, time), in file order. */
export function countSteps(rows: Iterable<TimedRow>): TimeOrderFinding {
  const last = new Map<string, number>();
  const byLocation = new Map<string, OrderSteps>();
  const steps: OrderSteps = { up: 0, down: 0, same: 0 };
  for (const { location, time } of rows) {
    const previous = last.get(location);
    last.set(location, time);
    if (previous === undefined) continue;
    let own = byLocation.get(location);
    if (own === undefined) {
      own = { up: 0, down: 0, same: 0 };
      byLocation.set(location, own);
    }
    const key = time > previous ? 'up' : time < previous ? 'down' : 'same';
    own[key]++;
    steps[key]++;
  }
  return { order: orderOf(steps), steps, byLocation };
}

/** The time order of the first block's timed rows (null: none, or nothing to compare). */
export function detectTimeOrder(timed: readonly TimedRow[]): TimeOrderFinding {
  return countSteps(timed);
}
