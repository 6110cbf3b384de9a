/**
 * The Junction graph's engine side on small cities with known answers: which junctions show, their
 * loads, ranks and threshold marks, road congestion, analytics, routes, inferred links and the
 * problem list. Graph work runs in this thread (no worker script configured).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_GRAPH_SETTINGS, type GraphSettings, type GraphView } from '../../../shared/graph/graphContract';
import type { ColumnInfo } from '../../../shared/schema';
import type { FeedEntry } from '../stages/feedWindow';
import { ranksOf } from './graphLoads';
import { ALL_ROWS_NODE, JunctionGraphFeed, LOADS_INTERVAL_MS } from './junctionGraphFeed';
import { parseNetworkJson } from './networkFile';

const MIN = 60_000;
const T0 = Date.UTC(2026, 9, 5, 8, 0);
const COLUMNS: ColumnInfo[] = [
  { name: 'Time', type: 'time', role: 'timestamp' },
  { name: 'Junction', type: 'text', role: 'location' },
  { name: 'Total', type: 'number', role: 'measure' },
  { name: 'Cars', type: 'number', role: 'measure' },
];

let offset = 0;
function row(junction: string, minutes: number, total: number, cars = total / 2): FeedEntry {
  offset++;
  return { offset, partition: 0, record: { line: offset + 1, time: T0 + minutes * MIN, values: [null, junction, total, cars] } };
}

/** A – B – C in a line (1 km roads, B–C two lanes) and D off on its own. */
const NETWORK = parseNetworkJson(
  JSON.stringify({
    name: 'Line town',
    junctions: [
      { id: 'A', name: 'Alpha', lat: 52, lon: 4 },
      { id: 'B', name: 'Bravo', lat: 52.01, lon: 4 },
      { id: 'C', lat: 52.02, lon: 4 },
      { id: 'D', lat: 52.03, lon: 4.1 },
    ],
    links: [
      { from: 'A', to: 'B', length_m: 1000, lanes: 1 },
      { from: 'B', to: 'C', length_m: 1000, lanes: 2 },
    ],
  }),
);

let now = 1_000_000;
const feeds: JunctionGraphFeed[] = [];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
});

afterEach(() => {
  vi.useRealTimers();
  for (const feed of feeds.splice(0)) feed.dispose();
});

function newFeed(settings: Partial<GraphSettings> = {}): JunctionGraphFeed {
  const feed = new JunctionGraphFeed({ onChange: () => undefined, settings: { ...DEFAULT_GRAPH_SETTINGS, ...settings } });
  feeds.push(feed);
  feed.open();
  feed.restart(COLUMNS);
  return feed;
}

/** The next view once the loads throttle has passed. */
function nextView(feed: JunctionGraphFeed, threshold: Parameters<JunctionGraphFeed['view']>[1] = null): GraphView {
  now += LOADS_INTERVAL_MS;
  vi.setSystemTime(now);
  return feed.view(false, threshold);
}

/** Lets graph work queued for the next turn (analytics, routes, inferred links) finish. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

function loadOf(view: GraphView, topologyNodes: string[], id: string): number | null {
  return view.loads?.nodeLoads[topologyNodes.indexOf(id)] ?? null;
}

describe('junction graph feed', () => {
  it('shows nothing until its panel opens, then the rows counted while it was closed', () => {
    const feed = new JunctionGraphFeed({ onChange: () => undefined });
    feeds.push(feed);
    feed.restart(COLUMNS);
    feed.append([row('A', 0, 10), row('A', 15, 5)]);
    expect(feed.view(false, null).state).toBe('off');
    feed.open();
    const view = nextView(feed);
    expect(view).toMatchObject({ state: 'live', topology: { nodes: [{ id: 'A' }] } });
    expect(view.loads?.nodeLoads).toEqual([15]);
  });

  it('shows every location with its load over the window, ranked, and sends the topology once', () => {
    const feed = newFeed();
    feed.useNetwork({ parsed: NETWORK, source: 'line.json', sample: false });
    // Two hours of rows; only the last hour (minutes 60–105) counts.
    for (const minutes of [0, 15, 30, 45, 60, 75, 90, 105]) feed.append([row('A', minutes, 10), row('B', minutes, 30), row('C', minutes, 20)]);
    feed.append([row('E', 105, 5)]); // in the data, not in the network
    const view = nextView(feed);
    const ids = view.topology?.nodes.map((node) => node.id) ?? [];
    expect(ids).toEqual(['A', 'B', 'C', 'E', 'D']);
    expect(view.topology?.nodes.find((node) => node.id === 'D')).toMatchObject({ inData: false, inNetwork: true, lat: 52.03 });
    expect(view.topology?.nodes.find((node) => node.id === 'E')).toMatchObject({ inData: true, inNetwork: false, lat: null });
    expect(view.network).toEqual({ name: 'Line town', source: 'line.json', junctions: 4, links: 2 });
    expect([loadOf(view, ids, 'A'), loadOf(view, ids, 'B'), loadOf(view, ids, 'C'), loadOf(view, ids, 'D')]).toEqual([40, 120, 80, null]);
    expect(view.loads?.nodeRank).toEqual([3, 1, 2, 4, null]);
    expect(view.loads?.maxLoad).toBe(120);
    expect(view.loads?.windowEnd).toBe(T0 + 120 * MIN);

    const again = nextView(feed);
    expect(again.topology).toBeNull(); // unchanged: the page keeps its copy
    expect(again.loads).toBeNull(); // no new rows
    expect(feed.view(true, null).topology?.nodes).toHaveLength(5); // a window that reconnects gets it all
  });

  it('sends loads at most four times a second however often it is asked', () => {
    const feed = newFeed();
    feed.append([row('A', 0, 10)]);
    expect(nextView(feed).loads).not.toBeNull();
    feed.append([row('A', 1, 10)]);
    expect(feed.view(false, null).loads).toBeNull(); // asked again at once
    expect(nextView(feed).loads?.nodeLoads).toEqual([20]);
  });

  it('marks junctions whose newest row passes the threshold filter', () => {
    const feed = newFeed();
    feed.append([row('A', 0, 80), row('B', 0, 20), row('A', 15, 40)]);
    const view = nextView(feed, { column: 'Total', operator: '>', value: 30 });
    expect(view.loads?.nodePassing).toEqual([true, false]);
    feed.append([]);
    expect(nextView(feed, { column: 'Total', operator: '>', value: 50 }).loads?.nodePassing).toEqual([false, false]);
  });

  it('rates road congestion by flow per lane against the lane capacity, or against the busiest road', () => {
    const feed = newFeed({ laneCapacityPerHour: 400 });
    feed.useNetwork({ parsed: NETWORK, source: 'line.json', sample: false });
    feed.append([row('A', 0, 100), row('B', 0, 300), row('C', 0, 500)]);
    const view = nextView(feed);
    // A–B: (100 + 300) / 2 = 200 on one lane → 0.5. B–C: 400 over two lanes = 200 per lane → 0.5.
    expect(view.loads?.edgeFlow).toEqual([200, 400]);
    expect(view.loads?.edgeCongestion).toEqual([0.5, 0.5]);
    expect(view.loads?.capacityLabel).toBe('400 vehicles per lane per hour');

    // Without a lane capacity the busiest road so far is congestion 1. A–B: 200 per lane; B–C: 200 over two lanes.
    const relativeFeed = newFeed({ laneCapacityPerHour: null });
    relativeFeed.useNetwork({ parsed: NETWORK, source: 'line.json', sample: false });
    relativeFeed.append([row('A', 0, 100), row('B', 0, 300), row('C', 0, 100)]);
    const relative = nextView(relativeFeed);
    expect(relative.loads?.edgeCongestion).toEqual([1, 0.5]);
    expect(relative.loads?.capacityLabel).toContain('busiest road');
  });

  it('computes degree, PageRank, betweenness and components for the topology, and resends them only when they change', async () => {
    const feed = newFeed();
    feed.useNetwork({ parsed: NETWORK, source: 'line.json', sample: false });
    nextView(feed);
    await settle();
    const view = nextView(feed);
    expect(view.analyticsVersion).toBe(1);
    expect(view.analytics?.componentCount).toBe(2);
    const b = view.analytics?.nodes.find((node) => node.id === 'B');
    expect(b).toMatchObject({ degree: 2, betweenness: 1, component: 0 });
    expect(view.analytics?.nodes.find((node) => node.id === 'D')).toMatchObject({ degree: 0, component: 1 });
    expect(nextView(feed).analytics).toBeNull();

    feed.refreshAnalytics();
    await settle();
    expect(nextView(feed)).toMatchObject({ analyticsVersion: 2, analytics: { componentCount: 2 } });
  });

  it('routes between two junctions along roads, avoiding congestion, and says when none joins them', async () => {
    // A square A–B–C and A–D–C where the B side is shorter but jammed.
    const square = parseNetworkJson(
      JSON.stringify({
        junctions: [{ id: 'A' }, { id: 'B' }, { id: 'C' }, { id: 'D' }, { id: 'Z' }],
        links: [
          { from: 'A', to: 'B', length_m: 1000, lanes: 1 },
          { from: 'B', to: 'C', length_m: 1000, lanes: 1 },
          { from: 'A', to: 'D', length_m: 1200, lanes: 1 },
          { from: 'D', to: 'C', length_m: 1200, lanes: 1 },
        ],
      }),
    );
    const feed = newFeed({ laneCapacityPerHour: 100 });
    feed.useNetwork({ parsed: square, source: 'square.json', sample: false });
    feed.append([row('A', 0, 50), row('B', 0, 50), row('C', 0, 50), row('D', 0, 50)]);
    nextView(feed);
    feed.setRoute({ from: 'A', to: 'C' });
    await settle();
    expect(nextView(feed).path).toMatchObject({ nodes: ['A', 'B', 'C'], lengthM: 2000, message: null });

    // B jams: A–B and B–C at twice capacity cost 1000 × (1 + 0.15 × 2⁴) = 3,400 m each.
    feed.append([row('B', 0, 350)]);
    nextView(feed);
    await settle();
    const jammed = nextView(feed).path;
    expect(jammed).toMatchObject({ nodes: ['A', 'D', 'C'], lengthM: 2400 });

    feed.setRoute({ from: 'A', to: 'Z' });
    await settle();
    expect(nextView(feed).path?.message).toBe('No road joins A and Z.');
    feed.setRoute({ from: 'A', to: 'nowhere' });
    expect(nextView(feed).path?.message).toBe('nowhere is not a junction on the graph.');
  });

  it('draws inferred links between locations whose counts move together, labelled with r', async () => {
    const feed = newFeed({ inferred: { enabled: true, threshold: 0.9 } });
    // Ten hourly windows: P and Q rise and fall together, R does the opposite.
    for (let i = 0; i < 40; i++) {
      const wave = 100 + 50 * Math.sin(i / 3);
      feed.append([row('P', i * 15, wave), row('Q', i * 15, wave * 0.8 + 7), row('R', i * 15, 300 - wave)]);
    }
    nextView(feed);
    await settle();
    const view = nextView(feed);
    const inferred = view.topology?.edges.filter((edge) => edge.inferred) ?? [];
    expect(inferred.map((edge) => [edge.from, edge.to])).toEqual([['P', 'Q']]);
    expect(inferred[0]?.correlation).toBeCloseTo(1, 5);
    expect(view.inferredLinks).toBe(1);

    feed.configure({ ...feed.currentSettings, inferred: { enabled: false, threshold: 0.9 } });
    expect(nextView(feed).topology?.edges).toEqual([]);
  });

  it('lists the network file’s problems and still draws the rest', () => {
    const broken = parseNetworkJson(
      JSON.stringify({
        junctions: [{ id: 'A' }, { id: 'B' }],
        links: [
          { from: 'A', to: 'B' },
          { from: 'A', to: 'A' },
          { from: 'A', to: 'X9' },
        ],
      }),
    );
    const feed = newFeed();
    feed.useNetwork({ parsed: broken, source: 'broken.json', sample: false });
    const view = nextView(feed);
    expect(view.problems.map((problem) => [problem.kind, problem.where])).toEqual([
      ['self-loop', 'links[1]'],
      ['unknown-location', 'links[2]'],
    ]);
    expect(view.problemCount).toBe(2);
    expect(view.topology?.edges.map((edge) => edge.id)).toEqual(['A|B']);
  });

  it('starts the counts over when the measure or the window changes', () => {
    const feed = newFeed();
    feed.append([row('A', 0, 100, 30)]);
    expect(nextView(feed).loads?.nodeLoads).toEqual([100]);
    feed.configure({ ...feed.currentSettings, measure: 'Cars' });
    const view = nextView(feed);
    expect(view.measure).toBe('Cars');
    expect(view.topology?.nodes).toEqual([]);
    feed.append([row('A', 15, 100, 30)]);
    expect(nextView(feed).loads?.nodeLoads).toEqual([30]);
  });

  it('gives the selected junction a details card with its load, rank and trend', () => {
    const feed = newFeed();
    for (const minutes of [0, 15, 30, 45]) feed.append([row('A', minutes, 10 + minutes), row('B', minutes, 100)]);
    nextView(feed);
    feed.select('A');
    const selected = nextView(feed).selected;
    expect(selected).toMatchObject({ id: 'A', load: 10 + 25 + 40 + 55, rank: 2, ranked: 2, latestValue: 55, latestTime: T0 + 45 * MIN, degree: 0 });
    expect(selected?.trend.slice(-4)).toEqual([10, 25, 40, 55]);
    feed.select(null);
    expect(nextView(feed).selected).toBeNull();
  });

  it('counts every row for one place when the data has no location column, and says why', () => {
    const feed = newFeed();
    feed.restart(COLUMNS.map((column) => (column.role === 'location' ? { ...column, role: 'category' as const } : column)));
    feed.append([row('A', 0, 10), row('B', 0, 5)]);
    const view = nextView(feed);
    expect(view.topology?.nodes.map((node) => node.id)).toEqual([ALL_ROWS_NODE]);
    expect(view.loads?.nodeLoads).toEqual([15]);
    expect(view.message).toContain('no location column');
  });
});

describe('ranks', () => {
  it('ranks by load, busiest first, ties sharing a rank, no load no rank', () => {
    expect(ranksOf([5, null, 9, 5, 1])).toEqual([2, null, 1, 2, 4]);
  });
});
