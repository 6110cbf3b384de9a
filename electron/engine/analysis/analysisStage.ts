/**
 * The analysis stage (issue 23): detector health, the time-of-week heatmap, the typical day and
 * incident alarms, fed every row the visible session accepts, once, in arrival order. In the app it
 * runs in the analysis worker (analysisWorker.ts; the engine's side is analysisFeed.ts), where the
 * four together cost about 2 µs a row; unit tests run it in their own thread.
 *
 * The profiles need their bin width up front, and the bin width follows the file's cadence, so the
 * first rows of a run are held (at most LEARN_MAX_ROWS, or LEARN_MAX_MS of wall time) while the
 * cadence is learnt; then the parts are built and the held rows go through them first. Nothing is
 * skipped: rows checked = rows given, always. A new file, a new run or a new watched topic starts
 * everything over (RowSink.restart).
 */
import {
  MAX_ALARMS_SENT,
  MAX_FLAGS_SENT,
  MAX_LOCATIONS_SENT,
  type AlarmsPanelView,
  type AnalysisExport,
  type AnalysisSettings,
  type AnalysisState,
  type AnalysisView,
  type HealthPanelView,
} from '../../../shared/analysis/analysisContract';
import type { AlarmsView } from '../../../shared/alarms/alarmContract';
import type { HealthView } from '../../../shared/health/healthContract';
import type { TrafficRecord } from '../../../shared/records';
import type { ColumnInfo } from '../../../shared/schema';
import { AlarmDetector, type NetworkLinks } from '../alarms';
import { createHealthChecker, DEFAULT_HEALTH_OPTIONS, writeFlagsCsv, type HealthChecker } from '../health';
import { binMinutesFor, CadenceEstimator, profileColumns, TimeOfWeekHeatmap, TypicalDay, type ProfileColumns } from '../profiles';
import type { FeedEntry, RowSink } from '../stages';
import { writeAlarmsCsv } from './alarmsCsv';

/** Gaps between a location's rows that settle the cadence… */
export const LEARN_GAPS = 200;
/** …or rows held, whichever comes first… */
export const LEARN_MAX_ROWS = 20_000;
/** …or wall time since the first held row (a slow replay or a quiet topic). */
export const LEARN_MAX_MS = 1500;
/** The view is rebuilt at most this often while rows arrive. */
export const VIEW_INTERVAL_MS = 250;
/** The heatmap's bins are at least an hour wide: 7 × 24 cells a reader can take in. */
const HEATMAP_MIN_BIN_MINUTES = 60;

export const DEFAULT_ANALYSIS_SETTINGS: AnalysisSettings = {
  stuckDurationMs: DEFAULT_HEALTH_OPTIONS.stuckDurationMs,
  capacityPerHour: DEFAULT_HEALTH_OPTIONS.capacityPerHour,
  spikeK: DEFAULT_HEALTH_OPTIONS.spikeK,
  enabled: true,
};

export interface AnalysisStageOptions {
  onChange: () => void;
  /** The visible session's main measure (what the threshold, graph and predictions use). */
  measure: () => string | null;
  /** The road network shown with the data, whose links make alarm neighbours; null: none. */
  network: () => NetworkLinks | null;
  /** Wall clock (ms), for the learning time limit and the view's rate; Date.now by default. */
  now?: () => number;
}

/** The parts built once the cadence is known. */
interface Parts {
  cadenceMs: number | null;
  health: HealthChecker;
  /** Null when the data has no numeric main measure. */
  profiles: { columns: ProfileColumns; heatmap: TimeOfWeekHeatmap; typical: TypicalDay; alarms: AlarmDetector } | null;
}

export class AnalysisStage implements RowSink {
  private columns: readonly ColumnInfo[] = [];
  private settings: AnalysisSettings = DEFAULT_ANALYSIS_SETTINGS;
  private pendingSettings: AnalysisSettings | null = null;
  private held: TrafficRecord[] = [];
  private heldSince: number | null = null;
  private cadence = new CadenceEstimator();
  private locationIndexes: number[] = [];
  private parts: Parts | null = null;
  private rowsGiven = 0;
  private heatmapLocation: string | null = null;
  private typicalLocation: string | null = null;

  private version = 0;
  private dirty = true;
  private latest: AnalysisView | null = null;
  private sentVersion = -1;
  private builtAt = Number.NEGATIVE_INFINITY;
  private readonly now: () => number;

  constructor(private readonly options: AnalysisStageOptions) {
    this.now = options.now ?? Date.now;
  }

  get currentSettings(): AnalysisSettings {
    return this.pendingSettings ?? this.settings;
  }

  /** Rows given this run (all of them are checked, held ones included once the cadence is known). */
  get rows(): number {
    return this.rowsGiven;
  }

  // --- RowSink -------------------------------------------------------------------------------

  restart(columns: readonly ColumnInfo[]): void {
    this.columns = columns;
    if (this.pendingSettings !== null) {
      this.settings = this.pendingSettings;
      this.pendingSettings = null;
    }
    this.locationIndexes = columns.flatMap((column, index) => (column.role === 'location' ? [index] : []));
    this.held = [];
    this.heldSince = null;
    this.cadence = new CadenceEstimator();
    this.parts = null;
    this.rowsGiven = 0;
    const locations = new Set(this.locationNames());
    if (this.heatmapLocation !== null && !locations.has(this.heatmapLocation)) this.heatmapLocation = null;
    if (this.typicalLocation !== null && !locations.has(this.typicalLocation)) this.typicalLocation = null;
    this.touch();
  }

  append(entries: readonly FeedEntry[]): void {
    const records = new Array<TrafficRecord>(entries.length);
    for (let i = 0; i < entries.length; i++) records[i] = (entries[i] as FeedEntry).record;
    this.appendRecords(records);
  }

  /** Rows in arrival order (the worker's way in, where rows arrive unpacked). */
  appendRecords(records: readonly TrafficRecord[]): void {
    if (records.length === 0) return;
    this.rowsGiven += records.length;
    const parts = this.parts;
    if (parts !== null) {
      for (let i = 0; i < records.length; i++) feed(parts, records[i] as TrafficRecord);
    } else {
      this.heldSince ??= this.now();
      for (let i = 0; i < records.length; i++) {
        const record = records[i] as TrafficRecord;
        this.held.push(record);
        if (record.time !== null) this.cadence.observe(this.locationOf(record), record.time);
      }
      if (this.cadence.gaps >= LEARN_GAPS || this.held.length >= LEARN_MAX_ROWS) this.build();
    }
    this.dirty = true;
  }

  // --- Commands ------------------------------------------------------------------------------

  /** New settings apply now when no row was checked yet, else from the next run. */
  configure(settings: AnalysisSettings): void {
    if (this.rowsGiven === 0) {
      this.settings = settings;
      this.pendingSettings = null;
      this.parts = null;
    } else {
      this.pendingSettings = settings;
    }
    this.touch();
  }

  selectLocations(heatmap: string | null, typical: string | null): void {
    this.heatmapLocation = heatmap;
    this.typicalLocation = typical;
    this.touch();
  }

  /** Writes every kept flag or every alarm (active and cleared) as CSV; the number of data lines. */
  async export(what: AnalysisExport, path: string): Promise<number> {
    this.settle();
    if (what === 'flags') {
      const flags = this.parts?.health.view().flags ?? [];
      await writeFlagsCsv(path, flags);
      return flags.length;
    }
    const view = this.parts?.profiles?.alarms.view();
    const alarms = view ? [...view.closed, ...view.active].sort((a, b) => a.start - b.start || a.id - b.id) : [];
    await writeAlarmsCsv(path, alarms);
    return alarms.length;
  }

  // --- View ----------------------------------------------------------------------------------

  /**
   * The view when it changed since the last one sent (null: unchanged, the page keeps its copy);
   * rebuilt at most every VIEW_INTERVAL_MS while rows arrive. `full` (a window that reconnects)
   * always gets it.
   */
  view(full: boolean): AnalysisView | null {
    const now = this.now();
    if (this.parts === null && this.heldSince !== null && now - this.heldSince >= LEARN_MAX_MS) this.build();
    if (this.latest === null || (this.dirty && now - this.builtAt >= VIEW_INTERVAL_MS)) {
      this.latest = this.buildView();
      this.builtAt = now;
      this.dirty = false;
    }
    if (full) return this.latest;
    if (this.latest.version === this.sentVersion) return null;
    this.sentVersion = this.latest.version;
    return this.latest;
  }

  /** Whatever is held is checked now, and the next view is current (exports, tests). */
  settle(): void {
    if (this.parts === null && this.held.length > 0) this.build();
    this.dirty = true;
    this.builtAt = Number.NEGATIVE_INFINITY;
  }

  // --- Internals -----------------------------------------------------------------------------

  private touch(): void {
    this.dirty = true;
    this.builtAt = Number.NEGATIVE_INFINITY;
    this.options.onChange();
  }

  private locationOf(record: TrafficRecord): string {
    const indexes = this.locationIndexes;
    if (indexes.length === 0) return '';
    if (indexes.length === 1) return String(record.values[indexes[0] as number] ?? '');
    return indexes.map((index) => String(record.values[index] ?? '')).join(' / ');
  }

  private locationNames(): string[] {
    return this.parts?.profiles?.heatmap.locations() ?? [];
  }

  private measureName(): string | null {
    const wanted = this.options.measure();
    const numeric = this.columns.filter((column) => column.type === 'number');
    if (wanted !== null && numeric.some((column) => column.name === wanted)) return wanted;
    return numeric.find((column) => column.role === 'measure')?.name ?? null;
  }

  private build(): void {
    const cadenceMs = this.cadence.cadenceMs;
    const measure = this.measureName();
    const location = this.locationIndexes.length > 0 ? (this.columns[this.locationIndexes[0] as number]?.name ?? null) : null;
    const health = createHealthChecker(
      { columns: this.columns, location, measure },
      { stuckDurationMs: this.settings.stuckDurationMs, capacityPerHour: this.settings.capacityPerHour, spikeK: this.settings.spikeK },
    );
    let profiles: Parts['profiles'] = null;
    if (measure !== null) {
      const columns = profileColumns(this.columns, measure);
      const binMinutes = binMinutesFor(cadenceMs);
      profiles = {
        columns,
        heatmap: new TimeOfWeekHeatmap(columns, binMinutesFor(cadenceMs, HEATMAP_MIN_BIN_MINUTES)),
        typical: new TypicalDay(columns, { binMinutes }),
        alarms: new AlarmDetector({ columns, binMinutes, network: this.options.network() }),
      };
    }
    const parts: Parts = { cadenceMs, health, profiles };
    this.parts = parts;
    for (const record of this.held) feed(parts, record);
    this.held = [];
    this.heldSince = null;
    this.dirty = true;
  }

  private state(): { state: AnalysisState; message: string | null } {
    if (this.rowsGiven === 0) return { state: 'waiting', message: 'Press Replay: every row is checked as it arrives.' };
    if (this.parts === null) return { state: 'learning', message: 'Learning how often the data reports (the first rows are held, then checked).' };
    if (this.columns.every((column) => column.role !== 'timestamp')) {
      return { state: 'unavailable', message: 'The data has no time column, so only row counts can be checked: mark a column as "timestamp" in Edit roles.' };
    }
    if (this.parts.profiles === null) return { state: 'unavailable', message: 'The data has no numeric column to profile.' };
    return { state: 'live', message: null };
  }

  private buildView(): AnalysisView {
    this.version++;
    const { state, message } = this.state();
    const parts = this.parts;
    const health = parts?.health.view() ?? null;
    const profiles = parts?.profiles ?? null;
    const locations = profiles?.heatmap.locations() ?? [];
    const typicalLocation = this.typicalLocation ?? locations[0] ?? null;
    return {
      state,
      message,
      version: this.version,
      measure: profiles?.columns.measureName ?? health?.columns.measure ?? this.measureName(),
      locationColumn: this.locationIndexes.length > 0 ? this.locationIndexes.map((index) => this.columns[index]?.name ?? '').join(' / ') : null,
      cadenceMs: parts?.cadenceMs ?? null,
      settings: this.currentSettings,
      settingsPending: this.pendingSettings !== null,
      health: healthPanel(health, this.rowsGiven),
      heatmap: profiles ? profiles.heatmap.snapshot(this.heatmapLocation) : null,
      typicalDay: profiles && typicalLocation !== null ? profiles.typical.snapshot(typicalLocation) : null,
      heatmapLocation: this.heatmapLocation,
      typicalLocation,
      alarms: profiles ? alarmsPanel(profiles.alarms.view()) : null,
      // In this thread every row given is checked at once; the feed says how many wait for the worker.
      rowsWaiting: 0,
    };
  }
}

function feed(parts: Parts, record: TrafficRecord): void {
  parts.health.check(record);
  const profiles = parts.profiles;
  if (profiles === null || record.time === null) return;
  profiles.heatmap.add(record);
  profiles.typical.add(record);
  profiles.alarms.add(record);
}

const STATUS_RANK = { bad: 0, suspect: 1, ok: 2 } as const;

/** The checker's view with its lists capped; before the cadence is known, the held rows as given but not yet checked. */
export function healthPanel(view: HealthView | null, rowsGiven: number): HealthPanelView {
  if (view === null) {
    return {
      locations: [],
      locationCount: 0,
      statusCounts: { ok: 0, suspect: 0, bad: 0 },
      flags: [],
      counts: { rowsGiven, rowsChecked: 0, rowsWithoutTime: 0, duplicateTimes: 0, outOfOrder: 0, flagsRaised: 0, flagsKept: 0, flagsDropped: 0, byCheck: {} },
      columns: { measure: null, total: null, parts: [], flow: null, occupancy: null, speed: null },
    };
  }
  const statusCounts = { ok: 0, suspect: 0, bad: 0 };
  for (const location of view.locations) statusCounts[location.status]++;
  // Past the cap, the locations in trouble are the ones sent: bad, then suspect, then OK.
  const worstFirst = view.locations.length <= MAX_LOCATIONS_SENT ? view.locations : [...view.locations].sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status]);
  return {
    locations: worstFirst.slice(0, MAX_LOCATIONS_SENT),
    locationCount: view.locations.length,
    statusCounts,
    flags: view.flags.slice(-MAX_FLAGS_SENT).reverse(),
    counts: view.counts,
    columns: view.columns,
  };
}

function alarmsPanel(view: AlarmsView): AlarmsPanelView {
  return {
    measure: view.measure,
    active: view.active,
    closed: view.closed.slice(-MAX_ALARMS_SENT).reverse(),
    closedCount: view.closed.length + view.closedDropped,
    peers: view.peers,
  };
}

