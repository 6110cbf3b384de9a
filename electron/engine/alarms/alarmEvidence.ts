/**
 * An alarm's evidence in plain words, for people deciding whether to send someone:
 * "Total 38 % below typical for 5 intervals (peak 6.1 robust SD); neighbours J02, J06 also below".
 */
import type { AlarmDirection } from '../../../shared/alarms/alarmContract';

export interface EvidenceFacts {
  measure: string;
  direction: AlarmDirection;
  relativeChange: number;
  intervals: number;
  /** Signed; omitted from the words when null (the naive rule has no robust score). */
  peakScore: number | null;
  peerKind: 'neighbours' | 'correlated locations';
  /** Peers that departed, with the way they went. */
  peers: readonly { location: string; direction: AlarmDirection }[];
}

export function alarmEvidence(facts: EvidenceFacts): string {
  const percent = Math.round(Math.abs(facts.relativeChange) * 100);
  const intervals = `${facts.intervals} interval${facts.intervals === 1 ? '' : 's'}`;
  const peak = facts.peakScore === null ? '' : ` (peak ${Math.abs(facts.peakScore).toFixed(1)} robust SD)`;
  let words = `${facts.measure} ${percent} % ${facts.direction} typical for ${intervals}${peak}`;
  for (const direction of ['above', 'below'] as const) {
    const names = facts.peers.filter((peer) => peer.direction === direction).map((peer) => peer.location);
    if (names.length > 0) words += `; ${facts.peerKind} ${names.join(', ')} also ${direction}`;
  }
  return words;
}
