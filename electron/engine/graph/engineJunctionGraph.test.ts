/**
 * The Junction graph through the engine's commands, with the real graph worker and the committed
 * sample city: nothing is drawn until the panel opens, but a panel opened after a replay shows that
 * replay's loads; the sample's network comes with it; every
 * junction gets a load during a replay; "Show in feed" narrows the feed to one junction; a bad
 * network file is refused with its reason and the graph keeps its roads.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ViewUpdate } from '../../../shared/contract';
import type { GraphLoads, GraphTopology } from '../../../shared/graph/graphContract';
import { Engine } from '../engine';
import { SAMPLE_CSV } from '../testing/sampleCity';
import { FLAT_OUT, useWorkerForThisFile } from '../testing/workerUnderTest';

const worker = useWorkerForThisFile('engine-graph', join(__dirname, 'graphWorker.ts'));

/** What the page would hold: the engine's broadcast updates, with topology and loads kept while unchanged (sent as null). */
interface Held {
  view: ViewUpdate | null;
  topology: GraphTopology | null;
  loads: GraphLoads | null;
}

function newEngine(): { engine: Engine; held: Held } {
  const held: Held = { view: null, topology: null, loads: null };
  const engine = new Engine({
    workerScripts: { graph: worker.script },
    sampleCsvPath: SAMPLE_CSV,
    dataDir: worker.dataDir(),
    onViewUpdate: (view) => {
      held.view = view;
      held.topology = view.graph.topology ?? held.topology;
      held.loads = view.graph.loads ?? held.loads;
    },
  });
  worker.track(engine);
  return { engine, held };
}

async function until(held: Held, condition: (held: Held & { view: ViewUpdate }) => boolean, what: string): Promise<Held & { view: ViewUpdate }> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (held.view && condition(held as Held & { view: ViewUpdate })) return held as Held & { view: ViewUpdate };
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify({ ...held.view?.graph, topology: held.topology, loads: held.loads })}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('junction graph through the engine', () => {
  it('draws nothing until the panel opens, then the loads of the replay that ran while it was closed', async () => {
    const { engine, held } = newEngine();
    await engine.handle('file:openSample', {});
    await engine.handle('replay:start', FLAT_OUT);
    const { view } = await until(held, (h) => h.view.replay.state === 'finished', 'the replay');
    expect(view.graph.state).toBe('off');
    expect(held.topology).toBeNull();

    await engine.handle('graph:open', {});
    const { topology, loads } = await until(held, (h) => h.topology?.nodes.length === 10 && h.loads?.topologyVersion === h.topology.version, 'loads of every junction');
    // J01's last four rows in the sample (23:00-23:45 of its last day), read off the CSV: 9 + 16 + 15 + 13.
    expect(loads?.nodeLoads[topology?.nodes.findIndex((node) => node.id === 'J01') ?? -1]).toBe(53);
    expect(loads?.nodeLoads.every((load) => load !== null && load > 0)).toBe(true);
  });

  it('shows the sample city: every junction with a load, its roads, analytics, and the feed narrowed to one junction', async () => {
    const { engine, held } = newEngine();
    await engine.handle('graph:open', {});
    await engine.handle('file:openSample', {});
    await engine.handle('replay:start', FLAT_OUT);
    const finished = (await until(held, (h) => h.view.replay.state === 'finished', 'the replay')).view;
    // Loads and analytics follow the rows by up to a quarter second (and a worker round trip): wait
    // for those that describe the whole city, not an early view from the first rows.
    const { view, topology, loads } = await until(
      held,
      (h) => h.topology?.nodes.length === 10 && h.loads?.topologyVersion === h.topology.version && h.loads.nodeLoads.every((load) => load !== null) && h.view.graph.analyticsVersion > 0,
      'loads and analytics of every junction',
    );
    expect(finished.replay.rowsRejected).toBe(0);
    expect(view.graph.network).toMatchObject({ name: 'Sample city', source: 'junction-network.json', junctions: 10 });
    expect(view.graph.problems).toEqual([]);
    expect(topology?.nodes).toHaveLength(10);
    expect(topology?.nodes.every((node) => node.inData && node.inNetwork && node.lat !== null)).toBe(true);
    expect(topology?.edges.length).toBe(view.graph.network?.links);
    expect(loads?.nodeLoads.every((load) => load !== null && load > 0)).toBe(true);
    expect(view.graph.measure).toBe('Total');
    expect(view.graph.locationColumn).not.toBeNull();

    const junction = topology?.nodes[3]?.id ?? '';
    await engine.handle('feed:setLocation', { location: junction });
    const { feed, file } = engine.view(true);
    expect(feed.location).toBe(junction);
    const column = file?.columns.findIndex((c) => c.role === 'location') ?? -1;
    expect(feed.rows.length).toBeGreaterThan(0);
    expect(feed.rows.every((row) => row.values[column] === junction)).toBe(true);
  });

  it('refuses a file with no usable network, with its reason, and keeps the roads shown', async () => {
    const { engine } = newEngine();
    await engine.handle('graph:open', {});
    await engine.handle('file:openSample', {});
    const bad = join(worker.dir, 'not-a-network.json');
    writeFileSync(bad, '{"junctions": [');
    await expect(engine.handle('graph:loadNetwork', { path: bad })).rejects.toMatchObject({ code: 'INVALID_NETWORK', message: expect.stringContaining('not-a-network.json') });
    await expect(engine.handle('graph:loadNetwork', { path: join(worker.dir, 'missing.json') })).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
    expect(engine.view(true).graph.network?.source).toBe('junction-network.json');
  });
});
