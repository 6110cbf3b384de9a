import { describe, expect, it } from 'vitest';
import type { HealthCheck } from '../../../shared/health/healthContract';
import type { CellValue, TrafficRecord } from '../../../shared/records';
import { createHealthChecker, type HealthSchema } from './healthChecker';
import { flagsToCsv } from './flagsCsv';
import { chanceRunLength } from './runCheck';

const MIN = 60_000;
const Q = 15 * MIN;
/** Monday 2026-10-05 00:00 UTC. */
const MONDAY = Date.UTC(2026, 9, 5);

/** Site, Cars, Trucks, Total: Total = Cars + Trucks. */
const SCHEMA: HealthSchema = {
  columns: [
    { name: 'Site', role: 'location' },
    { name: 'Time', role: 'timestamp' },
    { name: 'Cars', role: 'measure' },
    { name: 'Trucks', role: 'measure' },
    { name: 'Total', role: 'measure' },
  ],
  location: 'Site',
  measure: 'Total',
};

/** A busy-by-day, quiet-by-night count that is never the same twice in a row. */
function usual(time: number): number {
  const hour = (time % 86_400_000) / 3_600_000;
  const base = hour >= 7 && hour < 20 ? 100 : 2;
  return base + (Math.floor(time / Q) % 5);
}

let line = 1;
function row(site: string, time: number, total: number, cars = total - Math.floor(total / 4), trucks = Math.floor(total / 4)): TrafficRecord {
  const values: CellValue[] = [site, new Date(time).toISOString(), cars, trucks, total];
  return { line: ++line, values, time };
}

/** `days` days of 15-min rows from MONDAY, `override` may replace or drop (null) a row. */
function stream(days: number, override: (time: number) => TrafficRecord | null | undefined = () => undefined): TrafficRecord[] {
  const rows: TrafficRecord[] = [];
  for (let time = MONDAY; time < MONDAY + days * 86_400_000; time += Q) {
    const replaced = override(time);
    if (replaced === null) continue;
    rows.push(replaced ?? row('A', time, usual(time)));
  }
  return rows;
}

function run(rows: readonly TrafficRecord[], options = {}) {
  const checker = createHealthChecker(SCHEMA, options);
  for (const r of rows) checker.check(r);
  return checker.view();
}

const checks = (view: ReturnType<typeof run>): HealthCheck[] => view.flags.map((f) => f.check);
const at = (day: number, hour: number, minute = 0): number => MONDAY + day * 86_400_000 + (hour * 60 + minute) * MIN;

describe('health checker on hand-built streams', () => {
  it('a clean week raises no flag, infers the 15-min cadence and full coverage, and counts every row', () => {
    const rows = stream(7);
    const view = run(rows);
    expect(view.flags).toEqual([]);
    expect(view.counts.rowsGiven).toBe(7 * 96);
    expect(view.counts.rowsChecked).toBe(7 * 96);
    const [a] = view.locations;
    expect(a).toMatchObject({ location: 'A', status: 'ok', cadenceMs: Q, rows: 7 * 96, coverage: 1 });
    expect(view.columns).toMatchObject({ total: 'Total', parts: ['Cars', 'Trucks'] });
  });

  it('a gap of 3 h is one flag with its start, end and 12 missing intervals; the day shows 84 of 96 rows', () => {
    const view = run(stream(3, (t) => (t >= at(1, 10) && t < at(1, 13) ? null : undefined)));
    expect(checks(view)).toEqual(['gap']);
    expect(view.flags[0]).toMatchObject({ start: at(1, 10), end: at(1, 12, 45), intervals: 12 });
    const day = view.locations[0]?.days.find((d) => d.day === '2026-10-06');
    expect(day).toMatchObject({ received: 84, expected: 96, insufficient: false });
  });

  it('a gap of 2 intervals lowers coverage but raises no flag', () => {
    const view = run(stream(2, (t) => (t === at(1, 10) || t === at(1, 10, 15) ? null : undefined)));
    expect(view.flags).toEqual([]);
    expect(view.locations[0]?.coverage).toBeCloseTo(190 / 192);
  });

  it('a day with less than 60 % of its rows makes the location bad', () => {
    // Day 2 from 00:00 to 12:00 missing: 48 of 96 would be 50 %; the last rows are at 23:45.
    const view = run(stream(3, (t) => (t >= at(2, 0) && t < at(2, 12) ? null : undefined)));
    expect(view.locations[0]?.status).toBe('bad');
    expect(view.locations[0]?.reason).toMatch(/Insufficient data on 2026-10-07: 50 %/);
  });

  it('a location that stops reporting while others go on is bad from its first missing interval', () => {
    const rows: TrafficRecord[] = [];
    for (let t = MONDAY; t < at(2, 0); t += Q) {
      rows.push(row('B', t, usual(t)));
      if (t < at(1, 6)) rows.push(row('A', t, usual(t)));
    }
    const a = run(rows).locations.find((l) => l.location === 'A');
    expect(a).toMatchObject({ status: 'bad', since: at(1, 6) });
  });

  it('the same non-zero value for 2 h (8 intervals of 15 min) is stuck; 7 repeats are not', () => {
    const stuck = run(stream(3, (t) => (t >= at(2, 9) && t < at(2, 11) ? row('A', t, 77) : undefined)));
    expect(checks(stuck)).toEqual(['stuck']);
    expect(stuck.flags[0]).toMatchObject({ start: at(2, 9), end: at(2, 10, 45), intervals: 8 });
    expect(stuck.locations[0]?.status).toBe('suspect');
    const shorter = run(stream(3, (t) => (t >= at(2, 9) && t < at(2, 10, 45) ? row('A', t, 77) : undefined)));
    expect(shorter.flags).toEqual([]);
  });

  it('a quiet count repeating by chance is not stuck until the run is too long for chance: 4 cars for 2 h is a night, for 3 h a fault', () => {
    // Poisson at 4 repeats with odds near 0.2: ten equal counts in a row happen by chance one time in a million.
    expect(chanceRunLength(4)).toBe(10);
    expect(chanceRunLength(77)).toBeLessThanOrEqual(8);
    expect(chanceRunLength(12.5)).toBe(0);
    const night = run(stream(3, (t) => (t >= at(2, 2) && t < at(2, 4) ? row('A', t, 4) : undefined)));
    expect(checks(night)).toEqual([]);
    const fault = run(stream(3, (t) => (t >= at(2, 2) && t < at(2, 5) ? row('A', t, 4) : undefined)));
    expect(checks(fault)).toEqual(['stuck']);
  });

  it('a stuck run still going on at the latest row makes the location bad since its start', () => {
    const view = run(stream(3, (t) => (t >= at(2, 20) ? row('A', t, 5) : undefined)));
    expect(view.flags[0]?.check).toBe('stuck');
    expect(view.flags[0]?.ongoing).toBe(true);
    expect(view.locations[0]).toMatchObject({ status: 'bad', since: at(2, 20) });
  });

  it('the stuck duration is in time: 2 h of 5-min data needs 24 repeats', () => {
    const rows: TrafficRecord[] = [];
    for (let t = MONDAY; t < at(2, 0); t += 5 * MIN) rows.push(row('A', t, t >= at(1, 9) && t < at(1, 10, 55) ? 50 : usual(t) + (t / MIN) % 3));
    expect(run(rows).flags).toEqual([]); // 23 repeats
  });

  it('zeros at night where the location usually counts ~2 are not flagged', () => {
    const view = run(stream(7, (t) => (t >= at(5, 0) && t < at(5, 5) ? row('A', t, 0) : undefined)));
    expect(view.flags).toEqual([]);
  });

  it('zeros at 08:00 on a weekday where it usually counts ~100 are flagged after 2 h', () => {
    // Day 7 is the next Monday: a weekday with a week of history at that hour.
    const view = run(stream(8, (t) => (t >= at(7, 7) && t < at(7, 10) ? row('A', t, 0) : undefined)));
    expect(checks(view)).toEqual(['zeros']);
    expect(view.flags[0]).toMatchObject({ start: at(7, 7), end: at(7, 9, 45), intervals: 12 });
    expect(view.flags[0]?.evidence).toMatch(/Total was 0 for 3 h/);
  });

  it('a negative count is flagged, and a count far above the location history is a spike', () => {
    const view = run(stream(4, (t) => (t === at(3, 9) ? row('A', t, -3, -3, 0) : t === at(3, 12) ? row('A', t, 2000) : undefined)));
    expect(checks(view)).toEqual(['negative', 'spike']);
    expect(view.flags[0]?.evidence).toMatch(/Cars is -3, Total is -3/);
  });

  it('a busy day at twice the usual peak is not a spike; no spike is judged before a day of history', () => {
    expect(run(stream(4, (t) => (t >= at(3, 8) && t < at(3, 10) ? row('A', t, 210 + (t / Q) % 7) : undefined))).flags).toEqual([]);
    expect(run(stream(2, (t) => (t === at(0, 12) ? row('A', t, 5000) : undefined))).flags).toEqual([]);
  });

  it('above capacity is flagged only when a capacity is set', () => {
    const rows = stream(1, (t) => (t === at(0, 9) ? row('A', t, 150) : undefined));
    expect(run(rows).flags).toEqual([]);
    // 440 vehicles per hour = 110 per 15 min: above the usual 100–104, below the 150.
    expect(checks(run(rows, { capacityPerHour: 440 }))).toEqual(['aboveCapacity']);
  });

  it('a Total equal to its parts is not flagged; one off by 5 is, with both numbers in the evidence', () => {
    const view = run(stream(2, (t) => (t === at(1, 9) ? row('A', t, 105, 80, 20) : undefined)));
    expect(checks(view)).toEqual(['totalMismatch']);
    expect(view.flags[0]?.evidence).toMatch(/Total is 105 but Cars \+ Trucks = 100/);
  });

  it('zero flow with occupancy, and speed without flow, are flagged by header names', () => {
    const schema: HealthSchema = {
      columns: [
        { name: 'station_id', role: 'location' },
        { name: 'timestamp', role: 'timestamp' },
        { name: 'Volume', role: 'measure' },
        { name: 'Occ %', role: 'measure' },
        { name: 'Avg Speed (mph)', role: 'measure' },
      ],
      location: 'station_id',
      measure: null,
    };
    const checker = createHealthChecker(schema);
    const volumes = [12, 0, 0, 9];
    const occupancy = [4, 0, 3, 2];
    const speed = [55, 0, 0, 61];
    volumes.forEach((v, i) => checker.check({ line: i + 2, values: ['S1', '', v, occupancy[i]!, speed[i]!], time: MONDAY + i * 5 * MIN }));
    checker.check({ line: 6, values: ['S1', '', 0, 0, 48], time: MONDAY + 4 * 5 * MIN });
    const view = checker.view();
    expect(view.columns).toMatchObject({ flow: 'Volume', occupancy: 'Occ %', speed: 'Avg Speed (mph)' });
    expect(view.flags.map((f) => [f.check, f.line])).toEqual([
      ['occupancyWithoutFlow', 4],
      ['speedWithoutFlow', 6],
    ]);
  });

  it('duplicated and out-of-order timestamps are flagged per location, and do not count as received', () => {
    const rows = stream(1);
    const dup = row('A', at(0, 10), 50);
    const late = row('A', at(0, 9), 50);
    rows.splice(41, 0, dup); // right after the 10:00 row
    rows.splice(44, 0, late); // after 10:30
    rows.push(row('B', at(0, 9), 50)); // another location's own first row is fine
    const view = run(rows);
    expect(checks(view)).toEqual(['duplicateTime', 'outOfOrder']);
    expect(view.counts).toMatchObject({ rowsGiven: 99, rowsChecked: 99, duplicateTimes: 1, outOfOrder: 1 });
    expect(view.locations[0]?.days[0]).toMatchObject({ received: 96, expected: 96 });
  });

  it('a row per direction at every interval is no duplicate; a third row at one interval is, said as such', () => {
    const rows = stream(1).flatMap((record) => [record, { ...record, line: record.line + 1000 }]);
    rows.splice(81, 0, { ...(rows[80] as TrafficRecord), line: 5000 });
    const view = run(rows);
    expect(checks(view)).toEqual(['duplicateTime']);
    expect(view.counts.duplicateTimes).toBe(1);
    expect(view.flags[0]?.evidence).toMatch(/^Row 3 for .*; this location has 2 rows per interval \(one per direction or lane\)$/);
  });

  it('lists locations in natural order: sensor 2 before sensor 10', () => {
    const view = run(['10', '2', '1', 'B', 'a'].map((site) => row(site, at(0, 8), 50)));
    expect(view.locations.map((location) => location.location)).toEqual(['1', '2', '10', 'a', 'B']);
  });

  it('the flag list is capped; dropped flags are counted and still reach the location status', () => {
    const view = run(stream(2, (t) => (t >= at(1, 0) && (t / Q) % 2 === 0 ? row('A', t, -1, -1, 0) : undefined)), { maxFlags: 5 });
    expect(view.counts.flagsRaised).toBe(48);
    expect(view.flags).toHaveLength(5);
    expect(view.counts.flagsDropped).toBe(43);
    expect(view.locations[0]?.flagCounts.negative).toBe(48);
  });

  it('consecutive offending rows make one growing flag', () => {
    const view = run(stream(2, (t) => (t >= at(1, 9) && t < at(1, 10) ? row('A', t, -2, -2, 0) : undefined)));
    expect(view.flags).toHaveLength(1);
    expect(view.flags[0]).toMatchObject({ check: 'negative', intervals: 4, start: at(1, 9), end: at(1, 9, 45) });
  });

  it('writes flags as CSV with a header, quoting evidence only where it holds a comma', () => {
    const view = run(stream(3, (t) => (t >= at(1, 10) && t < at(1, 13) ? null : undefined)));
    const csv = flagsToCsv(view.flags);
    expect(csv.split('\n')[0]).toBe('id,location,group,check,start,end,intervals,line,ongoing,evidence');
    expect(csv.split('\n')[1]).toBe(
      '1,A,missing,Missing intervals,2026-10-06 10:00,2026-10-06 12:45,12,,no,No rows for 3 h: 12 intervals of 15 min missing from 2026-10-06 10:00 to 2026-10-06 12:45',
    );
    const negative = run(stream(2, (t) => (t === at(1, 9) ? row('A', t, -1, -1, 0) : undefined))).flags;
    expect(flagsToCsv(negative).split('\n')[1]).toMatch(/,"Cars is -1, Total is -1: counts, occupancy and speed cannot be negative"$/);
  });
});
