/**
 * The Predictions panel as the engine sees it: a RowSink that packs every accepted row into
 * columnar batches for the prediction worker, and the latest view the worker reported. Nothing
 * here waits for the worker, so the replay never slows for a refit; the gap between rows sent and
 * rows the worker has worked through is reported as the backlog.
 */
import { Worker } from 'node:worker_threads';
import { DEFAULT_PREDICT_SETTINGS, DERIVED_FEATURES, DERIVED_FEATURE_LABELS, type PredictSettings, type PredictView } from '../../../shared/predict/predictContract';
import type { ColumnInfo } from '../../../shared/schema';
import type { PredictExport } from '../../../shared/predict/predictContract';
import type { FeedEntry } from '../stages/feedWindow';
import type { RowSink } from '../stages/rowSink';
import { BatchPacker, packLayoutFor, type PackLayout } from './batchPacker';
import type { PredictCoreView } from './predictionCore';
import type { FromPredictWorker, StreamFile, ToPredictWorker } from './predictWorkerMessages';
import { WORKER_BATCH_ROWS, WORKER_FLUSH_MS } from '../workerBatching';

let configuredWorkerPath: string | null = null;

/** The built worker script, set once at engine start; null: predictions are unavailable. */
export function configurePredictWorker(options: { workerPath: string | null }): void {
  configuredWorkerPath = options.workerPath;
}

export interface PredictionFeedOptions {
  onChange: () => void;
  settings?: PredictSettings;
}

interface WorkerReport {
  view: PredictCoreView;
  processed: number;
  loadingHistory: boolean;
  historyError: string | null;
}

export class PredictionFeed implements RowSink {
  private readonly onChange: () => void;
  private settings: PredictSettings;
  private worker: Worker | null = null;
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
  /** Exports the worker is writing, by request id. */
  private readonly exports = new Map<number, { resolve: (rows: number) => void; reject: (error: Error) => void }>();
  private nextExportId = 1;

  constructor(options: PredictionFeedOptions) {
    this.onChange = options.onChange;
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
    const path = configuredWorkerPath;
    if (!path) {
      this.failure = 'Predictions are unavailable: the prediction worker script was not found.';
      this.onChange();
      return;
    }
    const worker = new Worker(path);
    worker.unref();
    worker.on('message', (message: FromPredictWorker) => this.receive(message));
    worker.on('error', (error) => this.fail(`The prediction worker stopped: ${error.message}`));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.fail(`The prediction worker exited (code ${code}).`);
    });
    this.worker = worker;
    this.post({ kind: 'configure', settings: this.settings });
    this.onChange();
  }

  /** The file the next rows come from (history may be its first days); null while watching a topic. */
  useFile(file: StreamFile | null): void {
    this.file = file;
  }

  restart(columns: readonly ColumnInfo[]): void {
    this.clearFlushTimer();
    this.layout = packLayoutFor(columns);
    const key = JSON.stringify({ columns, file: this.file?.path ?? null, time: this.file?.schema.time ?? null });
    this.received = 0;
    if (key === this.streamKey && this.packer) {
      this.packer.take(); // rows of the old run not yet posted are dropped with it
      this.post({ kind: 'restartStream' });
    } else {
      this.streamKey = key;
      this.packer = new BatchPacker(this.layout, WORKER_BATCH_ROWS);
      const locationColumn = columns.find((column) => column.role === 'location')?.name ?? null;
      this.post({ kind: 'reset', input: this.layout.input, locationColumn, file: this.file });
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

  configure(settings: PredictSettings): void {
    this.settings = settings;
    this.flush(); // rows before the change belong to the old settings' run
    this.post({ kind: 'configure', settings });
  }

  selectLocation(name: string): void {
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
    this.worker?.postMessage(message, transfer);
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
    const text = parts.filter((part): part is string => part !== null).join(' ');
    return text === '' ? null : text;
  }

  async dispose(): Promise<void> {
    this.clearFlushTimer();
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
    for (const waiting of this.exports.values()) waiting.reject(new Error('The app is closing.'));
    this.exports.clear();
  }
}

const EMPTY_METRIC = { rows: 0, mae: null, rmse: null, r2: null, mape: null };
const EMPTY_METRICS = { model: EMPTY_METRIC, lastValue: EMPTY_METRIC, sameTimeYesterday: EMPTY_METRIC };
