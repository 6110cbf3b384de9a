/** Analytics kept up to date, with graph work in this thread (no worker script configured). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GraphTopology } from '../../../shared/graph/graphContract';
import { AnalyticsJob } from './analyticsJob';
import { GraphComputer } from './graphComputer';

function line(version: number, ids: string[]): GraphTopology {
  return {
    version,
    nodes: ids.map((id) => ({ id, name: null, lat: null, lon: null, inData: true, inNetwork: false })),
    edges: ids.slice(1).map((id, index) => ({ id: `${ids[index]}|${id}`, from: ids[index] ?? '', to: id, lengthM: null, lanes: null, name: null, inferred: false, correlation: null })),
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

const computers: GraphComputer[] = [];
afterEach(() => {
  for (const computer of computers.splice(0)) computer.dispose();
});

function job(state: { topology: GraphTopology; open: boolean }) {
  const computer = new GraphComputer();
  computers.push(computer);
  const reports: (string | null)[] = [];
  let changes = 0;
  const analytics = new AnalyticsJob({
    computer,
    topology: () => state.topology,
    report: (failure) => reports.push(failure),
    mayRunAgain: () => state.open,
    onChange: () => changes++,
  });
  return { analytics, reports, computer, changes: () => changes };
}

describe('analytics job', () => {
  it('analyses the topology and numbers each answer', async () => {
    const { analytics, reports, changes } = job({ topology: line(4, ['A', 'B', 'C']), open: true });
    expect(analytics.latest).toBeNull();
    analytics.request();
    expect(analytics.isRunning).toBe(true);
    await settle();
    expect(analytics.isRunning).toBe(false);
    expect(analytics.version).toBe(1);
    expect(analytics.latest).toMatchObject({ topologyVersion: 4, componentCount: 1 });
    expect(analytics.latest?.nodes.find((node) => node.id === 'B')).toMatchObject({ degree: 2, betweenness: 1 });
    expect(reports).toEqual([null]);
    expect(changes()).toBe(1);
  });

  it('analyses a topology that changed during a run once that run ends', async () => {
    const state = { topology: line(1, ['A', 'B']), open: true };
    const { analytics, changes } = job(state);
    analytics.request();
    state.topology = line(2, ['A', 'B', 'C', 'D']);
    analytics.request();
    analytics.request();
    await settle();
    expect(analytics.version).toBe(2);
    expect(analytics.latest).toMatchObject({ topologyVersion: 2 });
    expect(analytics.latest?.nodes).toHaveLength(4);
    expect(changes()).toBe(2);
  });

  it('runs no second time while the panel is not open', async () => {
    const { analytics } = job({ topology: line(1, ['A', 'B']), open: false });
    analytics.request();
    analytics.request();
    await settle();
    expect(analytics.version).toBe(1);
  });

  it('reports a failed run and keeps the last answer', async () => {
    const { analytics, reports, computer } = job({ topology: line(1, ['A', 'B']), open: true });
    analytics.request();
    await settle();
    vi.spyOn(computer, 'run').mockRejectedValue(new Error('The graph worker exited (code 1).'));
    analytics.request();
    await settle();
    expect(reports).toEqual([null, 'Graph analytics failed: The graph worker exited (code 1).']);
    expect(analytics.version).toBe(1);
    expect(analytics.latest).toMatchObject({ topologyVersion: 1 });
  });
});
