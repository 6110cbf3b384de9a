/**
 * Everything the checker remembers about one location; bounded whatever the stream's length:
 * a gap histogram, a few days of coverage, the time-of-day rings and the current run.
 */
import type { HealthCheck, HealthFlag } from '../../../shared/health/healthContract';
import { SeriesCadence } from '../profiles';
import { Coverage } from './coverage';
import type { Episode } from './flagBook';
import type { HealthOptions } from './healthOptions';
import { RowsPerTime } from './rowsPerTime';
import { TypicalProfile } from './typicalProfile';

/** The current run of one repeated main-measure value. */
export interface Run {
  value: number;
  start: number;
  end: number;
  line: number;
  length: number;
  /** For zeros: what the location usually counts over the run's intervals, summed. */
  expected: number;
  /**
   * Time-of-day bins of the run's values not yet added to the profile (a stuck run must not teach
   * it): the first `pendingCount` of `pending`. A fixed array with a count, as the run ends on
   * nearly every row: emptying an array (length = 0) dropped its storage, so the next push made new.
   */
  pending: Uint8Array;
  pendingCount: number;
  episode: Episode | null;
}

/** A per-row episode that the next offending row at the location extends. */
export interface OpenEpisode {
  episode: Episode;
  lastRow: number;
}

/** Gaps seen before the cadence was known, judged once it is. */
const MAX_PENDING_GAPS = 16;

export class LocationState {
  rows = 0;
  firstTime: number | null = null;
  lastTime: number | null = null;
  /** Rows at one timestamp: one, or one per direction or lane (rowsPerTime.ts). */
  readonly rowsPerTime = new RowsPerTime<{ state: LocationState; time: number; line: number; row: number }>();
  readonly cadence = new SeriesCadence();
  readonly pendingGaps: [number, number][] = [];
  readonly coverage: Coverage;
  readonly profile: TypicalProfile;
  run: Run | null = null;
  readonly open = new Map<HealthCheck, OpenEpisode>();
  readonly flagCounts: Partial<Record<HealthCheck, number>> = {};
  latestFlag: HealthFlag | null = null;
  /** End of the latest flag here, and the start of the cluster of flags it belongs to. */
  lastFlagEnd: number | null = null;
  clusterStart: number | null = null;

  constructor(
    readonly name: string,
    options: HealthOptions,
  ) {
    this.coverage = new Coverage(options.daysKept);
    this.profile = new TypicalProfile(options.typicalSamplesPerBin);
  }

  rememberGap(from: number, to: number): void {
    if (this.pendingGaps.length < MAX_PENDING_GAPS) this.pendingGaps.push([from, to]);
  }

  /** Keeps what the status needs from a flag raised or grown here. */
  noteFlag(flag: HealthFlag, recentWindowMs: number, raised: boolean): void {
    if (raised) this.flagCounts[flag.check] = (this.flagCounts[flag.check] ?? 0) + 1;
    if (this.lastFlagEnd === null || flag.start > this.lastFlagEnd + recentWindowMs) this.clusterStart = flag.start;
    if (this.lastFlagEnd === null || flag.end > this.lastFlagEnd) this.lastFlagEnd = flag.end;
    this.latestFlag = flag;
  }
}
