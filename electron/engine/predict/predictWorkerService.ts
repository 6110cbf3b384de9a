/**
 * The prediction worker's logic, apart from the thread it runs on (so tests can drive it
 * directly): feeds the core, reads history, maps location codes, and posts the view a few times a
 * second. While history loads, stream rows wait here, so none is scored by a model that has not
 * seen the history, and none is learnt twice.
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { DEFAULT_PREDICT_SETTINGS, type HistorySource, type PredictSettings } from '../../../shared/predict/predictContract';
import type { PredictExport } from '../../../shared/predict/predictContract';
import { loadHistory } from './historyLoader';
import type { PredictBatch, PredictInput } from './predictBatch';
import { PredictionCore } from './predictionCore';
import type { FromPredictWorker, StreamFile, ToPredictWorker } from './predictWorkerMessages';

/** The view goes out at most this often: the chart updates 4 times a second. */
export const VIEW_INTERVAL_MS = 250;
/** Time-based refits are checked this often when rows stop arriving. */
const REFIT_CHECK_MS = 1000;

interface Stream {
  input: PredictInput;
  locationColumn: string | null;
  file: StreamFile | null;
}

export class PredictWorkerService {
  private readonly core = new PredictionCore();
  private settings: PredictSettings = DEFAULT_PREDICT_SETTINGS;
  private stream: Stream | null = null;
  /** Location name → the core's index, and the engine's location codes → the core's index. */
  private readonly coreIndex = new Map<string, number>();
  private streamCodes: number[] = [];
  private processed = 0;
  /** Stream rows that arrived while history loads. */
  private waiting: { batch: PredictBatch; newLocations: string[] }[] = [];
  private history: AbortController | null = null;
  private historyError: string | null = null;
  private historyRead: string | null = null;
  private dirty = true;
  /** When the view last went out (performance.now()). */
  private postedAt = 0;
  private readonly viewTimer: NodeJS.Timeout;
  private readonly refitTimer: NodeJS.Timeout;

  constructor(private readonly post: (message: FromPredictWorker) => void) {
    this.viewTimer = setInterval(() => this.postView(), VIEW_INTERVAL_MS);
    this.refitTimer = setInterval(() => {
      if (this.core.refitIfDue()) this.dirty = true;
    }, REFIT_CHECK_MS);
  }

  receive(message: ToPredictWorker): void {
    try {
      this.handle(message);
    } catch (error) {
      this.post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
    this.dirty = true;
    // While messages keep arriving, Node may work through the whole port queue before any timer
    // runs, so the timer alone could leave the engine without a view (and its backlog unknown) for
    // as long as the flood lasts: a view that is due goes out from here as well.
    if (performance.now() - this.postedAt >= VIEW_INTERVAL_MS) this.postView();
  }

  private handle(message: ToPredictWorker): void {
    switch (message.kind) {
      case 'reset':
        this.stream = { input: message.input, locationColumn: message.locationColumn, file: message.file };
        this.core.reset(message.input);
        this.coreIndex.clear();
        this.streamCodes = [];
        this.processed = 0;
        this.waiting = [];
        this.core.configure(this.settings);
        this.startHistory();
        return;
      case 'restartStream':
        this.core.restartStream();
        this.processed = 0;
        this.waiting = [];
        return;
      case 'configure': {
        const historyChanged = !sameHistory(this.settings.history, message.settings.history);
        this.settings = message.settings;
        this.core.configure(message.settings);
        if (historyChanged && this.stream) this.startHistory();
        return;
      }
      case 'rows':
        if (this.history) this.waiting.push({ batch: message.batch, newLocations: message.newLocations });
        else this.processStream(message.batch, message.newLocations);
        return;
      case 'selectLocation':
        this.core.selectLocation(message.name);
        return;
      case 'export':
        this.post(this.exportFile(message.id, message.what, message.path));
        return;
    }
  }

  /** Written synchronously: no rows are scored halfway through, so the file is one consistent moment. */
  private exportFile(id: number, what: PredictExport, path: string): FromPredictWorker {
    let fd: number | null = null;
    try {
      fd = openSync(path, 'w');
      const target = fd;
      const rows = this.core.exportCsv(what, (text) => writeSync(target, text));
      fd = null;
      closeSync(target);
      return { kind: 'exported', id, rows };
    } catch (error) {
      // A half-written file is worse than none.
      if (fd !== null) closeSync(fd);
      rmSync(path, { force: true });
      return { kind: 'exportFailed', id, message: error instanceof Error ? error.message : String(error) };
    }
  }

  private locate(names: readonly string[]): number[] {
    const fresh: string[] = [];
    const indexes = names.map((name) => {
      let index = this.coreIndex.get(name);
      if (index === undefined) {
        index = this.coreIndex.size;
        this.coreIndex.set(name, index);
        fresh.push(name);
      }
      return index;
    });
    if (fresh.length > 0) this.core.addLocations(fresh);
    return indexes;
  }

  /** Rewrites a batch's location codes (the sender's) into the core's indexes. */
  private translate(batch: PredictBatch, codes: number[]): void {
    const { location } = batch;
    for (let i = 0; i < batch.count; i++) location[i] = codes[location[i] as number] as number;
  }

  private processStream(batch: PredictBatch, newLocations: string[]): void {
    this.streamCodes.push(...this.locate(newLocations));
    this.translate(batch, this.streamCodes);
    this.core.process(batch);
    this.processed += batch.count;
  }

  private startHistory(): void {
    const stream = this.stream;
    if (!stream) return;
    this.history?.abort();
    this.core.clearHistory();
    this.historyError = null;
    this.historyRead = null;
    if (this.settings.history.kind === 'none') {
      this.history = null;
      this.drainWaiting();
      return;
    }
    const job = new AbortController();
    this.history = job;
    const codes: number[] = [];
    const onBatch = (batch: PredictBatch, newLocations: string[]): void => {
      if (job.signal.aborted) return;
      codes.push(...this.locate(newLocations));
      this.translate(batch, codes);
      this.core.addHistory(batch);
    };
    loadHistory(this.settings.history, stream, onBatch, job.signal).then(
      (result) => {
        if (this.history !== job) return;
        this.historyRead = `${result.rows.toLocaleString('en-US')} rows: ${result.description}`;
        this.core.finishHistory();
        this.finishLoading();
      },
      (error: unknown) => {
        if (this.history !== job) return;
        this.core.clearHistory();
        this.historyError = `History not used: ${error instanceof Error ? error.message : String(error)}`;
        this.finishLoading();
      },
    );
  }

  private finishLoading(): void {
    this.history = null;
    this.drainWaiting();
    this.dirty = true;
    this.postView();
  }

  private drainWaiting(): void {
    for (const { batch, newLocations } of this.waiting.splice(0)) this.processStream(batch, newLocations);
  }

  private postView(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.postedAt = performance.now();
    this.post({
      kind: 'view',
      view: this.core.view(true),
      processed: this.processed,
      loadingHistory: this.history !== null,
      historyError: this.historyError,
      historyRead: this.historyRead,
    });
  }

  dispose(): void {
    clearInterval(this.viewTimer);
    clearInterval(this.refitTimer);
    this.history?.abort();
  }
}

function sameHistory(a: HistorySource, b: HistorySource): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
