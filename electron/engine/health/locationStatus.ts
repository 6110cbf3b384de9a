/**
 * A location's status, with the reason and since when. The rule, most serious first:
 * - bad: the location has gone silent (no row for gapMinIntervals intervals while others report);
 *   or a stuck / zeros / negative / above-capacity / spike episode still includes its latest row;
 *   or its latest day received less than insufficientShare (60 %) of the expected rows;
 * - suspect: any flag ended within recentWindowMs (24 h) of its latest row;
 * - ok: otherwise, since the end of its last flag (or its first row).
 * For a stream that runs newest first, "latest" is in stream order: the earliest row read so far.
 */
import type { HealthCheck, LocationHealth } from '../../../shared/health/healthContract';
import { formatDuration, formatTime } from './describe';
import type { HealthOptions } from './healthOptions';
import type { LocationState } from './locationState';
import { DAY_MS, dayLabel } from './timeOfDay';

/** Ongoing episodes of these checks make a location bad: its current values cannot be trusted. */
const SERIOUS: readonly HealthCheck[] = ['negative', 'aboveCapacity', 'spike'];

interface Verdict {
  status: LocationHealth['status'];
  reason: string;
  since: number | null;
}

/**
 * Ongoing episodes: the run's, and per-row ones whose last row is the location's latest. Adds their
 * flag ids to `ongoing`. Bad since the one that began first in stream order (newest first: its end).
 */
function ongoingSerious(state: LocationState, ongoing: Set<number>, d: 1 | -1): Verdict | null {
  let verdict: Verdict | null = null;
  const consider = (id: number, flag: { start: number; end: number }, evidence: string, serious: boolean): void => {
    ongoing.add(id);
    const began = d > 0 ? flag.start : flag.end;
    if (serious && (verdict === null || d * (began - (verdict.since ?? began)) < 0)) verdict = { status: 'bad', reason: evidence, since: began };
  };
  const run = state.run;
  // The run's last row is the location's last in-order row (its flag has grown to it).
  if (run?.episode != null && run.end === state.lastTime) {
    const { flag } = run.episode;
    consider(flag.id, flag, flag.evidence, true);
  }
  for (const [check, open] of state.open) {
    if (open.lastRow !== state.rows - 1) continue;
    const { flag } = open.episode;
    consider(flag.id, flag, flag.evidence, SERIOUS.includes(check));
  }
  return verdict;
}

function verdictOf(state: LocationState, latest: number | null, options: HealthOptions, ongoing: Set<number>, d: 1 | -1): Verdict {
  const cadenceMs = state.cadence.cadenceMs;
  const serious = ongoingSerious(state, ongoing, d);
  if (state.lastTime === null) return { status: 'ok', reason: 'No timed rows yet', since: null };
  const behind = latest === null ? 0 : d * (latest - state.lastTime);
  if (cadenceMs !== null && behind >= (options.gapMinIntervals + 1) * cadenceMs) {
    return {
      status: 'bad',
      reason: `No rows for ${formatDuration(behind)} (last row ${formatTime(state.lastTime)}) while other locations report`,
      since: state.lastTime + d * cadenceMs,
    };
  }
  if (serious !== null) return serious;
  const day = state.coverage.latestDay();
  if (day !== null && day.share < options.insufficientShare) {
    return {
      status: 'bad',
      reason: `Insufficient data on ${dayLabel(day.day)}: ${Math.round(day.share * 100)} % of the expected rows so far (below ${Math.round(options.insufficientShare * 100)} %)`,
      since: day.day * DAY_MS,
    };
  }
  const flag = state.latestFlag;
  if (flag !== null && state.lastFlagEnd !== null && d * (state.lastTime - state.lastFlagEnd) <= options.recentWindowMs) {
    return { status: 'suspect', reason: `Recent problem: ${flag.evidence}`, since: state.clusterStart };
  }
  return { status: 'ok', reason: 'OK', since: state.lastFlagEnd ?? state.firstTime };
}

export function locationHealth(state: LocationState, latest: number | null, options: HealthOptions, ongoing: Set<number>, direction: 1 | -1 = 1): LocationHealth {
  const verdict = verdictOf(state, latest, options, ongoing, direction);
  // Earliest and latest row, whichever way the stream ran.
  const [firstTime, lastTime] = direction > 0 ? [state.firstTime, state.lastTime] : [state.lastTime, state.firstTime];
  return {
    location: state.name,
    ...verdict,
    cadenceMs: state.cadence.cadenceMs,
    rows: state.rows,
    firstTime,
    lastTime,
    coverage: state.cadence.cadenceMs === null ? null : state.coverage.share,
    days: state.coverage.recentDays(options.insufficientShare),
    flagCounts: { ...state.flagCounts },
  };
}
