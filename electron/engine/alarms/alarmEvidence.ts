/**
 * An alarm's evidence in plain words, for people deciding whether to send someone:
 * "Total 38 % below typical for 5 intervals (peak 6.1 robust SD); neighbours J02, J06 also below, J09 above".
 * Peers that moved the same way come first ("also"), then those that moved the other way, which
 * reads as traffic pushed onto (or kept off) the roads around.
 */
import type { AlarmDirection } from '../../../shared/alarms/alarmContract';

export interface EvidenceFacts {
  measure: string;
  direction: AlarmDirection;
  relativeChange: number;
  intervals: number;
  /** Signed; left out of the words when null (the naive rule has no robust score). */
  peakScore: number | null;
  peerKind: 'neighbours' | 'correlated locations';
  /** Peers that departed, with the way they went. */
  peers: readonly { location: string; direction: AlarmDirection }[];
}

export function alarmEvidence(facts: EvidenceFacts): string {
  const percent = Math.round(Math.abs(facts.relativeChange) * 100);
  const intervals = `${facts.intervals} interval${facts.intervals === 1 ? '' : 's'}`;
  const peak = facts.peakScore === null ? '' : ` (peak ${Math.abs(facts.peakScore).toFixed(1)} robust SD)`;
  const words = `${facts.measure} ${percent} % ${facts.direction} typical for ${intervals}${peak}`;
  const other: AlarmDirection = facts.direction === 'above' ? 'below' : 'above';
  const same = facts.peers.filter((peer) => peer.direction === facts.direction).map((peer) => peer.location);
  const opposite = facts.peers.filter((peer) => peer.direction === other).map((peer) => peer.location);
  const parts: string[] = [];
  if (same.length > 0) parts.push(`${same.join(', ')} also ${facts.direction}`);
  if (opposite.length > 0) parts.push(`${opposite.join(', ')} ${other}`);
  return parts.length === 0 ? words : `${words}; ${facts.peerKind} ${parts.join(', ')}`;
}
