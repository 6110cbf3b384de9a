import { describe, expect, it } from 'vitest';
import { alarmEvidence } from './alarmEvidence';

describe('alarm evidence in plain words', () => {
  const base = { measure: 'Total', direction: 'below', relativeChange: -0.384, intervals: 5, peakScore: -6.12, peerKind: 'neighbours' } as const;

  it('alone', () => {
    expect(alarmEvidence({ ...base, peers: [] })).toBe('Total 38 % below typical for 5 intervals (peak 6.1 robust SD)');
    expect(alarmEvidence({ ...base, intervals: 1, peakScore: null, peers: [] })).toBe('Total 38 % below typical for 1 interval');
  });

  it('with peers either way', () => {
    const peers = [
      { location: 'J02', direction: 'below' },
      { location: 'J06', direction: 'below' },
      { location: 'J09', direction: 'above' },
    ] as const;
    expect(alarmEvidence({ ...base, peers })).toBe('Total 38 % below typical for 5 intervals (peak 6.1 robust SD); neighbours J02, J06 also below, J09 above');
    expect(alarmEvidence({ ...base, peerKind: 'correlated locations', peers: [peers[2]] })).toBe('Total 38 % below typical for 5 intervals (peak 6.1 robust SD); correlated locations J09 above');
  });
});
