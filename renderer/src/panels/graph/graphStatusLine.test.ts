import { describe, expect, it } from 'vitest';
import { networkSummary, windowSummary } from './graphStatusLine';
import { graphView, topology } from './testGraph';

describe('graph status line', () => {
  it('names the network and counts what is drawn', () => {
    const view = graphView({ network: { name: 'Sample city', source: 'junction-network.json', junctions: 10, links: 17 } });
    expect(networkSummary(view, topology(1))).toBe('Sample city · junction-network.json · 3 junctions · 2 roads');
    expect(networkSummary(view, null)).toBe('Sample city · junction-network.json · 10 junctions · 17 roads');
  });

  it('says when there is no network, and counts inferred links apart', () => {
    const t = topology(1);
    const inferred = { ...t, edges: t.edges.map((edge) => ({ ...edge, inferred: true, correlation: 0.95 })) };
    expect(networkSummary(graphView({ inferredLinks: 2 }), inferred)).toBe('No road network · 3 junctions · 2 inferred links');
    expect(networkSummary(graphView(), { ...t, nodes: t.nodes.slice(0, 1), edges: [] })).toBe('No road network · 1 junction');
  });

  it('states the window and measure', () => {
    expect(windowSummary(graphView())).toBe('window 1 h · load = Total');
  });
});
