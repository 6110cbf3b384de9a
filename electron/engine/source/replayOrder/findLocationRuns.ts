/**
 * Finds where each location's block of rows begins in a file sorted by location, then time, by
 * bisecting over byte offsets with single-row probes.
 *
 * Why bisection and not the whole-file scan: the scan reads every byte (seconds for a large file)
 * and runs in the background, so a replay started at once would begin in file order and would have
 * to change order midway. Bisection needs O(k log n) reads of a few KB for k runs in n bytes: a
 * 1 GB file with 4 junctions is settled in about a hundred reads, at open time, so the replay is
 * merged from its first row and the page can say so as the file opens.
 *
 * Bisection rests on one assumption: when the rows at two offsets have the same location, every row
 * between them has it too. A file whose location comes back later (monthly exports appended, each
 * sorted by location) breaks it; so each run found is then sampled at evenly spaced offsets, and a
 * sample with another location is bisected in turn. Samples also check that each run is in time
 * order, which the merge needs (newest first, for a file whose runs are each written that way).
 */
import type { ProbedRow, RowProbe } from './rowProbe';

export interface LocationRun {
  location: string;
  /** Bytes [start, end) of the file. The first run starts at 0: it holds the header too. */
  start: number;
  end: number;
  /** Event time of the run's first and last row in replay order: its oldest and newest (sampled). */
  firstTime: number;
  lastTime: number;
}

export type RunSearch =
  | { kind: 'runs'; runs: LocationRun[] }
  /** More runs than a merge should hold open at once. */
  | { kind: 'too-many-runs'; atLeast: number }
  /** The rows of a run are not in time order (sampled times go back). */
  | { kind: 'unordered-run'; location: string }
  /** No valid row found at the start or the end of the file. */
  | { kind: 'unreadable' };

/** Offsets sampled in each run to check it holds one location in time order. */
const SAMPLES_PER_RUN = 8;
/** Sampling rounds; each one that finds a hidden boundary bisects again. */
const MAX_ROUNDS = 4;

class TooManyRuns extends Error {}

/** `newestFirst`: each run is expected to run back in time (a file written newest first). */
export async function findLocationRuns(probe: RowProbe, size: number, maxRuns: number, newestFirst = false): Promise<RunSearch> {
  const first = await probe.rowAtOrAfter(1, size);
  const last = await probe.lastRowBefore(size);
  if (!first || !last) return { kind: 'unreadable' };
  let points = first.start === last.start ? [first] : [first, last];
  try {
    for (let round = 0; ; round++) {
      points = await refine(probe, points, maxRuns);
      if (round === MAX_ROUNDS) break;
      const sampled = await sampleRuns(probe, points, size);
      if (sampled.length === points.length) break;
      points = sampled;
    }
  } catch (error) {
    if (error instanceof TooManyRuns) return { kind: 'too-many-runs', atLeast: maxRuns + 1 };
    throw error;
  }
  const runs = runsOf(points, size);
  for (const run of runs) {
    if (!inTimeOrder(points, run, newestFirst ? -1 : 1)) return { kind: 'unordered-run', location: run.location };
  }
  // Probed in file order: a run written newest first begins with its newest row.
  return { kind: 'runs', runs: newestFirst ? runs.map((run) => ({ ...run, firstTime: run.lastTime, lastTime: run.firstTime })) : runs };
}

/** Adds points between every two neighbours of different location until each such pair is adjacent. */
async function refine(probe: RowProbe, points: readonly ProbedRow[], maxRuns: number): Promise<ProbedRow[]> {
  const out: ProbedRow[] = [points[0] as ProbedRow];
  let changes = 0;
  const push = (row: ProbedRow): void => {
    if ((out[out.length - 1] as ProbedRow).location !== row.location && ++changes >= maxRuns) throw new TooManyRuns();
    out.push(row);
  };
  const split = async (p: ProbedRow, q: ProbedRow): Promise<void> => {
    if (p.location === q.location || p.end >= q.start) return;
    const middle = Math.floor((p.start + q.start) / 2);
    const between = (await probe.rowAtOrAfter(Math.max(middle, p.end), q.start)) ?? (await probe.rowAtOrAfter(p.end, q.start));
    // No valid row between: q starts the next run, and any invalid lines before it stay with p's.
    if (!between) return;
    await split(p, between);
    push(between);
    await split(between, q);
  };
  for (let i = 1; i < points.length; i++) {
    await split(out[out.length - 1] as ProbedRow, points[i] as ProbedRow);
    push(points[i] as ProbedRow);
  }
  return out;
}

/** The points with SAMPLES_PER_RUN more per run, in file order. */
async function sampleRuns(probe: RowProbe, points: readonly ProbedRow[], size: number): Promise<ProbedRow[]> {
  const known = new Set(points.map((point) => point.start));
  const added: ProbedRow[] = [];
  for (const run of runsOf(points, size)) {
    const span = run.end - run.start;
    for (let s = 1; s <= SAMPLES_PER_RUN; s++) {
      const row = await probe.rowAtOrAfter(run.start + Math.floor((span * s) / (SAMPLES_PER_RUN + 1)), run.end);
      if (row && !known.has(row.start)) {
        known.add(row.start);
        added.push(row);
      }
    }
  }
  return [...points, ...added].sort((a, b) => a.start - b.start);
}

/** Runs of same-location neighbours; each run ends where the next begins. */
function runsOf(points: readonly ProbedRow[], size: number): LocationRun[] {
  const runs: LocationRun[] = [];
  for (const point of points) {
    const current = runs[runs.length - 1];
    if (current && current.location === point.location) {
      current.lastTime = point.time;
      continue;
    }
    if (current) current.end = point.start;
    runs.push({ location: point.location, start: runs.length === 0 ? 0 : point.start, end: size, firstTime: point.time, lastTime: point.time });
  }
  return runs;
}

/** `direction` 1: the run's sampled times never go back; -1: never forwards. */
function inTimeOrder(points: readonly ProbedRow[], run: LocationRun, direction: 1 | -1): boolean {
  let previous = Number.NEGATIVE_INFINITY;
  for (const point of points) {
    if (point.start < run.start || point.start >= run.end) continue;
    const time = direction * point.time;
    if (time < previous) return false;
    previous = time;
  }
  return true;
}
