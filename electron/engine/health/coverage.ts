/**
 * How much of a location's expected data arrived: rows received and intervals missing, per UTC
 * day and overall. A day's expected rows are its received rows plus the intervals found missing
 * in it, so a location that starts at noon is judged from noon, and the latest day only up to its
 * latest row. Only the last `daysKept` days are kept per location (bounded memory); older days
 * still count in the totals.
 */
import type { DayCoverage } from '../../../shared/health/healthContract';
import { DAY_MS, dayIndex, dayLabel } from './timeOfDay';

interface DayCount {
  received: number;
  missing: number;
}

export class Coverage {
  private readonly days = new Map<number, DayCount>();
  received = 0;
  missing = 0;

  constructor(private readonly daysKept: number) {}

  addRow(time: number): void {
    this.received++;
    this.day(dayIndex(time)).received++;
  }

  /**
   * The intervals strictly between two consecutive rows at `from` and `to` that have no row:
   * from + c, from + 2c, … ; returns how many. A gap that is not a whole number of intervals
   * (clock jitter) is rounded.
   */
  addGap(from: number, to: number, cadenceMs: number): number {
    const missing = Math.round((to - from) / cadenceMs) - 1;
    if (missing <= 0) return 0;
    this.missing += missing;
    const firstDay = dayIndex(from + cadenceMs);
    const lastDay = dayIndex(from + missing * cadenceMs);
    // Days older than the kept window would be evicted at once; skip them (their totals counted above).
    for (let day = Math.max(firstDay, lastDay - this.daysKept + 1); day <= lastDay; day++) {
      const lo = Math.max(1, Math.ceil((day * DAY_MS - from) / cadenceMs));
      const hi = Math.min(missing, Math.floor(((day + 1) * DAY_MS - 1 - from) / cadenceMs));
      if (hi >= lo) this.day(day).missing += hi - lo + 1;
    }
    return missing;
  }

  /** Received / expected over the whole stream. */
  get share(): number | null {
    const expected = this.received + this.missing;
    return expected === 0 ? null : this.received / expected;
  }

  /** Kept days, oldest first. */
  recentDays(insufficientShare: number): DayCoverage[] {
    return [...this.days.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([day, count]) => {
        const expected = count.received + count.missing;
        const share = expected === 0 ? 1 : count.received / expected;
        return { day: dayLabel(day), received: count.received, expected, share, insufficient: share < insufficientShare };
      });
  }

  /** The latest kept day's share, or null before any row. */
  latestDay(): { day: number; share: number } | null {
    let latest: number | null = null;
    for (const day of this.days.keys()) if (latest === null || day > latest) latest = day;
    if (latest === null) return null;
    const count = this.days.get(latest) as DayCount;
    return { day: latest, share: count.received / (count.received + count.missing) };
  }

  private day(day: number): DayCount {
    let count = this.days.get(day);
    if (count === undefined) {
      count = { received: 0, missing: 0 };
      this.days.set(day, count);
      if (this.days.size > this.daysKept) {
        let oldest = day;
        for (const kept of this.days.keys()) if (kept < oldest) oldest = kept;
        this.days.delete(oldest);
      }
    }
    return count;
  }
}
