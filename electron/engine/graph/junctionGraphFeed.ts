/**
 * The Junction graph panel's engine side. As a row sink it counts each location's load over the
 * window (JunctionLoads); it joins the locations seen with the road network into the topology
 * (graphTopology), estimates each road's flow and congestion from its ends (graphLoads), and keeps
 * analytics, inferred links and a chosen route up to date through the graph worker (analyticsJob,
 * inferredLinksJob, routeJob). The view it hands the engine is cheap to send: the topology only
 * when it changed, loads at most four times a second.
 */
import {
  DEFAULT_GRAPH_SETTINGS,
  GRAPH_HISTORY_SLOTS,
  type GraphLoads,
  type GraphSettings,
  type GraphTopology,
  type GraphView,
  type NetworkProblemView,
} from '../../../shared/graph/graphContract';
import type { ThresholdSettings } from '../../../shared/contract';
import type { ColumnInfo } from '../../../shared/schema';
import type { FeedEntry } from '../stages';
import type { RowSink } from '../stages';
import { measuresInOrder } from '../source';
import { AnalyticsJob } from './analyticsJob';
import { GraphComputer } from './graphComputer';
import { graphLoads } from './graphLoads';
import { buildGraphTopology } from './graphTopology';
import { DataCoordinates } from './dataCoordinates';
import { InferredLinksJob } from './inferredLinksJob';
import { JunctionLoads } from './junctionLoads';
import type { LoadedNetwork } from './loadedNetwork';
import { offView } from './offView';
import { RouteJob, type Route } from './routeJob';
import { countedColumns, countRows, NO_COUNTED_COLUMNS, type CountedColumns } from './rowCounting';
import { selectedJunction } from './selectedJunction';
import { Throttle } from './throttle';

// Other modules and tests import these from here; they live with the concept they belong to.
export { INFER_INTERVAL_MS } from './inferredLinksJob';
export { networkSource, type LoadedNetwork } from './loadedNetwork';
export { MAX_PROBLEMS_SHOWN } from './problemList';
export { ALL_ROWS_NODE } from './rowCounting';

/** Loads are recomputed and sent at most this often: "a few times a second". */
export const LOADS_INTERVAL_MS = 250;

interface FeedOptions {
  onChange: () => void;
  settings?: GraphSettings;
  computer?: GraphComputer;
  /** The graph worker's script for the computer made here; null (the default) computes in this thread. */
  workerPath?: string | null;
  /**
   * The file's main measure (the schema's: it may be a total found in the data, which names alone
   * cannot tell), counted as load when the settings name none; absent: chosen by name.
   */
  measure?: () => string | null;
}

export class JunctionGraphFeed implements RowSink {
  private opened = false;
  private settings: GraphSettings;
  private readonly onChange: () => void;
  private readonly fileMeasure: () => string | null;
  private readonly computer: GraphComputer;
  private columns: readonly ColumnInfo[] = [];
  private counted: CountedColumns = NO_COUNTED_COLUMNS;
  private loads: JunctionLoads;
  /** Where the data itself places each location (latitude and longitude columns), when it does. */
  private readonly coordinates = new DataCoordinates();
  private loadedNetwork: LoadedNetwork | null = null;

  private topology: GraphTopology = { version: 0, nodes: [], edges: [] };
  private problems: NetworkProblemView[] = [];
  private problemCount = 0;
  private topologyDirty = true;
  private sentTopologyVersion = -1;

  private latestLoads: GraphLoads | null = null;
  private loadsFresh = false;
  private rowsSinceLoads = true;
  private readonly loadsThrottle: Throttle;
  private thresholdKey = '';
  /** Busiest road's vehicles per lane this run: congestion 1 when no lane capacity is set. */
  private busiestPerLane = 0;

  private readonly inferred: InferredLinksJob;
  private readonly analytics: AnalyticsJob;
  private sentAnalyticsVersion = -1;
  private readonly routes: RouteJob;

  private selectedId: string | null = null;
  /** The last graph job's failure, shown as the panel's message until analytics succeed again. */
  private failure: string | null = null;

  constructor(options: FeedOptions) {
    this.onChange = options.onChange;
    this.settings = options.settings ?? DEFAULT_GRAPH_SETTINGS;
    this.fileMeasure = options.measure ?? ((): null => null);
    this.computer = options.computer ?? new GraphComputer(options.workerPath ?? null);
    this.loads = this.freshLoads();
    // Rows that arrive inside the throttle interval still reach the page once it has passed.
    this.loadsThrottle = new Throttle(LOADS_INTERVAL_MS, this.onChange);
    const { computer, onChange } = this;
    const report = (failure: string | null): void => {
      this.failure = failure;
    };
    const onLinksChanged = (): void => {
      this.topologyDirty = true;
    };
    this.inferred = new InferredLinksJob({ computer, loads: () => this.loads, settings: () => this.settings.inferred, onLinksChanged, report, onChange });
    this.analytics = new AnalyticsJob({ computer, topology: () => this.topology, report, mayRunAgain: () => this.opened, onChange });
    const graph = (): { topology: GraphTopology; loads: GraphLoads | null } => ({ topology: this.topology, loads: this.currentLoads() });
    this.routes = new RouteJob({ computer, graph, hasInferredLinks: () => this.inferred.links.length > 0, onChange });
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
      this.inferred.reset();
      this.topologyDirty = true;
    }
    this.rowsSinceLoads = true;
    this.onChange();
  }

  useNetwork(network: LoadedNetwork | null): void {
    this.loadedNetwork = network;
    this.topologyDirty = true;
    this.rowsSinceLoads = true;
    this.onChange();
  }

  /** The road network shown, if any (alarms take their neighbours from it). */
  get network(): LoadedNetwork | null {
    return this.loadedNetwork;
  }

  get networkIsSample(): boolean {
    return this.loadedNetwork?.sample ?? false;
  }

  select(id: string | null): void {
    this.selectedId = id;
    this.onChange();
  }

  setRoute(route: Route | null): void {
    this.routes.setRoute(route);
    this.onChange();
  }

  /**
   * Another file was opened: the chosen junction and route name junctions of the old file, which
   * the new one may not have ("J01 and J09 are not a junction on the graph"), so both go.
   */
  forgetChoices(): void {
    this.selectedId = null;
    this.routes.setRoute(null);
    this.onChange();
  }

  refreshAnalytics(): void {
    this.analytics.request();
    this.onChange();
  }

  // --- RowSink -------------------------------------------------------------------------------

  restart(columns: readonly ColumnInfo[]): void {
    this.columns = columns;
    this.coordinates.restart(columns);
    this.counted = countedColumns(columns, this.settings.measure, this.fileMeasure());
    this.loads = this.freshLoads();
    this.inferred.reset();
    this.busiestPerLane = 0;
    this.topologyDirty = true;
    this.rowsSinceLoads = true;
  }

  /** Counted whether or not the panel is open, so a panel opened after a replay shows its loads. */
  append(entries: readonly FeedEntry[]): void {
    const before = this.loads.size;
    countRows(entries, this.counted, this.loads, Date.now());
    if (this.coordinates.add(entries) || this.loads.size !== before) this.topologyDirty = true;
    this.rowsSinceLoads = true;
  }

  // --- View ----------------------------------------------------------------------------------

  /** `full` is for a window that (re)connects: topology, loads and analytics come whatever was sent before. */
  view(full: boolean, threshold: ThresholdSettings | null): GraphView {
    if (!this.opened) return offView(this.settings, this.counted.measure);
    const now = Date.now();
    const thresholdKey = threshold ? `${threshold.column}${threshold.operator}${threshold.value}` : '';
    if (thresholdKey !== this.thresholdKey) {
      this.thresholdKey = thresholdKey;
      this.rowsSinceLoads = true;
    }
    if ((this.topologyDirty || this.rowsSinceLoads) && this.loadsThrottle.tryRun(now)) {
      if (this.topologyDirty) this.rebuildTopology();
      this.latestLoads = this.computeLoads(threshold);
      this.loadsFresh = true;
      this.rowsSinceLoads = false;
      this.routes.refresh();
      this.inferred.maybeRun(now, this.topology);
    }

    const topologyChanged = this.topology.version !== this.sentTopologyVersion;
    const analyticsChanged = this.analytics.version !== this.sentAnalyticsVersion;
    const view: GraphView = {
      state: this.loads.size === 0 && this.loadedNetwork === null ? 'waiting' : 'live',
      message: this.message(),
      settings: this.settings,
      measure: this.counted.measure,
      numericColumns: measuresInOrder(
        this.columns.filter((column) => column.type === 'number').map((column) => column.name),
        this.counted.measure,
      ),
      locationColumn: this.counted.locationIndex < 0 ? null : (this.columns[this.counted.locationIndex]?.name ?? null),
      network: this.loadedNetwork
        ? { name: this.loadedNetwork.parsed.name, source: this.loadedNetwork.source, junctions: this.loadedNetwork.parsed.junctions.length, links: this.loadedNetwork.parsed.links.length }
        : null,
      problems: this.problems,
      problemCount: this.problemCount,
      topology: full || topologyChanged ? this.topology : null,
      topologyVersion: this.topology.version,
      loads: full || this.loadsFresh ? this.latestLoads : null,
      analytics: full || analyticsChanged ? this.analytics.latest : null,
      analyticsVersion: this.analytics.version,
      analyticsRunning: this.analytics.isRunning,
      path: this.routes.path,
      selected: this.selectedId === null ? null : selectedJunction(this.selectedId, this.topology, this.currentLoads(), this.loads),
      inferredLinks: this.topology.edges.filter((edge) => edge.inferred).length,
      correlationSlots: GRAPH_HISTORY_SLOTS,
    };
    if (!full) {
      this.sentTopologyVersion = this.topology.version;
      this.sentAnalyticsVersion = this.analytics.version;
      this.loadsFresh = false;
    }
    return view;
  }

  dispose(): void {
    this.loadsThrottle.dispose();
    this.computer.dispose();
  }

  private freshLoads(): JunctionLoads {
    return new JunctionLoads(this.settings.windowMinutes * 60_000, GRAPH_HISTORY_SLOTS);
  }

  /** The latest loads if they were computed for the topology now drawn; else null (their indexes would not match). */
  private currentLoads(): GraphLoads | null {
    return this.latestLoads?.topologyVersion === this.topology.version ? this.latestLoads : null;
  }

  private message(): string | null {
    if (this.failure) return this.failure;
    if (this.columns.length > 0 && this.counted.locationIndex < 0) {
      return 'The data has no location column, so every row counts for one place: mark the junction or sensor column as "location" in Edit roles.';
    }
    if (this.columns.length > 0 && this.counted.measure === null) return 'The data has no numeric column to count as load.';
    if (this.loads.size === 0) return this.loadedNetwork ? 'Press Replay: loads appear as rows arrive.' : 'Press Replay: junctions appear as the data names them.';
    return null;
  }

  private rebuildTopology(): void {
    this.topologyDirty = false;
    const { topology, problems, problemCount } = buildGraphTopology({
      locations: this.loads.ids(),
      network: this.loadedNetwork?.parsed ?? null,
      inferred: this.settings.inferred.enabled ? this.inferred.links : [],
      previousVersion: this.topology.version,
      placed: (id) => this.coordinates.get(id),
    });
    this.topology = topology;
    this.problems = problems;
    this.problemCount = problemCount;
    // Every new topology is analysed; one that comes during a run is analysed by the run after it.
    this.analytics.request();
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
}

