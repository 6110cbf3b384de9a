/**
 * A location's status, with the reason and since when. The rule, most serious first:
 * - bad: the location has gone silent (no row for gapMinIntervals intervals while others report);
 *   or a stuck / zeros / negative / above-capacity / spike episode still includes its latest row;
 *   or its latest day received less than insufficientShare (60 %) of the expected rows;
 * - suspect: any flag ended within recentWindowMs (24 h) of its latest row;
 * - ok: otherwise, since the end of its last flag (or its first row).
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

/** Ongoing episodes: the run's, and per-row ones whose last row is the location's latest. Adds their flag ids to `ongoing`. */
function ongoingSerious(state: LocationState, ongoing: Set<number>): Verdict | null {
  let verdict: Verdict | null = null;
  const consider = (id: number, start: number, evidence: string, serious: boolean): void => {
    ongoing.add(id);
    if (serious && (verdict === null || start < (verdict.since ?? start))) verdict = { status: 'bad', reason: evidence, since: start };
  };
  const run = state.run;
  if (run?.episode != null && run.episode.flag.end === state.lastTime) {
    const { flag } = run.episode;
    consider(flag.id, flag.start, flag.evidence, true);
  }
  for (const [check, open] of state.open) {
    if (open.lastRow !== state.rows - 1) continue;
    const { flag } = open.episode;
    consider(flag.id, flag.start, flag.evidence, SERIOUS.includes(check));
  }
  return verdict;
}

function verdictOf(state: LocationState, latest: number | null, options: HealthOptions, ongoing: Set<number>): Verdict {
  const cadenceMs = state.cadence.cadenceMs;
  const serious = ongoingSerious(state, ongoing);
  if (state.lastTime === null) return { status: 'ok', reason: 'No timed rows yet', since: null };
  if (cadenceMs !== null && latest !== null && latest - state.lastTime >= (options.gapMinIntervals + 1) * cadenceMs) {
    return {
      status: 'bad',
      reason: `No rows for ${formatDuration(latest - state.lastTime)} (last row ${formatTime(state.lastTime)}) while other locations report`,
      since: state.lastTime + cadenceMs,
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
  if (flag !== null && state.lastFlagEnd !== null && state.lastFlagEnd >= state.lastTime - options.recentWindowMs) {
    return { status: 'suspect', reason: `Recent problem: ${flag.evidence}`, since: state.clusterStart };
  }
  return { status: 'ok', reason: 'OK', since: state.lastFlagEnd ?? state.firstTime };
}

export function locationHealth(state: LocationState, latest: number | null, options: HealthOptions, ongoing: Set<number>): LocationHealth {
  const verdict = verdictOf(state, latest, options, ongoing);
  return {
    location: state.name,
    ...verdict,
    cadenceMs: state.cadence.cadenceMs,
    rows: state.rows,
    firstTime: state.firstTime,
    lastTime: state.lastTime,
    coverage: state.cadence.cadenceMs === null ? null : state.coverage.share,
    days: state.coverage.recentDays(options.insufficientShare),
    flagCounts: { ...state.flagCounts },
  };
}
