/**
 * The flag list: every problem episode raised, kept up to a cap (the rest counted as dropped so
 * the totals still reconcile), and counted per check. An episode is one flag that grows while
 * consecutive rows keep showing the same problem, so a detector stuck for a day is one line, not
 * ninety-six.
 */
import type { HealthCheck, HealthFlag } from '../../../shared/health/healthContract';
import { formatTime } from './describe';

/** A flag and how to redescribe it as it grows. */
export interface Episode {
  readonly flag: HealthFlag;
  /** What the first offending row showed; the flag's evidence adds how long it lasted. */
  readonly base: string;
}

/** A flag as a check raises it; the book numbers it and tracks whether it is still going on. */
export type RaiseInput = Omit<HealthFlag, 'id' | 'ongoing'>;

export class FlagBook {
  private readonly kept: HealthFlag[] = [];
  private nextId = 1;
  raised = 0;
  dropped = 0;
  readonly byCheck: Partial<Record<HealthCheck, number>> = {};

  constructor(private readonly maxFlags: number) {}

  raise(input: RaiseInput): Episode {
    const flag: HealthFlag = { id: this.nextId++, ...input, ongoing: false };
    this.raised++;
    this.byCheck[input.check] = (this.byCheck[input.check] ?? 0) + 1;
    if (this.kept.length < this.maxFlags) this.kept.push(flag);
    else this.dropped++;
    return { flag, base: input.evidence };
  }

  /** One more offending row at `time` in a per-row episode. */
  extendRows(episode: Episode, time: number): void {
    const { flag } = episode;
    flag.intervals++;
    if (time > flag.end) flag.end = time;
    flag.evidence = `${episode.base} (${flag.intervals} rows in a row, until ${formatTime(flag.end)})`;
  }

  get flags(): readonly HealthFlag[] {
    return this.kept;
  }
}
