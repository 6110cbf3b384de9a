/**
 * The scale an interval's miss is judged by: the same location's misses at the same hour of the
 * day. Forecasts miss a morning ramp by more than a quiet night, so one scale per location flags
 * the ramp every day and hides a night-time incident; one per location × hour compares like with
 * like. An hour that has not yet seen enough misses borrows the location's scale over all hours,
 * or its own early estimate when that is wider (a ramp is not judged by the night's scale while it
 * warms up). Without event time there is no hour: one scale per location.
 */
import { MIN_RESIDUALS, ResidualScale } from './residualScale';
import { DAY_MS } from './timeFeatures';

/** Hours of the day, plus one key per location for all hours together. */
const SLOTS = 24;
const KEYS_PER_LOCATION = SLOTS + 1;
const HOUR_MS = DAY_MS / SLOTS;
/** An hour's own early estimate counts (as a lower bound) once it has this many misses. */
const EARLY_RESIDUALS = 5;

export class AnomalyScale {
  private readonly scale = new ResidualScale();

  /** `byHour`: the data has event time (false: times are row numbers). */
  constructor(private readonly byHour: boolean) {}

  /** The scale for a miss at `location` and `time`; NaN until the location has MIN_RESIDUALS misses. */
  sigma(location: number, time: number): number {
    const all = this.scale.sigma(this.allHoursKey(location));
    const hour = this.hourKey(location, time);
    if (hour === null) return all;
    if (this.scale.count(hour) >= MIN_RESIDUALS) return this.scale.sigma(hour);
    const early = this.scale.sigma(hour, EARLY_RESIDUALS);
    return Number.isNaN(early) ? all : Math.max(all, early);
  }

  /**
   * Adds a miss to the location's and the hour's scale, each capped at `k` times that scale once it
   * is trusted: one wild value must not hide the next anomalies, and an hour still warming up must
   * not be capped by another hour's scale (a ramp capped by the night's band would never learn it).
   */
  add(location: number, time: number, residual: number, k: number): void {
    this.addCapped(this.allHoursKey(location), residual, k);
    const hour = this.hourKey(location, time);
    if (hour !== null) this.addCapped(hour, residual, k);
  }

  private addCapped(key: number, residual: number, k: number): void {
    const sigma = this.scale.sigma(key);
    this.scale.add(key, residual, sigma > 0 ? k * sigma : Number.POSITIVE_INFINITY);
  }

  private allHoursKey(location: number): number {
    return location * KEYS_PER_LOCATION + SLOTS;
  }

  /** Times without a zone are UTC wall clock (see timeFeatures): the UTC hour is the local one. */
  private hourKey(location: number, time: number): number | null {
    if (!this.byHour || !Number.isFinite(time)) return null;
    const hour = Math.floor((((time % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS);
    return location * KEYS_PER_LOCATION + hour;
  }
}
