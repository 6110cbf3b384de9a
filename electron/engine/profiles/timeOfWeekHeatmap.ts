/**
 * The heatmap of the main measure by time of day × day of week, per location and for all locations
 * together: a running sum and count per cell, so a row costs two additions and a snapshot divides.
 * Memory is 7 × bins cells per location, whatever the stream's length.
 */
import type { HeatmapView } from '../../../shared/profiles/profileContract';
import type { TrafficRecord } from '../../../shared/records';
import { binOfDay, DAY_MS, MINUTE_MS, weekdayMondayFirst } from './calendarBins';
import { locationOf, readingOf, type ProfileColumns } from './measureReading';

class Cells {
  readonly sum: Float64Array;
  readonly count: Float64Array;
  constructor(size: number) {
    this.sum = new Float64Array(size);
    this.count = new Float64Array(size);
  }
}

export class TimeOfWeekHeatmap {
  private readonly binMs: number;
  private readonly binsPerDay: number;
  private readonly all: Cells;
  private readonly byLocation = new Map<string, Cells>();

  constructor(
    private readonly columns: ProfileColumns,
    binMinutes = 60,
  ) {
    this.binMs = binMinutes * MINUTE_MS;
    if (!Number.isInteger(binMinutes) || binMinutes <= 0 || DAY_MS % this.binMs !== 0) throw new RangeError(`A bin must divide a day: ${binMinutes} minutes`);
    this.binsPerDay = DAY_MS / this.binMs;
    this.all = new Cells(7 * this.binsPerDay);
  }

  add(record: TrafficRecord): void {
    const value = readingOf(record, this.columns);
    if (value === null) return;
    const time = record.time as number;
    const cell = weekdayMondayFirst(time) * this.binsPerDay + binOfDay(time, this.binMs);
    const key = locationOf(record, this.columns);
    let cells = this.byLocation.get(key);
    if (cells === undefined) {
      cells = new Cells(7 * this.binsPerDay);
      this.byLocation.set(key, cells);
    }
    cells.sum[cell] = (cells.sum[cell] as number) + value;
    cells.count[cell] = (cells.count[cell] as number) + 1;
    this.all.sum[cell] = (this.all.sum[cell] as number) + value;
    this.all.count[cell] = (this.all.count[cell] as number) + 1;
  }

  locations(): string[] {
    return [...this.byLocation.keys()];
  }

  /** The map of one location (its key), or of all locations (null). An unknown location is all empty. */
  snapshot(location: string | null = null): HeatmapView {
    const cells = location === null ? this.all : (this.byLocation.get(location) ?? new Cells(7 * this.binsPerDay));
    const mean: (number | null)[] = [];
    const count: number[] = [];
    for (let i = 0; i < cells.count.length; i++) {
      const n = cells.count[i] as number;
      count.push(n);
      mean.push(n === 0 ? null : (cells.sum[i] as number) / n);
    }
    return {
      measure: this.columns.measureName,
      location,
      binMinutes: this.binMs / MINUTE_MS,
      binsPerDay: this.binsPerDay,
      mean,
      count,
      locations: this.locations(),
    };
  }

  reset(): void {
    this.byLocation.clear();
    this.all.sum.fill(0);
    this.all.count.fill(0);
  }
}
