/**
 * The analysis stage as the engine holds it: a row sink of the visible session that hands every
 * accepted row, once, to the AnalysisStage in the analysis worker (the app passes its script), or
 * in this thread when there is none (unit tests). The checks cost about 2.5 µs a row together, more
 * than the replay itself spends on a row, so in the app they run beside the replay, at background
 * priority: this thread only packs each batch (analysisBatch.ts). The worker may fall behind a
 * full-speed replay by up to ANALYSIS_MAX_WAITING rows; beyond that `behind()` holds the replay
 * until it catches up, so the batches in flight stay bounded and every row is still checked. The
 * latest view the worker sent is what the page gets, only when it changed.
 */
import { ANALYSIS_MAX_WAITING, type AnalysisExport, type AnalysisSettings, type AnalysisView } from '../../../shared/analysis/analysisContract';
import type { ColumnInfo } from '../../../shared/schema';
import type { NetworkLinks } from '../alarms';
import type { FeedEntry, RowSink } from '../stages';
import { engineLog, WorkerChannel } from '../supervision';
import { batchLayout, BatchPacker } from './analysisBatch';
import { AnalysisStage, DEFAULT_ANALYSIS_SETTINGS, healthPanel } from './analysisStage';
import type { FromAnalysisWorker, ToAnalysisWorker } from './analysisWorkerMessages';

export interface AnalysisFeedOptions {
  onChange: () => void;
  measure: () => string | null;
  network: () => NetworkLinks | null;
  /** The bundled analysis worker; null runs the stage in this thread. */
  workerPath: string | null;
  /** Rows the worker may fall behind before the replay waits; ANALYSIS_MAX_WAITING by default. */
  maxWaiting?: number;
}

export class AnalysisFeed implements RowSink {
  private readonly local: AnalysisStage | null;
  private worker: WorkerChannel<ToAnalysisWorker, FromAnalysisWorker> | null = null;
  private columns: readonly ColumnInfo[] = [];
  private packer: BatchPacker | null = null;
  /** The run's first rows wait for restart to reach the worker with the network known by then. */
  private restartSent = false;
  private settings: AnalysisSettings = DEFAULT_ANALYSIS_SETTINGS;
  private selection: { heatmap: string | null; typical: string | null } = { heatmap: null, typical: null };
  private latest: AnalysisView | null = null;
  private fresh = false;
  private nextExport = 1;
  private readonly exports = new Map<number, { resolve: (rows: number) => void; reject: (error: Error) => void }>();
  private failure: string | null = null;
  /** The settings' `enabled` as this run started: switched off, rows are not even packed. */
  private runEnabled = true;
  /** This run's number (the worker's `checked` replies name it), rows sent to the worker and rows it checked. */
  private run = 0;
  private rowsSent = 0;
  private rowsChecked = 0;

  constructor(private readonly options: AnalysisFeedOptions) {
    this.local = options.workerPath === null ? new AnalysisStage({ onChange: options.onChange, measure: options.measure, network: options.network }) : null;
  }

  // --- RowSink -------------------------------------------------------------------------------

  restart(columns: readonly ColumnInfo[]): void {
    this.columns = columns;
    this.runEnabled = this.currentSettings.enabled;
    if (this.local) return this.local.restart(columns);
    this.packer = new BatchPacker(batchLayout(columns));
    this.restartSent = false;
    this.run++;
    this.rowsSent = 0;
    this.rowsChecked = 0;
    // Until the worker's first view of this run comes, the page shows the run as waiting.
    this.latest = null;
    this.fresh = true;
    this.options.onChange();
  }

  append(entries: readonly FeedEntry[]): void {
    if (!this.runEnabled) return;
    if (this.local) return this.local.append(entries);
    if (entries.length === 0 || this.packer === null) return;
    const worker = this.ensureWorker();
    if (!this.restartSent) {
      worker.post({ kind: 'configure', settings: this.settings });
      worker.post({ kind: 'restart', run: this.run, columns: [...this.columns], measure: this.options.measure(), network: this.networkLinks() });
      worker.post({ kind: 'select', ...this.selection });
      this.restartSent = true;
    }
    const batch = this.packer.pack(entries);
    worker.post({ kind: 'rows', batch }, [batch.numbers.buffer, batch.locations.buffer]);
    this.rowsSent += batch.rows;
  }

  /** The worker is ANALYSIS_MAX_WAITING rows or more behind: the replay waits (RowSink.behind). */
  behind(): boolean {
    return this.worker !== null && this.rowsSent - this.rowsChecked >= (this.options.maxWaiting ?? ANALYSIS_MAX_WAITING);
  }

  // --- Commands ------------------------------------------------------------------------------

  get currentSettings(): AnalysisSettings {
    return this.local?.currentSettings ?? this.settings;
  }

  configure(settings: AnalysisSettings): void {
    this.settings = settings;
    if (this.local) return this.local.configure(settings);
    this.worker?.post({ kind: 'configure', settings });
    if (this.latest) this.latest = { ...this.latest, settings, settingsPending: this.latest.health.counts.rowsGiven > 0 };
    this.fresh = true;
    this.options.onChange();
  }

  selectLocations(heatmap: string | null, typical: string | null): void {
    this.selection = { heatmap, typical };
    if (this.local) return this.local.selectLocations(heatmap, typical);
    this.worker?.post({ kind: 'select', heatmap, typical });
  }

  export(what: AnalysisExport, path: string): Promise<number> {
    if (this.local) return this.local.export(what, path);
    const worker = this.worker;
    // No row was given this run (the worker may still hold the last run's): the file has the header only.
    if (worker === null || !this.restartSent) return new AnalysisStage({ onChange: () => undefined, measure: () => null, network: () => null }).export(what, path);
    const id = this.nextExport++;
    return new Promise<number>((resolve, reject) => {
      this.exports.set(id, { resolve, reject });
      worker.post({ kind: 'export', id, what, path });
    });
  }

  /** The view when changed since the last one sent (null: unchanged, the page keeps its copy); `full` always gets it. */
  view(full: boolean): AnalysisView | null {
    if (!this.runEnabled) {
      if (!full && !this.fresh) return null;
      if (!full) this.fresh = false;
      return this.withFailure(null);
    }
    if (this.local) {
      const view = this.local.view(full);
      return view === null ? null : this.withFailure(view);
    }
    if (!full && !this.fresh) return null;
    if (!full) this.fresh = false;
    return this.withFailure(this.latest);
  }

  dispose(): void {
    void this.worker?.stop();
    this.worker = null;
    for (const waiting of this.exports.values()) waiting.reject(new Error('The analysis worker was stopped.'));
    this.exports.clear();
  }

  private withFailure(view: AnalysisView | null): AnalysisView {
    if (!this.runEnabled) return offView(this.currentSettings);
    const base = { ...(view ?? waitingView(this.currentSettings)), rowsWaiting: Math.max(0, this.rowsSent - this.rowsChecked) };
    return this.failure === null ? base : { ...base, message: this.failure };
  }

  private networkLinks(): NetworkLinks | null {
    const network = this.options.network();
    return network === null ? null : { links: network.links.map(({ from, to }) => ({ from, to })) };
  }

  private ensureWorker(): WorkerChannel<ToAnalysisWorker, FromAnalysisWorker> {
    if (this.worker) return this.worker;
    const worker = new WorkerChannel<ToAnalysisWorker, FromAnalysisWorker>(
      { name: 'analysis worker', path: this.options.workerPath as string, unref: true },
      {
        message: (message) => {
          if (message.kind === 'checked') {
            if (message.run !== this.run) return;
            const wasWaiting = this.rowsChecked < this.rowsSent;
            this.rowsChecked = message.rows;
            if (wasWaiting && this.rowsChecked >= this.rowsSent) {
              // Caught up: the page's "rows waiting" goes to 0 now, not with the next change of the view.
              this.fresh = true;
              this.options.onChange();
            }
            return;
          }
          if (message.kind === 'view') {
            // The last run's rows, still being checked when this run started: not this run's view.
            if (message.run !== this.run) return;
            this.latest = message.view;
            this.failure = null;
            this.fresh = true;
            this.options.onChange();
            return;
          }
          const waiting = this.exports.get(message.id);
          this.exports.delete(message.id);
          if (message.ok) waiting?.resolve(message.rows);
          else waiting?.reject(new Error(message.error));
        },
        died: (reason) => {
          this.worker = null;
          this.restartSent = false;
          // The rows it held are lost with it (the message says so): nothing to wait for.
          this.rowsSent = 0;
          this.rowsChecked = 0;
          engineLog('analysis worker', 'the analysis starts over with the next run.');
          this.failure = `The analysis stopped (${reason}); it starts again with the next replay.`;
          for (const waiting of this.exports.values()) waiting.reject(new Error(this.failure));
          this.exports.clear();
          this.fresh = true;
          this.options.onChange();
        },
      },
    );
    worker.start();
    this.worker = worker;
    return worker;
  }
}

function waitingView(settings: AnalysisSettings): AnalysisView {
  return {
    state: 'waiting',
    message: 'Press Replay: every row is checked as it arrives.',
    version: 0,
    measure: null,
    locationColumn: null,
    cadenceMs: null,
    settings,
    settingsPending: false,
    health: healthPanel(null, 0),
    heatmap: null,
    typicalDay: null,
    heatmapLocation: null,
    typicalLocation: null,
    alarms: null,
    rowsWaiting: 0,
  };
}

/** What the page shows while the checks are off this run: nothing counted, and how to turn them on. */
function offView(settings: AnalysisSettings): AnalysisView {
  const pending = settings.enabled ? ' They are on again from the next replay.' : ' Turn them on in the settings below; they start with the next replay.';
  return { ...waitingView(settings), state: 'waiting', settingsPending: settings.enabled, message: `Data quality, profiles and alarms are off for this run: no row is checked.${pending}` };
}
