/**
 * Event-level scoring of alarms against known incidents (the generator's incidents.json), for the
 * bench and the sample-city test. The rules, chosen so that a number means one thing:
 * - true positive: an alarm at an incident's junction overlapping the incident [start, end);
 * - neither true nor false: an alarm at a neighbour of an incident junction overlapping the incident
 *   stretched by `neighbourSlackMs` (neighbours fill up a slot or two late and ease off after). The
 *   traffic there really is unusual, so calling it false would punish a correct reading of the data;
 *   calling it a detection would let an alarm in the wrong place find the incident. Likewise an
 *   alarm at the junction of an incident left out of scoring (see `scorable`);
 * - false positive: every other alarm;
 * - recall: scorable incidents with at least one true-positive alarm; the delay is, per detected
 *   incident, the earliest such alarm's raisedAt (the row that completed its run) minus the
 *   incident's start, in data minutes.
 */
import type { Alarm } from '../../../shared/alarms/alarmContract';

export interface KnownIncident {
  junction: string;
  start: number;
  /** Exclusive. */
  end: number;
  neighbours: readonly string[];
}

export interface AlarmScore {
  alarms: number;
  truePositives: number;
  falsePositives: number;
  neutral: number;
  incidents: number;
  /** Incidents scored (the others came before the detector could judge their junction). */
  scorable: number;
  detected: number;
  /** Per detected incident, minutes from its start to the first alarm raised on it. */
  delaysMinutes: number[];
}

export const DEFAULT_NEIGHBOUR_SLACK_MS = 60 * 60_000;

/** "2026-10-03T12:45" (times local to the data, i.e. UTC wall clock) -> epoch ms. */
export function incidentTime(text: string): number {
  const time = Date.parse(`${text}:00Z`);
  if (Number.isNaN(time)) throw new Error(`Not an incident time: ${text}`);
  return time;
}

const overlaps = (alarm: Alarm, from: number, to: number): boolean => alarm.start < to && (alarm.end ?? Number.POSITIVE_INFINITY) > from;

export function scoreAlarms(alarms: readonly Alarm[], incidents: readonly KnownIncident[], scorable: (incident: KnownIncident) => boolean, neighbourSlackMs = DEFAULT_NEIGHBOUR_SLACK_MS): AlarmScore {
  const score: AlarmScore = { alarms: alarms.length, truePositives: 0, falsePositives: 0, neutral: 0, incidents: incidents.length, scorable: 0, detected: 0, delaysMinutes: [] };
  const counted = incidents.map(scorable);
  for (const alarm of alarms) {
    const atJunction = incidents.findIndex((incident) => incident.junction === alarm.location && overlaps(alarm, incident.start, incident.end));
    if (atJunction >= 0) {
      if (counted[atJunction]) score.truePositives++;
      else score.neutral++;
      continue;
    }
    const nearby = incidents.some((incident) => incident.neighbours.includes(alarm.location) && overlaps(alarm, incident.start, incident.end + neighbourSlackMs));
    if (nearby) score.neutral++;
    else score.falsePositives++;
  }
  incidents.forEach((incident, i) => {
    if (!counted[i]) return;
    score.scorable++;
    const hits = alarms.filter((alarm) => alarm.location === incident.junction && overlaps(alarm, incident.start, incident.end));
    if (hits.length === 0) return;
    score.detected++;
    score.delaysMinutes.push(Math.min(...hits.map((alarm) => alarm.raisedAt - incident.start)) / 60_000);
  });
  return score;
}

/** Sums scores of several files. */
export function poolScores(scores: readonly AlarmScore[]): AlarmScore {
  const pooled: AlarmScore = { alarms: 0, truePositives: 0, falsePositives: 0, neutral: 0, incidents: 0, scorable: 0, detected: 0, delaysMinutes: [] };
  for (const s of scores) {
    pooled.alarms += s.alarms;
    pooled.truePositives += s.truePositives;
    pooled.falsePositives += s.falsePositives;
    pooled.neutral += s.neutral;
    pooled.incidents += s.incidents;
    pooled.scorable += s.scorable;
    pooled.detected += s.detected;
    pooled.delaysMinutes.push(...s.delaysMinutes);
  }
  return pooled;
}

/** TP / (TP + FP); NaN without any scored alarm. */
export function precisionOf(score: AlarmScore): number {
  return score.truePositives / (score.truePositives + score.falsePositives);
}

export function recallOf(score: AlarmScore): number {
  return score.detected / score.scorable;
}

/** Median of the delays (mean of the middle two for an even count); NaN without any. */
export function medianDelayOf(score: AlarmScore): number {
  const sorted = [...score.delaysMinutes].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
