/**
 * Stuck and zero runs of the main measure. A working detector's count changes from interval to
 * interval; the same non-zero value for the stuck duration (2 h by default) means it stopped
 * updating. Zeros are different: at 03:00 a quiet street really counts nothing, so a run of zeros
 * is flagged only when the location usually counts clearly more than zero at those times of day
 * (the sum of its typical values over the run reaches zeroRunMinExpected).
 *
 * The run's values join the time-of-day profile only when the run ends unflagged, so a stuck
 * detector never teaches the profile that its stuck value is normal.
 */
import { formatDuration, formatNumber, formatTime } from './describe';
import type { FlagBook } from './flagBook';
import { stuckIntervals, type HealthOptions } from './healthOptions';
import type { LocationState, Run } from './locationState';
import { timeBin } from './timeOfDay';

/** Pending values beyond this are committed early (a long quiet night at 1-min cadence). */
const MAX_PENDING = 256;

export interface RunRow {
  time: number;
  line: number;
  value: number;
  /** Already judged implausible: kept out of the profile. */
  implausible: boolean;
}

function commit(state: LocationState, run: Run): void {
  if (run.episode === null) for (let i = 0; i < run.pendingCount; i++) state.profile.add(run.pending[i] as number, run.value);
  run.pendingCount = 0;
}

function describe(run: Run, measure: string, cadenceMs: number | null): string {
  const span = `${formatDuration(run.end - run.start + (cadenceMs ?? 0))} (${run.length} intervals) from ${formatTime(run.start)} to ${formatTime(run.end)}`;
  if (run.value !== 0) {
    return `${measure} stayed at ${formatNumber(run.value)} for ${span}; a working detector's count changes from interval to interval`;
  }
  const usual = run.expected / run.length;
  return `${measure} was 0 for ${span}; at these times of day this location usually counts about ${formatNumber(Math.round(usual))} per interval (${formatNumber(Math.round(run.expected))} expected in all)`;
}

/**
 * How rare a run of one count must be before it says "stuck" rather than "quiet": a working
 * detector counting about v vehicles writes exactly v again with a chance near 1 / √(2πv) (the
 * Poisson distribution at its mean; real counts vary more, so repeat less). A run of k equal
 * counts then happens by chance with odds of that to the power k − 1; the run must be long enough
 * for those odds to fall below one in a million, so a night of 3 or 4 cars per quarter-hour is
 * not a fault. Decimal readings (speeds, occupancies) repeat far less: no extra length for them.
 */
const CHANCE_RUN_ODDS = 1e-6;

export function chanceRunLength(value: number): number {
  const count = Math.abs(value);
  if (!Number.isInteger(count) || count === 0) return 0;
  const repeat = Math.min(0.5, 1 / Math.sqrt(2 * Math.PI * count));
  return 1 + Math.ceil(Math.log(CHANCE_RUN_ODDS) / Math.log(repeat));
}

/** Feeds one in-order row's main-measure value; raises or grows a stuck / zeros flag. */
export function checkRun(
  state: LocationState,
  row: RunRow,
  measure: string,
  options: HealthOptions,
  book: FlagBook,
): void {
  let run = state.run;
  if (run === null) {
    run = { value: row.value, start: row.time, end: row.time, line: row.line, length: 0, expected: 0, pending: new Uint8Array(MAX_PENDING), pendingCount: 0, episode: null };
    state.run = run;
  } else if (run.value !== row.value) {
    // A new run: the finished one's values join the profile, and its object is reused (nothing
    // else holds it; its flag, if any, lives in the book): the value changes on almost every row.
    commit(state, run);
    run.value = row.value;
    run.start = row.time;
    run.end = row.time;
    run.line = row.line;
    run.length = 0;
    run.expected = 0;
    run.episode = null;
  }
  run.length++;
  run.end = row.time;
  const bin = timeBin(row.time);
  if (run.episode === null && !row.implausible) {
    if (run.pendingCount >= MAX_PENDING) commit(state, run);
    run.pending[run.pendingCount++] = bin;
  }
  if (row.value === 0) run.expected += state.profile.typical(bin, options.typicalMinSamples) ?? 0;

  const cadenceMs = state.cadence.cadenceMs;
  const n = stuckIntervals(options, cadenceMs);
  const stuck =
    row.value !== 0
      ? run.length >= (Math.abs(row.value) <= options.stuckLowValue ? 2 * n : n) && run.length >= chanceRunLength(row.value)
      : run.length >= n && run.expected >= options.zeroRunMinExpected;
  if (!stuck) return;
  const evidence = describe(run, measure, cadenceMs);
  if (run.episode !== null) {
    const { flag } = run.episode;
    flag.end = row.time;
    flag.intervals = run.length;
    flag.evidence = evidence;
    state.noteFlag(flag, options.recentWindowMs, false);
    return;
  }
  run.episode = book.raise({
    location: state.name,
    check: row.value === 0 ? 'zeros' : 'stuck',
    start: run.start,
    end: row.time,
    intervals: run.length,
    line: run.line,
    evidence,
  });
  run.pendingCount = 0;
  state.noteFlag(run.episode.flag, options.recentWindowMs, true);
}
