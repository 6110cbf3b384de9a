/**
 * A departure run as the alarm the page lists: the same fields and the same evidence wording for the
 * detector and for the naive rule it is scored against, so the two differ only in how they judge.
 */
import type { Alarm, AlarmDirection } from '../../../shared/alarms/alarmContract';
import { alarmEvidence, type EvidenceFacts } from './alarmEvidence';
import type { OpenRun } from './departureRun';

export interface RunContext {
  id: number;
  location: string;
  measure: string;
  end: number | null;
  /** Signed peak in robust units; null for a rule that has none (the naive rule). */
  peakScore: number | null;
  peerKind: EvidenceFacts['peerKind'];
  /** Peers that departed too, sorted by name; none raises the confidence above medium. */
  peers: readonly { location: string; direction: AlarmDirection }[];
}

export function runToAlarm(run: OpenRun, context: RunContext): Alarm {
  const relativeChange = run.typicalSum > 0 ? run.valueSum / run.typicalSum - 1 : 0;
  const { id, location, measure, end, peakScore, peerKind, peers } = context;
  return {
    id,
    location,
    measure,
    direction: run.direction,
    start: run.start,
    raisedAt: run.raisedAt as number,
    end,
    peakScore: run.peakScore,
    intervals: run.intervals,
    relativeChange,
    confidence: peers.length > 0 ? 'high' : 'medium',
    confirmedBy: peers.map((peer) => peer.location),
    evidence: alarmEvidence({ measure, direction: run.direction, relativeChange, intervals: run.intervals, peakScore, peerKind, peers }),
  };
}
