import { describe, expect, it } from 'vitest';
import type { Alarm } from '../../../shared/alarms/alarmContract';
import { incidentTime, medianDelayOf, precisionOf, recallOf, scoreAlarms, type KnownIncident } from './alarmScoring';

const MIN = 60_000;
const T0 = incidentTime('2026-10-09T15:45');

function alarm(location: string, startMin: number, endMin: number | null, raisedMin = startMin + 30): Alarm {
  return {
    id: 0,
    location,
    measure: 'Total',
    direction: 'above',
    start: T0 + startMin * MIN,
    raisedAt: T0 + raisedMin * MIN,
    end: endMin === null ? null : T0 + endMin * MIN,
    peakScore: 5,
    intervals: 3,
    relativeChange: 1,
    confidence: 'medium',
    confirmedBy: [],
    evidence: '',
  };
}

describe('event-level alarm scoring', () => {
  const incidents: KnownIncident[] = [
    { junction: 'J03', start: T0, end: T0 + 75 * MIN, neighbours: ['J05', 'J07'] },
    { junction: 'J01', start: T0 + 3000 * MIN, end: T0 + 3060 * MIN, neighbours: ['J04'] },
    { junction: 'J09', start: T0 + 6000 * MIN, end: T0 + 6060 * MIN, neighbours: [] },
  ];

  it('true at the junction, neither at a neighbour (up to an hour after), false elsewhere; excluded incidents are neither', () => {
    const alarms = [
      alarm('J03', 0, 90), // hit, delay 30
      alarm('J03', 60, 120, 75), // a second hit on the same incident: a true positive, not a second detection
      alarm('J05', 70, 150), // neighbour during the incident
      alarm('J07', 130, 150), // neighbour, 55 minutes after the end
      alarm('J07', 140, 160), // neighbour, 65 minutes after: false
      alarm('J02', 0, 90), // elsewhere: false
      alarm('J01', 2990, null, 3020), // hit on the second, still active; delay 20
      alarm('J09', 6000, 6030), // at an excluded incident: neither
    ];
    const score = scoreAlarms(alarms, incidents, (incident) => incident.junction !== 'J09');
    expect(score).toMatchObject({ alarms: 8, truePositives: 3, falsePositives: 2, neutral: 3, incidents: 3, scorable: 2, detected: 2 });
    expect(score.delaysMinutes).toEqual([30, 20]);
    expect(precisionOf(score)).toBeCloseTo(3 / 5, 12);
    expect(recallOf(score)).toBe(1);
    expect(medianDelayOf(score)).toBe(25);
  });

  it('an alarm that ends as the incident starts does not overlap it', () => {
    const score = scoreAlarms([alarm('J03', -60, 0)], incidents, () => true);
    expect(score).toMatchObject({ truePositives: 0, falsePositives: 1, detected: 0 });
    expect(medianDelayOf(score)).toBeNaN();
  });
});
