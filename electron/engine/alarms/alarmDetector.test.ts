import { describe, expect, it } from 'vitest';
import type { TrafficRecord } from '../../../shared/records';
import { AlarmDetector } from './alarmDetector';
import { DepartureRun, type Judgement } from './departureRun';
import { NaiveAlarmRule } from './naiveAlarmRule';

const DAY = 86_400_000;
const MIN = 60_000;
const columns = { measureIndex: 1, measureName: 'Flow', locationIndexes: [0] };
// 2026-10-05 is a Monday: days 0–4 of each week below are weekdays.
const MONDAY = Date.UTC(2026, 9, 5);
/** Weekdays of history before the day under test. */
const HISTORY = 8;

/** Weekday number `n` (0 = the first Monday), skipping weekends, at hh:mm. */
function weekdayTime(n: number, minuteOfDay: number): number {
  return MONDAY + (Math.floor(n / 5) * 7 + (n % 5)) * DAY + minuteOfDay * MIN;
}

/**
 * A day's flow at a 15-minute slot: busy by day, near zero at night, with a wobble of ±2 from day
 * to day so the band has a width. The day under test (HISTORY) reads exactly the middle, so every
 * reading the test does not change sits inside the band and clearing times are exact.
 */
function typical(slot: number, day: number): number {
  const hour = slot / 4;
  const base = hour >= 6 && hour < 20 ? 100 : 4;
  return day === HISTORY ? base : base + ((day * 7 + slot * 3) % 5) - 2;
}

/** Rows for places A, B, C, D over `days` weekdays, 15-minute slots; `tweak` may change a reading. */
function stream(days: number, tweak: (place: string, day: number, slot: number, value: number) => number = (_p, _d, _s, v) => v): TrafficRecord[] {
  const records: TrafficRecord[] = [];
  for (let day = 0; day < days; day++) {
    for (let slot = 0; slot < 96; slot++) {
      for (const place of ['A', 'B', 'C', 'D']) {
        records.push({ line: records.length + 2, values: [place, tweak(place, day, slot, typical(slot, day))], time: weekdayTime(day, slot * 15) });
      }
    }
  }
  return records;
}

const network = { links: [{ from: 'A', to: 'B' }, { from: 'A', to: 'C' }] };
const settings = { threshold: 4, raiseAfter: 3, clearAfter: 2, minSamples: 5, minRelativeChange: 0.3 };
const NOON = 48;

function run(records: readonly TrafficRecord[], withNetwork = true): AlarmDetector {
  const detector = new AlarmDetector({ columns, binMinutes: 15, settings, network: withNetwork ? network : null });
  for (const record of records) detector.add(record);
  return detector;
}

const dipAtA = (from: number, length: number, factor = 0.4) => (place: string, day: number, slot: number, value: number): number =>
  place === 'A' && day === HISTORY && slot >= from && slot < from + length ? value * factor : value;

describe('alarm detector on hand-built streams', () => {
  it('a dip for K intervals raises an alarm, with start, raise time, end and evidence', () => {
    const view = run(stream(HISTORY + 1, dipAtA(NOON, 3))).view();
    expect(view.active).toEqual([]);
    expect(view.closed).toHaveLength(1);
    const alarm = view.closed[0]!;
    expect(alarm).toMatchObject({ location: 'A', direction: 'below', intervals: 3, confidence: 'medium', confirmedBy: [] });
    expect(alarm.start).toBe(weekdayTime(HISTORY, NOON * 15));
    expect(alarm.raisedAt).toBe(weekdayTime(HISTORY, (NOON + 2) * 15));
    // Cleared by the first of two intervals back within the band.
    expect(alarm.end).toBe(weekdayTime(HISTORY, (NOON + 3) * 15));
    expect(alarm.relativeChange).toBeCloseTo(-0.6, 1);
    expect(alarm.evidence).toMatch(/^Flow 6\d % below typical for 3 intervals \(peak \d+\.\d robust SD\)$/);
  });

  it('K − 1 intervals do not', () => {
    const view = run(stream(HISTORY + 1, dipAtA(NOON, 2))).view();
    expect(view.active).toEqual([]);
    expect(view.closed).toEqual([]);
  });

  it('stays active while departing and clears after M intervals back', () => {
    const detector = new AlarmDetector({ columns, binMinutes: 15, settings, network });
    const records = stream(HISTORY + 1, dipAtA(NOON, 6));
    const clearsAt = weekdayTime(HISTORY, (NOON + 7) * 15);
    for (const record of records) {
      if ((record.time as number) > clearsAt) break;
      detector.add(record);
      if (record.time === weekdayTime(HISTORY, (NOON + 6) * 15) && record.values[0] === 'A') {
        // One interval back: not cleared yet.
        expect(detector.view().active).toHaveLength(1);
      }
    }
    const view = detector.view();
    expect(view.active).toEqual([]);
    expect(view.closed[0]).toMatchObject({ intervals: 6, end: weekdayTime(HISTORY, (NOON + 6) * 15) });
  });

  it('a neighbour departing in the same window raises the confidence; a location not on the network does not', () => {
    const both = (place: string, day: number, slot: number, value: number): number => {
      if (day !== HISTORY) return value;
      if (place === 'A' && slot >= NOON && slot < NOON + 4) return value * 2;
      // B (a neighbour) rises a slot later; D (not a neighbour) rises too.
      if ((place === 'B' || place === 'D') && slot >= NOON + 1 && slot < NOON + 3) return value * 1.5;
      return value;
    };
    const [alarm] = run(stream(HISTORY + 1, both)).view().closed;
    expect(alarm).toMatchObject({ location: 'A', direction: 'above', confidence: 'high', confirmedBy: ['B'] });
    expect(alarm!.evidence).toMatch(/; neighbours B also above$/);
  });

  it('a neighbour going the other way confirms too (traffic diverted), unless peers must move the same way', () => {
    const diverted = (place: string, day: number, slot: number, value: number): number => {
      if (day !== HISTORY || slot < NOON || slot >= NOON + 4) return value;
      return place === 'A' ? value * 0.3 : place === 'C' ? value * 1.6 : value;
    };
    expect(run(stream(HISTORY + 1, diverted)).view().closed[0]).toMatchObject({ location: 'A', direction: 'below', confidence: 'high', confirmedBy: ['C'] });
    const strict = new AlarmDetector({ columns, binMinutes: 15, settings: { ...settings, peerDirection: 'same' }, network });
    for (const record of stream(HISTORY + 1, diverted)) strict.add(record);
    expect(strict.view().closed.find((alarm) => alarm.location === 'A')).toMatchObject({ confidence: 'medium' });
  });

  it('night-time low readings do not alarm: the typical day expects them (the naive rule alarms every night)', () => {
    const detector = run(stream(HISTORY + 1));
    expect(detector.view().closed).toEqual([]);
    expect(detector.view().active).toEqual([]);
    const naive = new NaiveAlarmRule(columns, { belowFraction: 0.2 });
    for (const record of stream(HISTORY + 1)) naive.add(record);
    const nightly = naive.view().closed.filter((alarm) => alarm.location === 'A' && alarm.direction === 'below');
    expect(nightly).toHaveLength(HISTORY);
  });

  it('nor does an empty night slot: zero against a typical four is within the night-time noise', () => {
    const quietNight = (place: string, day: number, slot: number, value: number): number => (place === 'A' && day === HISTORY && slot < 16 ? 0 : value);
    const detector = new AlarmDetector({ columns, binMinutes: 15, settings, network });
    const scores: number[] = [];
    for (const record of stream(HISTORY + 1, quietNight)) {
      const deviation = detector.add(record);
      if (record.values[0] === 'A' && (record.time as number) >= weekdayTime(HISTORY, 0) && (record.time as number) < weekdayTime(HISTORY, 4 * 60)) scores.push(deviation!.score);
    }
    // Below the band, but the band at night is wide for its level: about 3 robust units, under the threshold.
    expect(Math.min(...scores)).toBeLessThan(-2);
    expect(Math.min(...scores)).toBeGreaterThan(-settings.threshold);
    expect(detector.view().closed).toEqual([]);
    // The same relative dip by day does alarm.
    expect(run(stream(HISTORY + 1, dipAtA(NOON, 16, 0))).view().closed).toHaveLength(1);
  });

  it('no alarms before the typical day has minSamples days of history for that kind of day', () => {
    // The dip on the 4th weekday: only 3 earlier weekdays.
    const early = (place: string, day: number, slot: number, value: number): number => (place === 'A' && day === 3 && slot >= NOON && slot < NOON + 8 ? value * 0.2 : value);
    const detector = new AlarmDetector({ columns, binMinutes: 15, settings, network });
    const records = stream(4, early);
    for (const record of records) detector.add(record);
    expect(detector.view().closed).toEqual([]);
    expect(detector.add({ line: 0, values: ['A', 100], time: weekdayTime(3, 23 * 60 + 59) })?.reliable).toBe(false);
  });

  it('a missing row breaks a run that has not raised yet', () => {
    const gap = (place: string, day: number, slot: number, value: number): number => dipAtA(NOON, 4)(place, day, slot, value);
    const records = stream(HISTORY + 1, gap).filter((record) => !(record.values[0] === 'A' && record.time === weekdayTime(HISTORY, (NOON + 2) * 15)));
    expect(run(records).view().closed).toEqual([]);
  });

  it('the closed list is capped, oldest dropped first', () => {
    const many = (place: string, day: number, slot: number, value: number): number =>
      place === 'A' && day === HISTORY && slot >= 36 && slot < 76 && slot % 8 < 3 ? value * 0.2 : value;
    const detector = new AlarmDetector({ columns, binMinutes: 15, settings: { ...settings, closedCap: 2 }, network });
    for (const record of stream(HISTORY + 1, many)) detector.add(record);
    const view = detector.view();
    expect(view.closed.map((alarm) => alarm.id)).toEqual([3, 4]);
    expect(view.closedDropped).toBe(3);
  });
});

describe('moderate departures that add up (accumulation)', () => {
  // A few vehicles over a noon of 100: 2.5–4 robust units out, under the threshold of 4 every
  // interval but sustained (no relative change asked for, as it is small). Over those slots A's
  // history varies by day alone, so every slot has the same band and the bump the same score.
  const BUMP = 2.4;
  const moderate = (from: number, length: number) => (place: string, day: number, slot: number, value: number): number => {
    if (place !== 'A' || slot < from || slot >= from + length) return value;
    return day === HISTORY ? 100 + BUMP : 100 + (day % 5) - 2;
  };
  const quiet = { ...settings, minRelativeChange: 0 };

  function detector(accumulation: { lean: number; level: number } | null): AlarmDetector {
    const d = new AlarmDetector({ columns, binMinutes: 15, settings: quiet, network, accumulation });
    for (const record of stream(HISTORY + 1, moderate(NOON, 6))) d.add(record);
    return d;
  }

  it('the bump is moderate: 2.5–4 robust units each interval', () => {
    const d = new AlarmDetector({ columns, binMinutes: 15, settings: quiet, network });
    const scores: number[] = [];
    for (const record of stream(HISTORY + 1, moderate(NOON, 6))) {
      const deviation = d.add(record);
      if (record.values[0] === 'A' && record.time! >= weekdayTime(HISTORY, NOON * 15) && record.time! < weekdayTime(HISTORY, (NOON + 6) * 15)) scores.push(deviation?.score ?? 0);
    }
    expect(scores).toHaveLength(6);
    for (const score of scores) {
      expect(score).toBeGreaterThan(2.5);
      expect(score).toBeLessThan(settings.threshold);
    }
  });

  it('without it, a long run of moderate departures raises nothing', () => {
    expect(detector(null).view().closed).toEqual([]);
  });

  it('with it, the run raises, from its first interval, within the six', () => {
    const [alarm] = detector({ lean: 2.5, level: 2 }).view().closed;
    expect(alarm?.location).toBe('A');
    expect(alarm?.start).toBe(weekdayTime(HISTORY, NOON * 15));
    expect(alarm?.raisedAt).toBeGreaterThanOrEqual(weekdayTime(HISTORY, (NOON + 2) * 15));
    expect(alarm?.raisedAt).toBeLessThanOrEqual(weekdayTime(HISTORY, (NOON + 5) * 15));
    // A level six intervals' excess (each under 1.5) cannot reach raises nothing.
    expect(detector({ lean: 2.5, level: 9 }).view().closed).toEqual([]);
  });
});

describe('departure run with accumulation', () => {
  const judged = (time: number, score: number, strong = false): Judgement => ({ time, departing: 'above', strong, backWithin: false, score, value: 10, typical: 5 });

  it('raises when Σ(|score| − lean) reaches level after raiseAfter intervals; a reading under lean starts over', () => {
    const run = new DepartureRun(3, 2, { lean: 3, level: 2 });
    // 3.5, 3.5: excess 1 after two intervals (fewer than raiseAfter); 3.4: 1.4; 3.6: 2.0 raises.
    expect(run.observe(judged(1, 3.5), false)).toBeNull();
    expect(run.observe(judged(2, 3.5), false)).toBeNull();
    expect(run.observe(judged(3, 3.4), false)).toBeNull();
    const event = run.observe(judged(4, 3.6), false);
    expect(event?.kind).toBe('raised');
    expect(event?.run.start).toBe(1);
    const other = new DepartureRun(3, 2, { lean: 3, level: 2 });
    for (const [t, score] of [[1, 3.9], [2, 3.9], [3, 0]] as const) other.observe({ ...judged(t, score), departing: score >= 3 ? 'above' : null }, false);
    // The sum started over at t = 3: two more moderate readings are not enough.
    expect(other.observe(judged(4, 3.9), false)).toBeNull();
    expect(other.observe(judged(5, 3.9), false)).toBeNull();
  });

  it('strong readings raise after raiseAfter in a row, as without accumulation', () => {
    const run = new DepartureRun(3, 2, { lean: 3, level: 100 });
    expect(run.observe(judged(1, 3.1), false)).toBeNull();
    expect(run.observe(judged(2, 5, true), false)).toBeNull();
    expect(run.observe(judged(3, 5, true), false)).toBeNull();
    expect(run.observe(judged(4, 5, true), false)?.kind).toBe('raised');
  });
});
