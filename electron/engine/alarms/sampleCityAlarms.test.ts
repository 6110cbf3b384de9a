import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Alarm } from '../../../shared/alarms/alarmContract';
import { profileColumns } from '../profiles/measureReading';
import { SAMPLE_COLUMNS, sampleRecords } from '../testing/sampleCity';
import { AlarmDetector } from './alarmDetector';
import { NaiveAlarmRule } from './naiveAlarmRule';

/** The generator's own record of what it did (an independent source): times are UTC wall clock. */
interface IncidentEntry {
  junction: string;
  start: string;
  end: string;
  neighbours: string[];
}
const SAMPLE_DIR = join(__dirname, '../../../sample-data');
const incidents = (JSON.parse(readFileSync(join(SAMPLE_DIR, 'incidents.json'), 'utf8')) as IncidentEntry[]).map((incident) => ({
  ...incident,
  from: Date.parse(`${incident.start}Z`),
  to: Date.parse(`${incident.end}Z`),
}));
const network = JSON.parse(readFileSync(join(SAMPLE_DIR, 'junction-network.json'), 'utf8')) as { links: { from: string; to: string }[] };
const MIN = 60_000;
const columns = profileColumns(SAMPLE_COLUMNS, 'Total');

function runDetector(withNetwork: boolean): { alarms: Alarm[]; reliableAtStart: boolean[] } {
  const detector = new AlarmDetector({ columns, binMinutes: 15, network: withNetwork ? network : null });
  const reliableAtStart = incidents.map(() => false);
  for (const record of sampleRecords()) {
    const deviation = detector.add(record);
    incidents.forEach((incident, i) => {
      if (record.time === incident.from && record.values[9] === incident.junction) reliableAtStart[i] = deviation?.reliable ?? false;
    });
  }
  const view = detector.view();
  return { alarms: [...view.closed, ...view.active], reliableAtStart };
}

const overlaps = (alarm: Alarm, from: number, to: number): boolean => alarm.start < to && (alarm.end ?? Infinity) > from;

describe('alarms on the sample city', () => {
  const { alarms, reliableAtStart } = runDetector(true);

  it('the first two incidents come before the typical day has 7 days of their kind; the last two can be judged', () => {
    // 1 October 2026 is a Thursday: by 3 October there was no Saturday, by 9 October 6 weekdays.
    expect(incidents.map((incident) => incident.start)).toEqual(['2026-10-03T12:45', '2026-10-09T15:45', '2026-10-16T07:30', '2026-10-26T09:15']);
    expect(reliableAtStart).toEqual([false, false, true, true]);
  });

  it('every incident after the warm-up is alarmed at its junction, upwards, within 45 minutes of its start, confirmed by neighbours', () => {
    for (const incident of incidents.slice(2)) {
      const hits = alarms.filter((alarm) => alarm.location === incident.junction && overlaps(alarm, incident.from, incident.to));
      expect(hits, incident.junction).toHaveLength(1);
      const [alarm] = hits as [Alarm];
      // This generator multiplies traffic at the jammed junction by 1.8–2.5 (incidentEffects.ts).
      expect(alarm.direction).toBe('above');
      expect(alarm.start).toBe(incident.from);
      // Four intervals make an alarm: the fourth reading comes 45 minutes after the first.
      expect(alarm.raisedAt).toBe(incident.from + 45 * MIN);
      expect(alarm.confidence).toBe('high');
      expect(alarm.confirmedBy.every((peer) => incident.neighbours.includes(peer))).toBe(true);
      expect(alarm.end).not.toBeNull();
      expect(alarm.end!).toBeGreaterThanOrEqual(incident.to);
    }
  });

  it('every other alarm is at a neighbour of an incident while it lasts (no false alarm in 28 days × 10 junctions)', () => {
    const elsewhere = alarms.filter((alarm) => !incidents.some((incident) => alarm.location === incident.junction && overlaps(alarm, incident.from, incident.to)));
    for (const alarm of elsewhere) {
      expect(incidents.some((incident) => incident.neighbours.includes(alarm.location) && overlaps(alarm, incident.from, incident.to + 60 * MIN))).toBe(true);
    }
    expect(elsewhere.length).toBeLessThanOrEqual(6);
  });

  it('without the network, correlated locations stand in as peers and the same incidents are found', () => {
    const found = runDetector(false).alarms;
    for (const incident of incidents.slice(2)) {
      expect(found.some((alarm) => alarm.location === incident.junction && overlaps(alarm, incident.from, incident.to))).toBe(true);
    }
  });

  it('the naive rule finds them too, among hundreds of false alarms at every rush hour and night', () => {
    const naive = new NaiveAlarmRule(columns);
    for (const record of sampleRecords()) naive.add(record);
    expect(naive.view().closed.length).toBeGreaterThan(100);
  });
});
