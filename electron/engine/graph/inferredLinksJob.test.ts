/**
 * Inferred links kept up to date, with graph work in this thread (no worker script configured):
 * how often they are re-judged, when the topology must be redrawn, and which answers are stale.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GRAPH_HISTORY_SLOTS, type GraphSettings, type GraphTopology } from '../../../shared/graph/graphContract';
import { GraphComputer } from './graphComputer';
import { INFER_INTERVAL_MS, InferredLinksJob } from './inferredLinksJob';
import { JunctionLoads } from './junctionLoads';

const MIN = 60_000;
const NO_ROADS: GraphTopology = { version: 1, nodes: [], edges: [] };

/** Forty 15-minute slots: P and Q rise and fall together, R does the opposite. */
function waves(locations = ['P', 'Q', 'R']): JunctionLoads {
  const loads = new JunctionLoads(60 * MIN, GRAPH_HISTORY_SLOTS);
  for (let i = 0; i < 40; i++) {
    const wave = 100 + 50 * Math.sin(i / 3);
    const value: Record<string, number> = { P: wave, Q: wave * 0.8 + 7, R: 300 - wave };
    for (const id of locations) loads.add(id, i * 15 * MIN, value[id] ?? 0, []);
  }
  return loads;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

const computers: GraphComputer[] = [];
afterEach(() => {
  for (const computer of computers.splice(0)) computer.dispose();
});

function job(state: { loads: JunctionLoads; settings: GraphSettings['inferred'] }) {
  const computer = new GraphComputer();
  computers.push(computer);
  const calls = { linksChanged: 0, ended: 0, failures: [] as string[] };
  const inferred = new InferredLinksJob({
    computer,
    loads: () => state.loads,
    settings: () => state.settings,
    onLinksChanged: () => calls.linksChanged++,
    report: (failure) => calls.failures.push(failure),
    onChange: () => calls.ended++,
  });
  return { inferred, calls, computer };
}

describe('inferred links job', () => {
  it('finds the pairs that move together and asks for a redraw', async () => {
    const { inferred, calls } = job({ loads: waves(), settings: { enabled: true, threshold: 0.9 } });
    inferred.maybeRun(10_000, NO_ROADS);
    await settle();
    expect(inferred.links.map((link) => [link.from, link.to])).toEqual([['P', 'Q']]);
    expect(inferred.links[0]?.correlation).toBeCloseTo(1, 5);
    expect(calls).toEqual({ linksChanged: 1, ended: 1, failures: [] });
  });

  it('does not suggest a pair a road already joins', async () => {
    const { inferred } = job({ loads: waves(), settings: { enabled: true, threshold: 0.9 } });
    const road = { id: 'P|Q', from: 'P', to: 'Q', lengthM: 500, lanes: 1, name: null, inferred: false, correlation: null };
    inferred.maybeRun(10_000, { ...NO_ROADS, edges: [road] });
    await settle();
    expect(inferred.links).toEqual([]);
  });

  it('runs at most once per interval and never twice at once', async () => {
    const { inferred, computer } = job({ loads: waves(), settings: { enabled: true, threshold: 0.9 } });
    const run = vi.spyOn(computer, 'run');
    inferred.maybeRun(10_000, NO_ROADS);
    inferred.maybeRun(10_000 + INFER_INTERVAL_MS, NO_ROADS); // the first run is still under way
    expect(run).toHaveBeenCalledTimes(1);
    await settle();
    inferred.maybeRun(10_000 + INFER_INTERVAL_MS - 1, NO_ROADS);
    expect(run).toHaveBeenCalledTimes(1);
    inferred.maybeRun(10_000 + INFER_INTERVAL_MS, NO_ROADS);
    expect(run).toHaveBeenCalledTimes(2);
    await settle();
  });

  it('does not ask for a redraw when the same pairs come back', async () => {
    const { inferred, calls } = job({ loads: waves(), settings: { enabled: true, threshold: 0.9 } });
    inferred.maybeRun(10_000, NO_ROADS);
    await settle();
    inferred.maybeRun(10_000 + INFER_INTERVAL_MS, NO_ROADS);
    await settle();
    expect(inferred.links).toHaveLength(1);
    expect(calls).toMatchObject({ linksChanged: 1, ended: 2 });
  });

  it('runs only when on and with two locations to correlate', async () => {
    const off = job({ loads: waves(), settings: { enabled: false, threshold: 0.9 } });
    const alone = job({ loads: waves(['P']), settings: { enabled: true, threshold: 0.9 } });
    for (const { inferred, computer } of [off, alone]) {
      const run = vi.spyOn(computer, 'run');
      inferred.maybeRun(10_000, NO_ROADS);
      expect(run).not.toHaveBeenCalled();
    }
    await settle();
    expect(off.calls.ended + alone.calls.ended).toBe(0);
  });

  it('drops an answer about counts that were replaced, or that came after inference was turned off', async () => {
    const state = { loads: waves(), settings: { enabled: true, threshold: 0.9 } };
    const { inferred, calls } = job(state);
    inferred.maybeRun(10_000, NO_ROADS);
    state.loads = waves(); // a new measure or window: the counts start over
    await settle();
    expect(inferred.links).toEqual([]);

    inferred.maybeRun(10_000 + INFER_INTERVAL_MS, NO_ROADS);
    state.settings = { enabled: false, threshold: 0.9 };
    await settle();
    expect(inferred.links).toEqual([]);
    expect(calls).toMatchObject({ linksChanged: 0, ended: 2 });
  });

  it('forgets its links on reset and may run again at once', async () => {
    const { inferred, computer } = job({ loads: waves(), settings: { enabled: true, threshold: 0.9 } });
    inferred.maybeRun(10_000, NO_ROADS);
    await settle();
    inferred.reset();
    expect(inferred.links).toEqual([]);
    const run = vi.spyOn(computer, 'run');
    inferred.maybeRun(10_001, NO_ROADS);
    expect(run).toHaveBeenCalledTimes(1);
    await settle();
  });

  it('reports a failed run', async () => {
    const { inferred, calls, computer } = job({ loads: waves(), settings: { enabled: true, threshold: 0.9 } });
    vi.spyOn(computer, 'run').mockRejectedValue(new Error('The graph worker was stopped.'));
    inferred.maybeRun(10_000, NO_ROADS);
    await settle();
    expect(calls).toEqual({ linksChanged: 0, ended: 1, failures: ['Inferring links failed: The graph worker was stopped.'] });
  });
});
