/**
 * The Junction graph panel's engine side. As a row sink it counts each location's load over the
 * window (JunctionLoads); it joins the locations seen with the road network into the topology,
 * estimates each road's flow and congestion from its ends, and keeps analytics, inferred links and
 * a chosen route up to date through the graph worker. The view it hands the engine is cheap to
 * send: the topology only when it changed, loads at most four times a second.
 */
import { basename } from 'node:path';
import {
  DEFAULT_GRAPH_SETTINGS,
  GRAPH_HISTORY_SLOTS,
  type GraphAnalyticsView,
  type GraphEdge,
  type GraphLoads,
  type GraphPath,
  type GraphSettings,
  type GraphTopology,
  type GraphView,
  type NetworkProblemView,
  type SelectedJunction,
} from '../../../shared/graph/graphContract';
import type { ThresholdSettings } from '../../../shared/contract';
import type { ColumnInfo } from '../../../shared/schema';
import { mainMeasure } from '../source/mainMeasure';
import type { FeedEntry } from '../stages/feedWindow';
import type { RowSink } from '../stages/rowSink';
import { congestedTravelCost } from './edgeCongestion';
import { GraphComputer } from './graphComputer';
import type { InferredLink } from './inferredLinks';
import { buildJunctionGraph, junctionEdgeId } from './junctionGraph';
import { graphLoads } from './graphLoads';
import { JunctionLoads } from './junctionLoads';
import type { ParsedNetwork } from './networkFile';

/** Loads are recomputed and sent at most this often: "a few times a second". */
export const LOADS_INTERVAL_MS = 250;
/** Inferred links are re-judged at most this often (every pair of locations is correlated). */
export const INFER_INTERVAL_MS = 2000;
/** Longer problem lists are cut here, with a last line saying how many more there are. */
export const MAX_PROBLEMS_SHOWN = 200;
/** The node every row counts for when the data has no location column. */
export const ALL_ROWS_NODE = '(all rows)';

export interface LoadedNetwork {
  parsed: ParsedNetwork;
  /** File name shown in the panel. */
  source: string;
  /** The sample city's own network: it goes when another file is opened. */
  sample: boolean;
}

interface FeedOptions {
  onChange: () => void;
  settings?: GraphSettings;
  computer?: GraphComputer;
}

export class JunctionGraphFeed implements RowSink {
  private opened = false;
  private settings: GraphSettings;
  private readonly onChange: () => void;
  private readonly computer: GraphComputer;
  private columns: readonly ColumnInfo[] = [];
  private locationIndex = -1;
  private measureIndex = -1;
  private measure: string | null = null;
  private loads: JunctionLoads;
  private network: LoadedNetwork | null = null;

  private topology: GraphTopology = { version: 0, nodes: [], edges: [] };
  private problems: NetworkProblemView[] = [];
  private topologyDirty = true;
  private sentTopologyVersion = -1;

  private latestLoads: GraphLoads | null = null;
  private loadsFresh = false;
  private rowsSinceLoads = true;
  private lastLoadsAt = 0;
  private thresholdKey = '';
  private wakeTimer: NodeJS.Timeout | null = null;
  /** Busiest road's vehicles per lane this run: congestion 1 when no lane capacity is set. */
  private busiestPerLane = 0;

  private inferred: InferredLink[] = [];
  private inferRunning = false;
  private lastInferAt = 0;

  private analytics: GraphAnalyticsView | null = null;
  private analyticsVersion = 0;
  private sentAnalyticsVersion = -1;
  private analyticsRunning = false;
  private analyticsAgain = false;

  private route: { from: string; to: string } | null = null;
  private path: GraphPath | null = null;
  private pathRunning = false;
  private pathAgain = false;

  private selectedId: string | null = null;
  private failure: string | null = null;

  constructor(options: FeedOptions) {
    this.onChange = options.onChange;
    this.settings = options.settings ?? DEFAULT_GRAPH_SETTINGS;
    this.computer = options.computer ?? new GraphComputer();
    this.loads = this.freshLoads();
  }

  get isOpen(): boolean {
    return this.opened;
  }

  open(): void {
    if (this.opened) return;
    this.opened = true;
    this.onChange();
  }

  get currentSettings(): GraphSettings {
    return this.settings;
  }

  /** New settings; a new measure or window starts the counts over (sums of the old one mean nothing under it). */
  configure(settings: GraphSettings): void {
    const recount = settings.measure !== this.settings.measure || settings.windowMinutes !== this.settings.windowMinutes;
    const reinfer = settings.inferred.enabled !== this.settings.inferred.enabled || settings.inferred.threshold !== this.settings.inferred.threshold;
    this.settings = settings;
    if (recount) this.restart(this.columns);
    if (reinfer) {
      this.inferred = [];
      this.lastInferAt = 0;
      this.topologyDirty = true;
    }
    this.rowsSinceLoads = true;
    this.onChange();
  }

  useNetwork(network: LoadedNetwork | null): void {
    this.network = network;
    this.topologyDirty = true;
    this.rowsSinceLoads = true;
    this.onChange();
  }

  get networkIsSample(): boolean {
    return this.network?.sample ?? false;
  }

  select(id: string | null): void {
    this.selectedId = id;
    this.onChange();
  }

  setRoute(route: { from: string; to: string } | null): void {
    this.route = route;
    this.path = null;
    if (route) this.requestPath();
    this.onChange();
  }

  refreshAnalytics(): void {
    this.requestAnalytics();
    this.onChange();
  }

  // --- RowSink -------------------------------------------------------------------------------

  restart(columns: readonly ColumnInfo[]): void {
    this.columns = columns;
    this.locationIndex = columns.findIndex((column) => column.role === 'location');
    this.measure = mainMeasure(
      columns.filter((column) => column.type === 'number').map((column) => column.name),
      this.settings.measure,
    );
    this.measureIndex = this.measure === null ? -1 : columns.findIndex((column) => column.name === this.measure);
    this.loads = this.freshLoads();
    this.inferred = [];
    this.busiestPerLane = 0;
    this.lastInferAt = 0;
    this.topologyDirty = true;
    this.rowsSinceLoads = true;
  }

  append(entries: readonly FeedEntry[]): void {
    if (!this.opened) return;
    const before = this.loads.size;
    const arrival = Date.now();
    for (const entry of entries) {
      const { values, time } = entry.record;
      const location = this.locationIndex < 0 ? ALL_ROWS_NODE : values[this.locationIndex];
      if (location === null || location === undefined || location === '') continue;
      const measured = this.measureIndex < 0 ? null : values[this.measureIndex];
      this.loads.add(typeof location === 'string' ? location : String(location), time ?? arrival, typeof measured === 'number' ? measured : null, values);
    }
    if (this.loads.size !== before) this.topologyDirty = true;
    this.rowsSinceLoads = true;
  }

  // --- View ----------------------------------------------------------------------------------

  /** `full` is for a window that (re)connects: topology, loads and analytics come whatever was sent before. */
  view(full: boolean, threshold: ThresholdSettings | null): GraphView {
    if (!this.opened) return this.offView();
    const now = Date.now();
    const thresholdKey = threshold ? `${threshold.column}${threshold.operator}${threshold.value}` : '';
    if (thresholdKey !== this.thresholdKey) {
      this.thresholdKey = thresholdKey;
      this.rowsSinceLoads = true;
    }
    const due = now - this.lastLoadsAt >= LOADS_INTERVAL_MS;
    if ((this.topologyDirty || this.rowsSinceLoads) && due) {
      if (this.topologyDirty) this.rebuildTopology();
      this.latestLoads = this.computeLoads(threshold);
      this.loadsFresh = true;
      this.rowsSinceLoads = false;
      this.lastLoadsAt = now;
      if (this.route) this.requestPath();
      this.maybeInfer(now);
    } else if (this.topologyDirty || this.rowsSinceLoads) {
      this.wakeIn(LOADS_INTERVAL_MS - (now - this.lastLoadsAt));
    }

    const topologyChanged = this.topology.version !== this.sentTopologyVersion;
    const analyticsChanged = this.analyticsVersion !== this.sentAnalyticsVersion;
    const view: GraphView = {
      state: this.loads.size === 0 && this.network === null ? 'waiting' : 'live',
      message: this.message(),
      settings: this.settings,
      measure: this.measure,
      numericColumns: this.columns.filter((column) => column.type === 'number').map((column) => column.name),
      locationColumn: this.locationIndex < 0 ? null : (this.columns[this.locationIndex]?.name ?? null),
      network: this.network
        ? { name: this.network.parsed.name, source: this.network.source, junctions: this.network.parsed.junctions.length, links: this.network.parsed.links.length }
        : null,
      problems: this.problems,
      topology: full || topologyChanged ? this.topology : null,
      topologyVersion: this.topology.version,
      loads: full || this.loadsFresh ? this.latestLoads : null,
      analytics: full || analyticsChanged ? this.analytics : null,
      analyticsVersion: this.analyticsVersion,
      analyticsRunning: this.analyticsRunning,
      path: this.path,
      selected: this.selectedView(),
      inferredLinks: this.topology.edges.filter((edge) => edge.inferred).length,
      correlationSlots: GRAPH_HISTORY_SLOTS,
    };
    if (!full) {
      this.sentTopologyVersion = this.topology.version;
      this.sentAnalyticsVersion = this.analyticsVersion;
      this.loadsFresh = false;
    }
    return view;
  }

  dispose(): void {
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.computer.dispose();
  }

  private freshLoads(): JunctionLoads {
    return new JunctionLoads(this.settings.windowMinutes * 60_000, GRAPH_HISTORY_SLOTS);
  }

  /** Rows that arrived inside the throttle interval still reach the page once it has passed. */
  private wakeIn(ms: number): void {
    if (this.wakeTimer) return;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = null;
      this.onChange();
    }, Math.max(1, ms));
    this.wakeTimer.unref();
  }

  private message(): string | null {
    if (this.failure) return this.failure;
    if (this.columns.length > 0 && this.locationIndex < 0) {
      return 'The data has no location column, so every row counts for one place: mark the junction or sensor column as "location" in the schema dialog.';
    }
    if (this.columns.length > 0 && this.measure === null) return 'The data has no numeric column to count as load.';
    if (this.loads.size === 0) return this.network ? 'Press Replay: loads appear as rows arrive.' : 'Press Replay: junctions appear as the data names them.';
    return null;
  }

  private offView(): GraphView {
    return {
      state: 'off',
      message: 'The junction graph counts loads from the moment its panel is open.',
      settings: this.settings,
      measure: this.measure,
      numericColumns: [],
      locationColumn: null,
      network: null,
      problems: [],
      topology: null,
      topologyVersion: 0,
      loads: null,
      analytics: null,
      analyticsVersion: 0,
      analyticsRunning: false,
      path: null,
      selected: null,
      inferredLinks: 0,
      correlationSlots: GRAPH_HISTORY_SLOTS,
    };
  }

  private rebuildTopology(): void {
    this.topologyDirty = false;
    const graph = buildJunctionGraph(this.loads.ids(), this.network?.parsed ?? null);
    const edges: GraphEdge[] = graph.edges.map((edge) => ({ ...edge, inferred: false, correlation: null }));
    if (this.settings.inferred.enabled) {
      const roads = new Set(edges.map((edge) => edge.id));
      for (const link of this.inferred) {
        const id = junctionEdgeId(link.from, link.to);
        if (roads.has(id)) continue;
        edges.push({ id, from: link.from, to: link.to, lengthM: null, lanes: null, name: null, inferred: true, correlation: link.correlation });
      }
    }
    this.topology = {
      version: this.topology.version + 1,
      nodes: graph.nodes.map((node) => ({
        id: node.id,
        name: node.name,
        lat: node.coordinates?.lat ?? null,
        lon: node.coordinates?.lon ?? null,
        inData: node.inData,
        inNetwork: node.inNetwork,
      })),
      edges,
    };
    this.problems = capProblems(graph.problems);
    this.requestAnalytics();
  }

  private computeLoads(threshold: ThresholdSettings | null): GraphLoads {
    const { loads, busiestPerLane } = graphLoads({
      topology: this.topology,
      loads: this.loads,
      columns: this.columns,
      threshold,
      settings: this.settings,
      busiestPerLane: this.busiestPerLane,
    });
    this.busiestPerLane = busiestPerLane;
    return loads;
  }

  private selectedView(): SelectedJunction | null {
    const id = this.selectedId;
    if (id === null) return null;
    const index = this.topology.nodes.findIndex((node) => node.id === id);
    if (index < 0) return null;
    const state = this.loads.state(id);
    const loads = this.latestLoads?.topologyVersion === this.topology.version ? this.latestLoads : null;
    return {
      id,
      name: this.topology.nodes[index]?.name ?? null,
      load: loads?.nodeLoads[index] ?? null,
      rank: loads?.nodeRank[index] ?? null,
      ranked: loads ? loads.nodeLoads.filter((load) => load !== null).length : 0,
      latestValue: state?.latestValue ?? null,
      latestTime: state?.latestTime ?? null,
      trend: this.loads.trend(id),
      degree: this.topology.edges.filter((edge) => edge.from === id || edge.to === id).length,
    };
  }

  // --- Work in the graph worker ----------------------------------------------------------------

  private requestAnalytics(): void {
    if (this.analyticsRunning) {
      this.analyticsAgain = true;
      return;
    }
    const topology = this.topology;
    this.analyticsRunning = true;
    this.computer
      .run({ kind: 'analyse', nodes: topology.nodes.map((node) => node.id), edges: topology.edges.map(({ id, from, to }) => ({ id, from, to })) })
      .then(
        ({ value, durationMs }) => {
          this.analytics = { topologyVersion: topology.version, nodes: value.nodes, componentCount: value.componentCount, computedAt: Date.now(), durationMs };
          this.analyticsVersion++;
          this.failure = null;
        },
        (error: Error) => {
          this.failure = `Graph analytics failed: ${error.message}`;
        },
      )
      .finally(() => {
        this.analyticsRunning = false;
        if (this.analyticsAgain || this.topology.version !== topology.version) {
          this.analyticsAgain = false;
          if (this.opened) this.requestAnalytics();
        }
        this.onChange();
      });
  }

  private requestPath(): void {
    const route = this.route;
    if (!route) return;
    if (this.pathRunning) {
      this.pathAgain = true;
      return;
    }
    const known = new Set(this.topology.nodes.map((node) => node.id));
    const missing = [route.from, route.to].filter((id) => !known.has(id));
    if (missing.length > 0) {
      this.path = { ...route, nodes: [], edges: [], cost: null, lengthM: null, message: `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not a junction on the graph.` };
      return;
    }
    const roads = this.topology.edges.filter((edge) => !edge.inferred);
    const congestionById = new Map<string, number | null>();
    const loads = this.latestLoads?.topologyVersion === this.topology.version ? this.latestLoads : null;
    this.topology.edges.forEach((edge, index) => congestionById.set(edge.id, loads?.edgeCongestion[index] ?? null));
    const fallbackLength = medianLength(roads);
    const costs = roads.map((edge) => congestedTravelCost(edge.lengthM ?? fallbackLength, congestionById.get(edge.id) ?? null));
    this.pathRunning = true;
    this.computer
      .run({ kind: 'path', nodes: [...known], edges: roads.map(({ id, from, to }) => ({ id, from, to })), costs, from: route.from, to: route.to })
      .then(
        ({ value }) => {
          if (this.route !== route) return;
          if (!value) {
            this.path = { ...route, nodes: [], edges: [], cost: null, lengthM: null, message: `No road joins ${route.from} and ${route.to}${this.inferred.length > 0 ? ' (inferred links are not roads)' : ''}.` };
            return;
          }
          const byId = new Map(roads.map((edge) => [edge.id, edge]));
          const lengths = value.edges.map((id) => byId.get(id)?.lengthM ?? null);
          const lengthM = lengths.every((length) => length !== null) ? lengths.reduce<number>((sum, length) => sum + (length ?? 0), 0) : null;
          this.path = { ...route, nodes: value.path, edges: value.edges, cost: value.cost, lengthM, message: null };
        },
        (error: Error) => {
          if (this.route === route) this.path = { ...route, nodes: [], edges: [], cost: null, lengthM: null, message: `The route could not be computed: ${error.message}` };
        },
      )
      .finally(() => {
        this.pathRunning = false;
        if (this.pathAgain) {
          this.pathAgain = false;
          this.requestPath();
        }
        this.onChange();
      });
  }

  private maybeInfer(now: number): void {
    if (!this.settings.inferred.enabled || this.inferRunning || now - this.lastInferAt < INFER_INTERVAL_MS) return;
    const ids = this.loads.ids();
    if (ids.length < 2) return;
    this.lastInferAt = now;
    this.inferRunning = true;
    const slots = GRAPH_HISTORY_SLOTS;
    const values = new Float64Array(ids.length * slots);
    ids.forEach((id, index) => values.set(this.loads.series(id), index * slots));
    const existing = this.topology.edges.filter((edge) => !edge.inferred).map(({ from, to }) => ({ from, to }));
    const loads = this.loads;
    this.computer
      .run({ kind: 'infer', ids, slots, values, threshold: this.settings.inferred.threshold, existing })
      .then(
        ({ value }) => {
          if (this.loads !== loads || !this.settings.inferred.enabled) return;
          if (sameLinks(this.inferred, value)) {
            this.inferred = value; // correlations moved a little: the drawn links stay, their labels follow at the next change
            return;
          }
          this.inferred = value;
          this.topologyDirty = true;
        },
        (error: Error) => {
          this.failure = `Inferring links failed: ${error.message}`;
        },
      )
      .finally(() => {
        this.inferRunning = false;
        this.onChange();
      });
  }
}

function capProblems(problems: readonly NetworkProblemView[]): NetworkProblemView[] {
  if (problems.length <= MAX_PROBLEMS_SHOWN) return [...problems];
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN - 1);
  const more = problems.length - shown.length;
  return [...shown, { kind: problems[MAX_PROBLEMS_SHOWN - 1]?.kind ?? 'bad-field', where: 'file', message: `…and ${more.toLocaleString('en-US')} more problems like these` }];
}

function medianLength(edges: readonly GraphEdge[]): number {
  const lengths = edges.map((edge) => edge.lengthM).filter((length): length is number => length !== null && length > 0);
  if (lengths.length === 0) return 1;
  lengths.sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length / 2)] ?? 1;
}

function sameLinks(a: readonly InferredLink[], b: readonly InferredLink[]): boolean {
  if (a.length !== b.length) return false;
  const keys = new Set(a.map((link) => junctionEdgeId(link.from, link.to)));
  return b.every((link) => keys.has(junctionEdgeId(link.from, link.to)));
}

/** The network file's name for the panel. */
export function networkSource(path: string): string {
  return basename(path);
}
