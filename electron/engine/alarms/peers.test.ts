import { describe, expect, it } from 'vitest';
import { CorrelatedPeers } from './correlatedPeers';
import { networkPeers } from './networkPeers';

describe('peers', () => {
  it('from a network: one road away, both ways, sorted, no self-loops or repeats', () => {
    const peers = networkPeers({ links: [{ from: 'J02', to: 'J01' }, { from: 'J01', to: 'J03' }, { from: 'J01', to: 'J02' }, { from: 'J04', to: 'J04' }] });
    expect(Object.fromEntries(peers)).toEqual({ J01: ['J02', 'J03'], J02: ['J01'], J03: ['J01'] });
  });

  it('without one: the locations whose readings correlate most, learnt over the first intervals and then frozen', () => {
    const peers = new CorrelatedPeers({ topN: 2, learnIntervals: 100 });
    for (let t = 0; t <= 100; t++) {
      const wave = Math.sin(t / 5);
      const noise = Math.cos(t * 7.3);
      peers.observe('A', t, 10 + 5 * wave);
      peers.observe('B', t, 20 + 8 * wave + 0.5 * noise); // moves with A
      peers.observe('C', t, 30 + 3 * wave + 3 * noise); // partly
      peers.observe('D', t, 10 - 5 * wave); // against A: never a peer
      expect(peers.learning).toBe(t < 100);
    }
    expect(peers.peersOf('A')).toEqual(['B', 'C']);
    expect(peers.peersOf('D')).toEqual([]);
    expect(peers.peersOf('Z')).toEqual([]);
  });
});
