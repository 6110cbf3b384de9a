/**
 * A typical day per location: by time of day, the median and 10–90 % band of the main measure
 * over the recent days (RecentValues), and the current data day's readings to draw over it.
 *
 * The current day is the day of the newest event time seen (the replay's "today"). Its readings are
 * held apart and join the history only when a later day begins, so the band a reading is compared
 * with (deviationAt) never contains the reading itself or the rest of its day: an incident that
 * lasts all afternoon does not widen the band it is measured against. Rows of an earlier day that
 * come late go straight into the history. Memory: the history's fixed rings, plus one day's rows
 * per location.
 */
import type { Deviation, TypicalDayView } from '../../../shared/profiles/profileContract';
import type { TrafficRecord } from '../../../shared/records';
import { binOfDay, DAY_MS, dayNumber, MINUTE_MS } from './calendarBins';
import { deviationFrom, type BinQuantiles, type DeviationOptions } from './deviation';
import { locationOf, readingOf, type ProfileColumns } from './measureReading';
import { DEFAULT_CAPACITY, RecentValues } from './recentValues';

export interface TypicalDayOptions {
  /** Width of a time-of-day bin (a divisor of a day); see binMinutesFor. */
  binMinutes: number;
  /** Readings kept per bin and location (DEFAULT_CAPACITY). */
  capacity?: number;
}

class LocationDay {
  readonly history: RecentValues;
  readonly todaySum: Float64Array;
  readonly todayCount: Uint32Array;
  /**
   * Today's readings, bin and value, in arrival order (the first `pendingCount`): they join the
   * history when the day ends. Kept from day to day, grown when a day brings more, so a day
   * does not build new arrays reading by reading.
   */
  private pendingBins: Uint32Array;
  private pendingValues: Float64Array;
  private pendingCount = 0;

  constructor(bins: number, capacity: number) {
    this.history = new RecentValues(bins, capacity);
    this.todaySum = new Float64Array(bins);
    this.todayCount = new Uint32Array(bins);
    this.pendingBins = new Uint32Array(bins);
    this.pendingValues = new Float64Array(bins);
  }

  addToday(bin: number, value: number): void {
    const at = this.pendingCount;
    if (at === this.pendingBins.length) {
      const bins = new Uint32Array(at * 2);
      bins.set(this.pendingBins);
      this.pendingBins = bins;
      const values = new Float64Array(at * 2);
      values.set(this.pendingValues);
      this.pendingValues = values;
    }
    this.pendingBins[at] = bin;
    this.pendingValues[at] = value;
    this.pendingCount = at + 1;
    this.todaySum[bin] = (this.todaySum[bin] as number) + value;
    this.todayCount[bin] = (this.todayCount[bin] as number) + 1;
  }

  commitToday(): void {
    const history = this.history;
    const bins = this.pendingBins;
    const values = this.pendingValues;
    for (let i = 0; i < this.pendingCount; i++) history.add(bins[i] as number, values[i] as number);
    this.pendingCount = 0;
    this.todaySum.fill(0);
    this.todayCount.fill(0);
  }
}

export class TypicalDay {
  private readonly binMs: number;
  private readonly binsPerDay: number;
  private readonly capacity: number;
  private readonly byLocation = new Map<string, LocationDay>();
  /** Day number of the current data day; -Infinity before any row. */
  private today = Number.NEGATIVE_INFINITY;
  /** deviationAt's band, filled on each call (deviationFrom copies it into the deviation). */
  private readonly band: BinQuantiles = { median: 0, p10: 0, p90: 0, samples: 0 };

  constructor(
    private readonly columns: ProfileColumns,
    options: TypicalDayOptions,
  ) {
    this.binMs = options.binMinutes * MINUTE_MS;
    if (!Number.isInteger(options.binMinutes) || options.binMinutes <= 0 || DAY_MS % this.binMs !== 0) {
      throw new RangeError(`A bin must divide a day: ${options.binMinutes} minutes`);
    }
    this.binsPerDay = DAY_MS / this.binMs;
    this.capacity = options.capacity ?? DEFAULT_CAPACITY;
  }

  add(record: TrafficRecord): void {
    const value = readingOf(record, this.columns);
    if (value === null) return;
    const time = record.time as number;
    const day = dayNumber(time);
    if (day > this.today) {
      for (const location of this.byLocation.values()) location.commitToday();
      this.today = day;
    }
    const location = this.locationDay(locationOf(record, this.columns));
    const bin = binOfDay(time, this.binMs);
    if (day < this.today) {
      location.history.add(bin, value);
      return;
    }
    location.addToday(bin, value);
  }

  /** The typical reading at this location and time of day, from the days before the current one; null without any. */
  profileAt(location: string, time: number): BinQuantiles | null {
    return this.byLocation.get(location)?.history.quantiles(binOfDay(time, this.binMs)) ?? null;
  }

  /** A reading against the typical day at its time of day; null when there is no history for that bin yet. */
  deviationAt(location: string, time: number, value: number, options?: DeviationOptions): Deviation | null {
    const history = this.byLocation.get(location)?.history;
    if (history === undefined || !history.quantilesInto(binOfDay(time, this.binMs), this.band)) return null;
    return deviationFrom(value, this.band, options);
  }

  locations(): string[] {
    return [...this.byLocation.keys()];
  }

  snapshot(location: string): TypicalDayView {
    const day = this.byLocation.get(location);
    const median: (number | null)[] = [];
    const p10: (number | null)[] = [];
    const p90: (number | null)[] = [];
    const samples: number[] = [];
    const todayMean: (number | null)[] = [];
    for (let bin = 0; bin < this.binsPerDay; bin++) {
      const q = day?.history.quantiles(bin) ?? null;
      median.push(q?.median ?? null);
      p10.push(q?.p10 ?? null);
      p90.push(q?.p90 ?? null);
      samples.push(q?.samples ?? 0);
      const n = day?.todayCount[bin] ?? 0;
      todayMean.push(n === 0 || day === undefined ? null : (day.todaySum[bin] as number) / n);
    }
    return {
      measure: this.columns.measureName,
      location,
      binMinutes: this.binMs / MINUTE_MS,
      binsPerDay: this.binsPerDay,
      median,
      p10,
      p90,
      samples,
      today: this.today === Number.NEGATIVE_INFINITY ? null : this.today * DAY_MS,
      todayMean,
    };
  }

  reset(): void {
    this.byLocation.clear();
    this.today = Number.NEGATIVE_INFINITY;
  }

  private locationDay(key: string): LocationDay {
    let location = this.byLocation.get(key);
    if (location === undefined) {
      location = new LocationDay(this.binsPerDay, this.capacity);
      this.byLocation.set(key, location);
    }
    return location;
  }
}
