import { describe, expect, it } from 'vitest';
import { graphView, loads, topology } from '../panels/graph/testGraph';
import { keptGraph } from './graphKeep';

describe('keptGraph', () => {
  it('takes what the update carries', () => {
    const next = graphView({ topology: topology(1), loads: loads(1) });
    expect(keptGraph(null, next)).toEqual(next);
  });

  it('keeps the held topology and loads while updates say they are unchanged', () => {
    const first = keptGraph(null, graphView({ topology: topology(1), loads: loads(1) }));
    const kept = keptGraph(first, graphView());
    expect(kept.topology).toBe(first.topology);
    expect(kept.loads).toBe(first.loads);
  });

  it('takes new loads under the held topology', () => {
    const first = keptGraph(null, graphView({ topology: topology(1), loads: loads(1) }));
    const fresh = loads(1, [1, 2, 3]);
    expect(keptGraph(first, graphView({ loads: fresh })).loads).toBe(fresh);
  });

  it('drops held loads when a new topology arrives without loads of its own', () => {
    const first = keptGraph(null, graphView({ topology: topology(1), loads: loads(1) }));
    const kept = keptGraph(first, graphView({ topologyVersion: 2, topology: topology(2, ['J01', 'J02']) }));
    expect(kept.topology?.version).toBe(2);
    expect(kept.loads).toBeNull();
  });

  it('ignores loads for a topology other than the one held', () => {
    const first = keptGraph(null, graphView({ topology: topology(1) }));
    expect(keptGraph(first, graphView({ loads: loads(2) })).loads).toBeNull();
  });

  it('drops a held topology the update says is outdated', () => {
    const first = keptGraph(null, graphView({ topology: topology(1), loads: loads(1) }));
    const kept = keptGraph(first, graphView({ topologyVersion: 2 }));
    expect(kept.topology).toBeNull();
    expect(kept.loads).toBeNull();
  });

  it('drops held loads once the graph is off or waits under a new topology', () => {
    const first = keptGraph(null, graphView({ topology: topology(1), loads: loads(1) }));
    expect(keptGraph(first, graphView({ state: 'off' })).loads).toBeNull();
    const waiting = keptGraph(first, graphView({ state: 'waiting', topologyVersion: 2, topology: topology(2) }));
    expect(waiting.loads).toBeNull();
    // Waiting under the same topology (a replay paused between rows) keeps the last picture.
    expect(keptGraph(first, graphView({ state: 'waiting' })).loads).toBe(first.loads);
  });

  it('keeps analytics while their version is unchanged, and never before the first run', () => {
    const figures = { topologyVersion: 1, nodes: [], componentCount: 0, computedAt: 5, durationMs: 1 };
    const first = keptGraph(null, graphView({ analytics: figures, analyticsVersion: 3 }));
    expect(keptGraph(first, graphView({ analyticsVersion: 3 })).analytics).toBe(figures);
    expect(keptGraph(first, graphView({ analyticsVersion: 4 })).analytics).toBeNull();
    expect(keptGraph(first, graphView({ analyticsVersion: 0 })).analytics).toBeNull();
  });
});
