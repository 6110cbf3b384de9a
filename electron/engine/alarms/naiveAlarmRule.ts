/**
 * The naive rule alarms are compared with (bench/measureAlarms.ts): a reading below `belowFraction`
 * of its location's overall median, or above `aboveMultiple` of it, for `raiseAfter` intervals in
 * a row; cleared after `clearAfter` intervals that are neither. No time of day, no kind of day, no
 * peers: what one would set up with a threshold filter. Fair in that it gets the same run logic,
 * a median that follows the data, and its two limits tuned on the same data as the detector.
 *
 * The overall median is that of the location's last `capacity` readings (RecentValues with one
 * bin), recomputed when a new data day starts, so a row costs one store.
 */
import type { Alarm, AlarmDirection, AlarmsView } from '../../../shared/alarms/alarmContract';
import type { TrafficRecord } from '../../../shared/records';
import { dayNumber } from '../profiles';
import { locationOf, readingOf, type ProfileColumns } from '../profiles';
import { RecentValues } from '../profiles';
import { alarmEvidence } from './alarmEvidence';
import { ClosedAlarms } from './closedAlarms';
import { DepartureRun, type OpenRun } from './departureRun';

export interface NaiveRuleSettings {
  belowFraction: number;
  aboveMultiple: number;
  raiseAfter: number;
  clearAfter: number;
  /** Readings a location needs before its median is used (a day of 15-minute rows). */
  minReadings: number;
  capacity: number;
  closedCap: number;
}

export const DEFAULT_NAIVE_SETTINGS: NaiveRuleSettings = {
  belowFraction: 0.2,
  aboveMultiple: 3,
  raiseAfter: 3,
  clearAfter: 2,
  minReadings: 96,
  capacity: 96 * 14,
  closedCap: 500,
};

interface NaiveLocation {
  readings: RecentValues;
  median: number | null;
  day: number;
  run: DepartureRun;
  id: number;
}

export class NaiveAlarmRule {
  readonly settings: NaiveRuleSettings;
  private readonly locations = new Map<string, NaiveLocation>();
  private readonly closed: ClosedAlarms;
  private nextId = 0;

  constructor(
    private readonly columns: ProfileColumns,
    settings: Partial<NaiveRuleSettings> = {},
  ) {
    this.settings = { ...DEFAULT_NAIVE_SETTINGS, ...settings };
    this.closed = new ClosedAlarms(this.settings.closedCap);
  }

  add(record: TrafficRecord): void {
    const value = readingOf(record, this.columns);
    if (value === null) return;
    const time = record.time as number;
    const key = locationOf(record, this.columns);
    const location = this.locationOf(key);
    const day = dayNumber(time);
    if (day !== location.day || location.median === null) {
      location.day = day;
      location.median = location.readings.samples(0) >= this.settings.minReadings ? (location.readings.quantiles(0)?.median ?? null) : null;
    }
    const median = location.median;
    location.readings.add(0, value);
    if (median === null || median <= 0) return;
    const direction: AlarmDirection | null = value < this.settings.belowFraction * median ? 'below' : value > this.settings.aboveMultiple * median ? 'above' : null;
    const event = location.run.observe({ time, departing: direction, backWithin: direction === null, score: value / median - 1, value, typical: median }, false);
    if (event?.kind === 'raised') location.id = this.nextId++;
    if (event?.kind === 'cleared') this.closed.add(this.toAlarm(key, location.id, event.run, event.end));
  }

  view(): AlarmsView {
    const active: Alarm[] = [];
    for (const [key, location] of this.locations) {
      const run = location.run.active;
      if (run !== null) active.push(this.toAlarm(key, location.id, run, null));
    }
    return { measure: this.columns.measureName, active: active.sort((a, b) => a.id - b.id), closed: this.closed.list(), closedDropped: this.closed.dropped, peers: 'none' };
  }

  private toAlarm(location: string, id: number, run: OpenRun, end: number | null): Alarm {
    const relativeChange = run.typicalSum > 0 ? run.valueSum / run.typicalSum - 1 : 0;
    return {
      id,
      location,
      measure: this.columns.measureName,
      direction: run.direction,
      start: run.start,
      raisedAt: run.raisedAt as number,
      end,
      peakScore: run.peakScore,
      intervals: run.intervals,
      relativeChange,
      confidence: 'medium',
      confirmedBy: [],
      evidence: alarmEvidence({ measure: this.columns.measureName, direction: run.direction, relativeChange, intervals: run.intervals, peakScore: null, peerKind: 'neighbours', peers: [] }),
    };
  }

  private locationOf(key: string): NaiveLocation {
    let location = this.locations.get(key);
    if (location === undefined) {
      location = { readings: new RecentValues(1, this.settings.capacity), median: null, day: Number.NaN, run: new DepartureRun(this.settings.raiseAfter, this.settings.clearAfter), id: -1 };
      this.locations.set(key, location);
    }
    return location;
  }
}
