/**
 * The split time form (time of day + day of month, see time/splitTimeline) is stateful: which month
 * a row falls in depends on every day of month before it, so a segment in the middle of a file
 * cannot place its rows in time by itself. It does not need to: the timeline only changes on the
 * first row of each run of rows with the same day of month. A segment read without the timeline
 * decodes each row against a neutral month (every day 1..31 exists, nothing rolls over), keeps
 * (day, rows, earliest and latest time of day) per run, and the coordinator places the runs on the
 * real timeline in file order, exactly as a sequential read would. The only outcome a neutral
 * month can hide is "no such date" (day 31 in a 30-day month); when placing finds one, the segment
 * is read again with the real timeline (see scanFile).
 */
import { RowDecoder, type DecodedRecord } from '../rowDecoder';
import type { TableSchema } from '../tableSchema';
import { MS_PER_DAY, daysFromCivil } from '../time/civil';
import { SplitTimeline, type SplitTimelineState } from '../time/splitTimeline';

export interface SplitRuns {
  day: number[];
  rows: number[];
  minTimeOfDay: number[];
  maxTimeOfDay: number[];
  /** The segment could not be placed from runs (too many, or a row the neutral month cannot judge). */
  unplaceable: boolean;
}

/** Rows alternating between days would make a run per row; past this the segment is read again. */
const MAX_RUNS = 200_000;
/** January 2000 has 31 days, and with no last day nothing rolls over: no date is refused. */
const NEUTRAL: SplitTimelineState = { year: 2000, month: 1, lastDay: 0 };
const NEUTRAL_BASE = daysFromCivil(2000, 1, 1) * MS_PER_DAY;

/**
 * Decodes rows of a split-form file without knowing the month, with the file's real schema, so
 * every reason and value matches a sequential read.
 */
export class SplitRunCollector {
  readonly runs: SplitRuns = { day: [], rows: [], minTimeOfDay: [], maxTimeOfDay: [], unplaceable: false };
  private readonly decoder: RowDecoder;

  constructor(schema: TableSchema) {
    this.decoder = new RowDecoder(schema);
  }

  /** Decodes a row as the reader would, except that no date is refused (see `unplaceable`). */
  decode(fields: readonly string[]): DecodedRecord {
    this.decoder.restore(NEUTRAL);
    const decoded = this.decoder.decode(fields);
    if (!decoded.ok) {
      this.noteRefused(decoded.reason);
      return decoded;
    }
    this.add(decoded.time as number);
    return decoded;
  }

  /** `decode` for a row whose values are known to be valid: its time alone (see RowDecoder.timeOf). */
  timeOf(fields: readonly string[]): number | string | null {
    this.decoder.restore(NEUTRAL);
    const time = this.decoder.timeOf(fields);
    if (typeof time === 'string') this.noteRefused(time);
    else this.add(time as number);
    return time;
  }

  /** Only the timeline says "no such date", and its month here is the neutral one: unsure. */
  private noteRefused(reason: string): void {
    if (reason.startsWith('no such date')) this.runs.unplaceable = true;
  }

  private add(neutralTime: number): void {
    const sinceBase = neutralTime - NEUTRAL_BASE;
    const day = Math.floor(sinceBase / MS_PER_DAY) + 1;
    const timeOfDay = sinceBase - (day - 1) * MS_PER_DAY;
    const runs = this.runs;
    const last = runs.day.length - 1;
    if (last >= 0 && runs.day[last] === day) {
      runs.rows[last] = (runs.rows[last] as number) + 1;
      if (timeOfDay < (runs.minTimeOfDay[last] as number)) runs.minTimeOfDay[last] = timeOfDay;
      if (timeOfDay > (runs.maxTimeOfDay[last] as number)) runs.maxTimeOfDay[last] = timeOfDay;
      return;
    }
    if (last + 1 >= MAX_RUNS) {
      runs.unplaceable = true;
      return;
    }
    runs.day.push(day);
    runs.rows.push(1);
    runs.minTimeOfDay.push(timeOfDay);
    runs.maxTimeOfDay.push(timeOfDay);
  }
}

export interface PlacedRuns {
  /** The timeline after the segment's last row: where the next segment starts. */
  end: SplitTimelineState;
  first: number | null;
  last: number | null;
}

/**
 * Places a segment's runs on the timeline from `start`. Within a run the day does not change, so
 * only its first row can roll the month over or be refused, and every row after it shares the
 * outcome; the run's earliest and latest times then follow from its date. `newestFirst`: the file's
 * rows run backwards in time (the schema's split source says). Null when a run is
 * refused ("no such date"): its rows are rejected, which only a read with the timeline can list.
 */
export function placeRuns(runs: SplitRuns, start: SplitTimelineState, newestFirst: boolean): PlacedRuns | null {
  if (runs.unplaceable) return null;
  const timeline = new SplitTimeline(start, newestFirst);
  timeline.restore(start);
  let first: number | null = null;
  let last: number | null = null;
  for (let i = 0; i < runs.day.length; i++) {
    const minTime = runs.minTimeOfDay[i] as number;
    const epoch = timeline.toEpoch(minTime, runs.day[i] as number);
    if (epoch === null) return null;
    const latest = epoch - minTime + (runs.maxTimeOfDay[i] as number);
    if (first === null || epoch < first) first = epoch;
    if (last === null || latest > last) last = latest;
  }
  return { end: timeline.snapshot(), first, last };
}

/** The timeline right after a row placed at `time` (a split-form event time is that row's date). */
export function timelineAfter(time: number): SplitTimelineState {
  const date = new Date(time);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, lastDay: date.getUTCDate() };
}
