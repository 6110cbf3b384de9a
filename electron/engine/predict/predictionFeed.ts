/**
 * The Predictions panel as the engine sees it: a RowSink that packs every accepted row into
 * columnar batches for the prediction worker, and the latest view the worker reported. Nothing
 * here waits for the worker, so the replay never slows for a refit; the gap between rows sent and
 * rows the worker has worked through is reported as the backlog. A backlog of PREDICT_MAX_WAITING
 * rows or more holds the replay (RowSink.behind) until the worker catches up: the batches in
 * flight stay bounded, a looping replay at full speed cannot bury the worker under a queue it
 * never works off, and every row is still forecast.
 *
 * The worker is supervised: if it dies (its heap, an uncaught error, a terminate) it is logged, a
 * fresh one starts with the same settings and stream (reading the file's history again), and the
 * panel says that the model and forecasts so far were lost. One that keeps dying is left down.
 */
import { DEFAULT_PREDICT_SETTINGS, DERIVED_FEATURES, DERIVED_FEATURE_LABELS, type PredictSettings, type PredictView } from '../../../shared/predict/predictContract';
import type { ColumnInfo } from '../../../shared/schema';
import type { PredictExport } from '../../../shared/predict/predictContract';
import type { FeedEntry } from '../stages';
import { engineLog } from '../supervision';
import { RestartBudget } from '../supervision';
import { WorkerChannel } from '../supervision';
import type { RowSink } from '../stages';
import { BatchPacker, packLayoutFor, type PackLayout } from './batchPacker';
import type { PredictCoreView } from './predictionCore';
import type { FromPredictWorker, StreamFile, ToPredictWorker } from './predictWorkerMessages';
import { WORKER_BATCH_ROWS, WORKER_FLUSH_MS } from '../workerBatching';

/** Rows the prediction worker may fall behind the stream before the replay waits for it. */
export const PREDICT_MAX_WAITING = 200_000;

export interface PredictionFeedOptions {
  onChange: () => void;
  settings?: PredictSettings;
  /** The built worker script (the engine's option); null or absent: predictions are unavailable. */
  workerPath?: string | null;
  /** Rows the worker may fall behind before the replay waits; PREDICT_MAX_WAITING by default. */
  maxWaiting?: number;
  /** The file's main measure (the schema's), forecast when the settings name no target; absent: chosen by name. */
  measure?: () => string | null;
}

interface WorkerReport {
  view: PredictCoreView;
  processed: number;
  loadingHistory: boolean;
  historyError: string | null;
  historyRead: string | null;
}

export class PredictionFeed implements RowSink {
  private readonly onChange: () => void;
  private readonly workerPath: string | null;
  private readonly maxWaiting: number;
  private readonly fileMeasure: () => string | null;
  private settings: PredictSettings;
  private worker: WorkerChannel<ToPredictWorker, FromPredictWorker> | null = null;
  private failure: string | null = null;
  private file: StreamFile | null = null;
  /** What the last reset described: a restart with the same columns and file only restarts the stream. */
  private streamKey: string | null = null;
  private layout: PackLayout | null = null;
  private packer: BatchPacker | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private received = 0;
  private report: WorkerReport | null = null;
  /** True when the worker sent a series the page has not been given yet. */
  private seriesFresh = false;
  /** The stream the worker was last given: what a restarted worker is given again. */
  private resetMessage: Extract<ToPredictWorker, { kind: 'reset' }> | null = null;
  private selectedLocation: string | null = null;
  /** Said until the next replay: a worker died and its model went with it. */
  private notice: string | null = null;
  private readonly restarts = new RestartBudget();
  /** Exports the worker is writing, by request id. */
  private readonly exports = new Map<number, { resolve: (rows: number) => void; reject: (error: Error) => void }>();
  private nextExportId = 1;

  constructor(options: PredictionFeedOptions) {
    this.onChange = options.onChange;
    this.workerPath = options.workerPath ?? null;
    this.maxWaiting = options.maxWaiting ?? PREDICT_MAX_WAITING;
    this.fileMeasure = options.measure ?? ((): null => null);
    this.settings = options.settings ?? DEFAULT_PREDICT_SETTINGS;
  }

  get isOpen(): boolean {
    return this.worker !== null || this.failure !== null;
  }

  get currentSettings(): PredictSettings {
    return this.settings;
  }

  /** Starts the worker (once). Rows go to it from the next restart or append on. */
  open(): void {
    if (this.isOpen) return;
    const path = this.workerPath;
    if (!path) {
      this.failure = 'Predictions are unavailable: the prediction worker script was not found.';
      this.onChange();
      return;
    }
    this.startWorker(path);
    this.onChange();
  }

  private startWorker(path: string): void {
    const worker = new WorkerChannel<ToPredictWorker, FromPredictWorker>(
      { name: 'prediction worker', path, unref: true },
      {
        message: (message) => this.receive(message),
        died: (reason) => {
          if (this.worker === worker) this.lost(path, reason);
        },
      },
    );
    worker.start();
    this.worker = worker;
    this.post({ kind: 'configure', settings: this.settings });
  }

  /** The worker died without dispose(): log it, start a fresh one on the same stream, and say what was lost. */
  private lost(path: string, reason: string): void {
    this.worker = null;
    this.clearFlushTimer();
    if (!this.restarts.take()) {
      engineLog('prediction worker', `not restarted: it stopped ${this.restarts.limit} times within a minute`);
      this.fail(`The prediction worker stopped (${reason}) ${this.restarts.limit} times within a minute and was not started again; forecasts are off until the app restarts.`);
      return;
    }
    this.startWorker(path);
    // Rows packed for the dead worker go with it; the new one starts on the stream from here.
    this.packer?.take();
    if (this.resetMessage) this.post(this.resetMessage);
    if (this.selectedLocation !== null) this.post({ kind: 'selectLocation', name: this.selectedLocation });
    this.report = null;
    this.received = 0;
    const history = this.resetMessage?.file ? ' (reading the history again)' : '';
    this.notice = `The prediction worker stopped (${reason}) and was restarted: the model and the forecasts so far were lost, and it learns again from the next rows${history}.`;
    engineLog('prediction worker', 'restarted');
    this.onChange();
  }

  /** The file the next rows come from (history may be its first days); null while watching a topic. */
  useFile(file: StreamFile | null): void {
    this.file = file;
  }

  restart(columns: readonly ColumnInfo[]): void {
    this.clearFlushTimer();
    this.layout = packLayoutFor(columns, this.fileMeasure());
    const key = JSON.stringify({ columns, file: this.file?.path ?? null, time: this.file?.schema.time ?? null, measure: this.layout.input.mainMeasure });
    this.received = 0;
    this.notice = null;
    if (key === this.streamKey && this.packer) {
      this.packer.take(); // rows of the old run not yet posted are dropped with it
      this.post({ kind: 'restartStream' });
    } else {
      this.streamKey = key;
      this.packer = new BatchPacker(this.layout, WORKER_BATCH_ROWS);
      const locationColumn = columns.find((column) => column.role === 'location')?.name ?? null;
      this.resetMessage = { kind: 'reset', input: this.layout.input, locationColumn, file: this.file };
      this.post(this.resetMessage);
      this.report = null;
    }
    this.onChange();
  }

  append(entries: readonly FeedEntry[]): void {
    const packer = this.packer;
    if (!packer || !this.worker) return;
    this.received += entries.length;
    for (let i = 0; i < entries.length; i++) {
      packer.add((entries[i] as FeedEntry).record);
      if (packer.full) this.flush();
    }
    if (packer.size > 0 && !this.flushTimer) {
      this.flushTimer = setTimeout(() => this.flush(), WORKER_FLUSH_MS);
      this.flushTimer.unref();
    }
  }

  /**
   * The worker is maxWaiting rows or more behind the rows sent: the replay waits (RowSink.behind).
   * A failed worker holds nothing: it will not catch up.
   */
  behind(): boolean {
    return this.worker !== null && this.failure === null && this.received - (this.report?.processed ?? 0) >= this.maxWaiting;
  }

  configure(settings: PredictSettings): void {
    this.settings = settings;
    this.flush(); // rows before the change belong to the old settings' run
    this.post({ kind: 'configure', settings });
  }

  selectLocation(name: string): void {
    this.selectedLocation = name;
    this.flush();
    this.post({ kind: 'selectLocation', name });
  }

  /**
   * Has the worker write the held forecasts or anomalies to `path` (rows sent so far first), and
   * resolves to the data rows written. Rejects when the panel was never opened or the worker fails.
   */
  export(what: PredictExport, path: string): Promise<number> {
    if (!this.worker) return Promise.reject(new Error(this.failure ?? 'Open the Predictions panel and replay a file first: there are no forecasts yet.'));
    this.flush();
    const id = this.nextExportId++;
    return new Promise<number>((resolve, reject) => {
      this.exports.set(id, { resolve, reject });
      this.post({ kind: 'export', id, what, path });
    });
  }

  private flush(): void {
    this.clearFlushTimer();
    const taken = this.packer?.take();
    if (!taken) return;
    const { batch } = taken;
    // The packer's arrays are fresh copies: handing them over (not cloning) costs nothing here.
    const transfer = [batch.location.buffer, batch.time.buffer, batch.values.buffer] as ArrayBuffer[];
    this.post({ kind: 'rows', batch, newLocations: taken.newLocations }, transfer);
  }

  private post(message: ToPredictWorker, transfer: ArrayBuffer[] = []): void {
    this.worker?.post(message, transfer);
  }

  private receive(message: FromPredictWorker): void {
    if (message.kind === 'failed') {
      this.fail(message.message);
      return;
    }
    if (message.kind === 'exported' || message.kind === 'exportFailed') {
      const waiting = this.exports.get(message.id);
      this.exports.delete(message.id);
      if (message.kind === 'exported') waiting?.resolve(message.rows);
      else waiting?.reject(new Error(message.message));
      return;
    }
    this.report = message;
    this.seriesFresh = true;
    this.onChange();
  }

  private fail(message: string): void {
    this.failure = message;
    for (const waiting of this.exports.values()) waiting.reject(new Error(message));
    this.exports.clear();
    this.onChange();
  }

  private clearFlushTimer(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
  }

  /** `full`: a window that (re)connects gets the series even when it has not changed. */
  view(full: boolean): PredictView {
    const report = this.report;
    const core = report?.view ?? null;
    const processed = report?.processed ?? 0;
    const sendSeries = full || this.seriesFresh;
    if (!full) this.seriesFresh = false;
    const features = core?.features ?? DERIVED_FEATURES.map((id) => ({ id, label: DERIVED_FEATURE_LABELS[id], available: true, reason: null }));
    return {
      state: this.state(core),
      message: this.message(core),
      settings: core?.settings ?? this.settings,
      target: core?.target ?? null,
      numericColumns: core?.numericColumns ?? this.layout?.input.numericColumns ?? [],
      features,
      locations: core?.locations ?? [],
      location: core?.location ?? null,
      rows: {
        received: this.received,
        processed,
        backlog: Math.max(0, this.received - processed),
        historyRows: core?.rows.historyRows ?? 0,
        scored: core?.rows.scored ?? 0,
        warmingUp: core?.rows.warmingUp ?? 0,
        inHistoryPeriod: core?.rows.inHistoryPeriod ?? 0,
        noTarget: core?.rows.noTarget ?? 0,
      },
      historyUntil: core?.historyUntil ?? null,
      historyRead: report?.historyRead ?? null,
      metrics: core?.metrics ?? EMPTY_METRICS,
      locationMetrics: core?.locationMetrics ?? null,
      model: core?.model ?? null,
      leakage: core?.leakage ?? null,
      anomalies: core?.anomalies ?? [],
      anomalyCount: core?.anomalyCount ?? 0,
      series: sendSeries ? (core?.series ?? null) : null,
    };
  }

  private state(core: PredictCoreView | null): PredictView['state'] {
    if (this.failure) return 'failed';
    if (!this.worker) return 'off';
    if (this.report?.loadingHistory) return 'loadingHistory';
    return core && core.model && core.waitingFor === null ? 'ready' : 'waiting';
  }

  private message(core: PredictCoreView | null): string | null {
    if (this.failure) return this.failure;
    if (!this.worker) return 'The model starts learning from the moment the Predictions panel is open.';
    if (this.report?.loadingHistory) return 'Reading the history…';
    const parts = [this.report?.historyError ?? null, core?.waitingFor ?? (core ? null : 'Waiting for rows: press Replay.')];
    const text = [this.notice, ...parts].filter((part): part is string => part !== null).join(' ');
    return text === '' ? null : text;
  }

  async dispose(): Promise<void> {
    this.clearFlushTimer();
    const worker = this.worker;
    this.worker = null;
    await worker?.stop();
    for (const waiting of this.exports.values()) waiting.reject(new Error('The app is closing.'));
    this.exports.clear();
  }
}

const EMPTY_METRIC = { rows: 0, mae: null, rmse: null, r2: null, mape: null };
const EMPTY_METRICS = { model: EMPTY_METRIC, lastValue: EMPTY_METRIC, sameTimeYesterday: EMPTY_METRIC };
