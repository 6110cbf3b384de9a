/**
 * The prediction core: forecasts the next interval of the target at each location, prequentially.
 * For every stream row it first builds the row's inputs from what was known before it, forecasts,
 * scores the forecast (and the naive ones), and only then learns from the row — so no forecast has
 * seen its own answer. The model is refitted on the history plus a sliding window of the stream
 * every K rows or T seconds. Plain Node and synchronous: the worker that owns it decides threads,
 * timers and messages.
 */
import {
  DEFAULT_PREDICT_SETTINGS,
  type Leakage,
  type ModelCard,
  type PredictSeries,
  type PredictSettings,
  type PredictExport,
  type PredictView,
} from '../../../shared/predict/predictContract';
import { fitCoveredColumns } from './cycleCoverage';
import { writePredictExport } from './forecastCsv';
import { featureOptions, resolveSettings, type ResolvedSettings } from './effectiveSettings';
import { writeFeatureRow } from './featureRow';
import { predictRow, type RegressionFit } from './fitRegression';
import { checkLeakage } from './leakageCheck';
import type { FeatureLayout } from './featureLayout';
import { emptyLagValues, LocationLags } from './locationLags';
import type { PredictBatch, PredictInput } from './predictBatch';
import { RawRows } from './rawRows';
import { minTrainingRows, RefitSchedule } from './refitSchedule';
import { Scoreboard } from './scoreboard';
import { HISTORY_ROWS_CAP, trainingParts, TrainingRows } from './trainingWindow';

export interface PredictCoreView extends Omit<PredictView, 'state' | 'message' | 'rows' | 'series' | 'historyRead'> {
  rows: { processed: number; historyRows: number; scored: number; warmingUp: number; inHistoryPeriod: number; noTarget: number };
  /** Set when the model cannot forecast yet, in plain words (e.g. "Waiting for 50 training rows (12 so far)."); null once forecasting. */
  waitingFor: string | null;
  series: PredictSeries | null; // null when includeSeries was false or no location selected/known
}

/** Stream raw rows kept beyond the window: the rows before the window's oldest give it its lags. */
const STREAM_RAW_MARGIN = 1.25;
/** A long batch looks at the clock this often for a time-based refit (not on every row). */
const CLOCK_CHECK_ROWS = 4096;
/** Locations listed in the view. */
const VIEW_LOCATIONS = 1000;

interface Model {
  fit: RegressionFit;
  card: ModelCard;
  /** False when only history rows trained it: a new run of the stream may keep it. */
  usedStream: boolean;
}

interface Counts {
  processed: number;
  scored: number;
  warmingUp: number;
  inHistoryPeriod: number;
  noTarget: number;
}

const zeroCounts = (): Counts => ({ processed: 0, scored: 0, warmingUp: 0, inHistoryPeriod: 0, noTarget: 0 });

export class PredictionCore {
  private readonly now: () => number;
  private requested: PredictSettings = DEFAULT_PREDICT_SETTINGS;
  private input: PredictInput = { numericColumns: [], hasTime: false };
  private resolved: ResolvedSettings = resolveSettings(DEFAULT_PREDICT_SETTINGS, this.input);

  private names: string[] = [];
  private readonly nameIndex = new Map<string, number>();
  private selected: string | null = null;

  private historyRaw = new RawRows(0, HISTORY_ROWS_CAP);
  private historyLags = new LocationLags(false);
  private historyRows = new TrainingRows(0, HISTORY_ROWS_CAP);
  private historyReceived = 0;
  /** Event-time span of the history rows added so far; it takes effect at finishHistory. */
  private historyFrom = Number.POSITIVE_INFINITY;
  private historyTo = Number.NEGATIVE_INFINITY;
  private historySpan: { from: number; to: number } | null = null;

  private streamRaw = new RawRows(0, 1);
  private streamLags = new LocationLags(false);
  private window = new TrainingRows(0, 1);

  private model: Model | null = null;
  private refits = 0;
  private leakage: Leakage | null = null;
  private readonly schedule = new RefitSchedule();
  private scoreboard = new Scoreboard(DEFAULT_PREDICT_SETTINGS.anomalyK);
  private counts = zeroCounts();

  /** Per-row scratch: the row's lags and model inputs (no allocation per row). */
  private readonly lags = emptyLagValues();
  private features = new Float64Array(0);

  constructor(options: { now?: () => number } = {}) {
    this.now = options.now ?? Date.now;
    this.reset(this.input);
  }

  /** New data shape (new file / new columns): forgets everything incl. history, locations, model. Keeps settings. */
  reset(input: PredictInput): void {
    this.input = { numericColumns: [...input.numericColumns], hasTime: input.hasTime, mainMeasure: input.mainMeasure ?? null };
    this.names = [];
    this.nameIndex.clear();
    this.selected = null;
    const columns = input.numericColumns.length;
    this.historyRaw = new RawRows(columns, HISTORY_ROWS_CAP);
    this.forgetHistorySpan();
    this.historyReceived = 0;
    this.streamRaw = new RawRows(columns, this.streamRawCapacity(this.requested));
    this.counts = zeroCounts();
    this.refits = 0;
    this.rebuild();
  }

  /**
   * Settings replaced: features rebuilt from the retained raw rows (history, then stream window),
   * refit at once if enough rows; metrics, series and anomalies start over. Invalid parts are
   * dropped — the effective settings are reported in the view.
   */
  configure(settings: PredictSettings): void {
    this.requested = settings;
    const capacity = this.streamRawCapacity(settings);
    if (capacity !== this.streamRaw.capacity) this.streamRaw = this.streamRaw.resized(capacity);
    this.rebuild();
  }

  addLocations(names: readonly string[]): void {
    for (const name of names) {
      this.nameIndex.set(name, this.names.length);
      this.names.push(name);
    }
  }

  /** History rows: learn only (never scored). Can be called several times; then finishHistory(). */
  addHistory(batch: PredictBatch): void {
    const columns = this.input.numericColumns.length;
    for (let row = 0; row < batch.count; row++) {
      const time = batch.time[row] as number;
      this.historyReceived++;
      this.historyRaw.add(batch, row);
      if (time < this.historyFrom) this.historyFrom = time;
      if (time > this.historyTo) this.historyTo = time;
      this.learnHistoryRow(batch.location[row] as number, time, batch.values, row * columns);
    }
  }

  /**
   * Fits the first model on the history; remembers the history's event-time span: stream rows
   * inside it are counted inHistoryPeriod (update lag state only; not scored, not trained on again).
   */
  finishHistory(): void {
    this.historySpan = this.input.hasTime && this.historyFrom <= this.historyTo ? { from: this.historyFrom, to: this.historyTo } : null;
    // Stream rows already learnt may lie inside the span: relearn the stream side without them.
    if (this.streamRaw.size > 0) this.rebuildStream();
    this.refitOrForget();
  }

  /** Drops history (raw + span) e.g. when the user switches history source; model refit from the stream window. */
  clearHistory(): void {
    this.historyRaw.clear();
    this.historyRows.clear();
    this.historyLags.clear();
    this.historyReceived = 0;
    this.forgetHistorySpan();
    // Rows that were inside the old history's span are ordinary stream rows now.
    this.rebuildStream();
    this.refitOrForget();
  }

  /** Stream rows in arrival order: predict → score → learn; refits when due (rows or seconds). */
  process(batch: PredictBatch): void {
    const columns = this.input.numericColumns.length;
    for (let row = 0; row < batch.count; row++) {
      this.counts.processed++;
      this.streamRaw.add(batch, row);
      this.streamRow(batch.location[row] as number, batch.time[row] as number, batch.values, row * columns, true);
      if (this.counts.processed % CLOCK_CHECK_ROWS === 0) this.refitIfDue();
    }
    this.refitIfDue();
  }

  /** Time-based refit when rows stopped arriving (the wrapper calls this every second). Returns true when it refitted. */
  refitIfDue(): boolean {
    if (this.resolved.layout === null) return false;
    const due = this.model === null ? this.trainingRowCount() >= this.minRows() : this.schedule.dueByTime(this.resolved.settings.refit, this.now());
    return due && this.refit();
  }

  /** A new run of the replay: stream window, stream lag state, metrics, series, anomalies cleared; history and its model kept. */
  restartStream(): void {
    this.streamRaw.clear();
    this.streamLags = new LocationLags(this.input.hasTime);
    this.window.clear();
    this.startScoringOver();
    this.counts.processed = 0;
    this.schedule.forgetNewRows();
    // A model that learnt from the previous run has seen the rows about to be replayed.
    if (this.model?.usedStream) this.refitOrForget();
  }

  selectLocation(name: string): void {
    this.selected = name;
  }

  view(includeSeries: boolean): PredictCoreView {
    const { settings, target } = this.resolved;
    const location = this.viewLocation();
    const index = location === null ? -1 : (this.nameIndex.get(location) ?? -1);
    return {
      settings,
      target,
      numericColumns: [...this.input.numericColumns],
      features: featureOptions(this.input.hasTime),
      locations: this.names.slice(0, VIEW_LOCATIONS).map((name, i) => ({ name, scored: this.scoreboard.scored(i) })),
      location,
      rows: { ...this.counts, historyRows: this.historyReceived },
      historyUntil: this.historySpan?.to ?? null,
      waitingFor: this.waitingFor(),
      metrics: this.scoreboard.metrics(),
      locationMetrics: index >= 0 ? this.scoreboard.metricsAt(index) : null,
      model: this.model === null ? null : { ...this.model.card, coefficients: this.model.card.coefficients.map((c) => ({ ...c })) },
      leakage: this.leakage,
      anomalies: this.scoreboard.recentAnomalies(this.names),
      anomalyCount: this.scoreboard.anomalyCount,
      series: includeSeries && index >= 0 && location !== null ? this.scoreboard.series.series(index, location) : null,
    };
  }

  /** Writes the held forecasts, or the anomalies among them, as CSV through `write`; returns the data rows. */
  exportCsv(what: PredictExport, write: (text: string) => void): number {
    return writePredictExport(what, { series: this.scoreboard.series, names: this.names, hasTime: this.input.hasTime }, write);
  }

  // ——— learning and scoring rows ———

  private learnHistoryRow(location: number, time: number, values: Float64Array, at: number): void {
    const { layout, targetColumn } = this.resolved;
    if (layout === null) return;
    const actual = values[at + targetColumn] as number;
    if (Number.isFinite(actual)) {
      this.historyLags.read(location, time, this.lags);
      if (writeFeatureRow(layout, time, this.lags, values, at, this.features, 0)) this.historyRows.add(this.features, 0, actual, time);
    }
    this.historyLags.learn(location, time, actual);
  }

  /**
   * One stream row: forecast and score it (when `score`; a rebuild only relearns), then learn it.
   * Rows inside the history's span only move the lag state on: the history trained on them.
   */
  private streamRow(location: number, time: number, values: Float64Array, at: number, score: boolean): void {
    const { layout, targetColumn } = this.resolved;
    if (layout === null) {
      if (score) this.counts.noTarget++;
      return;
    }
    const actual = values[at + targetColumn] as number;
    const span = this.historySpan;
    if (span !== null && time >= span.from && time <= span.to) {
      if (score) {
        this.counts.inHistoryPeriod++;
        this.learnHistoryMiss(layout, location, time, actual, values, at);
      }
      this.streamLags.learn(location, time, actual);
      return;
    }
    if (!Number.isFinite(actual)) {
      if (score) this.counts.noTarget++;
      // The interval still passes: the next row's previous interval is this empty one.
      this.streamLags.learn(location, time, Number.NaN);
      return;
    }
    this.streamLags.read(location, time, this.lags);
    const complete = writeFeatureRow(layout, time, this.lags, values, at, this.features, 0);
    if (score) {
      if (complete && this.model !== null) {
        const predicted = predictRow(this.model.fit, this.features, 0);
        const when = Number.isFinite(time) ? time : this.counts.processed;
        this.scoreboard.score(location, when, actual, predicted, this.lags.lag1, this.lags.yesterday);
        this.counts.scored++;
      } else {
        this.counts.warmingUp++;
      }
    }
    // Learnt only now, after its forecast was scored.
    this.streamLags.learn(location, time, actual);
    if (!complete) return;
    this.window.add(this.features, 0, actual, time);
    this.schedule.learnt();
    if (score && (this.model === null ? this.trainingRowCount() >= this.minRows() : this.schedule.dueByRows(this.resolved.settings.refit))) this.refit();
  }

  /**
   * A replayed row the history trained on is not scored, but the model's miss on it tells the
   * anomaly scale how far off forecasts usually are at that location and hour, so the first scored
   * days are judged by their own hour rather than by the whole day's misses.
   */
  private learnHistoryMiss(layout: FeatureLayout, location: number, time: number, actual: number, values: Float64Array, at: number): void {
    if (this.model === null || !Number.isFinite(actual)) return;
    this.streamLags.read(location, time, this.lags);
    if (!writeFeatureRow(layout, time, this.lags, values, at, this.features, 0)) return;
    this.scoreboard.learnResidual(location, time, actual, predictRow(this.model.fit, this.features, 0));
  }

  // ——— rebuilding after new settings or a new history ———

  /** Applies the requested settings to the held raw rows: training rows, lags and scoring start over. */
  private rebuild(): void {
    this.resolved = resolveSettings(this.requested, this.input);
    const width = this.resolved.layout?.width ?? 0;
    this.features = new Float64Array(width);
    this.historyRows = new TrainingRows(width, HISTORY_ROWS_CAP);
    this.historyLags = new LocationLags(this.input.hasTime);
    const history = this.historyRaw.toBatch();
    this.forEachRow(history, (location, time, at) => this.learnHistoryRow(location, time, history.values, at));
    this.window = new TrainingRows(width, this.resolved.settings.refit.windowRows);
    this.rebuildStream();
    this.startScoringOver();
    this.model = null;
    this.leakage = null;
    if (this.trainingRowCount() >= this.minRows()) this.refit();
  }

  /** Relearns the window and the stream's lag state from the retained stream rows (nothing scored). */
  private rebuildStream(): void {
    this.streamLags = new LocationLags(this.input.hasTime);
    this.window.clear();
    const stream = this.streamRaw.toBatch();
    this.forEachRow(stream, (location, time, at) => this.streamRow(location, time, stream.values, at, false));
  }

  private forEachRow(batch: PredictBatch, visit: (location: number, time: number, valuesAt: number) => void): void {
    const columns = this.input.numericColumns.length;
    for (let row = 0; row < batch.count; row++) visit(batch.location[row] as number, batch.time[row] as number, row * columns);
  }

  private startScoringOver(): void {
    this.scoreboard = new Scoreboard(this.resolved.settings.anomalyK, { byHour: this.input.hasTime });
    this.counts = { ...zeroCounts(), processed: this.counts.processed };
  }

  private forgetHistorySpan(): void {
    this.historyFrom = Number.POSITIVE_INFINITY;
    this.historyTo = Number.NEGATIVE_INFINITY;
    this.historySpan = null;
  }

  private streamRawCapacity(settings: PredictSettings): number {
    return Math.ceil(settings.refit.windowRows * STREAM_RAW_MARGIN);
  }

  // ——— fitting ———

  private minRows(): number {
    return minTrainingRows(this.resolved.layout?.width ?? 0);
  }

  private trainingRowCount(): number {
    return this.historyRows.size + this.window.size;
  }

  /** Fits on the rows held now if they are enough; otherwise no model (it would describe rows that are gone). */
  private refitOrForget(): void {
    if (this.resolved.layout !== null && this.trainingRowCount() >= this.minRows()) {
      this.refit();
    } else {
      this.model = null;
      this.leakage = null;
    }
  }

  private refit(): boolean {
    const { layout, settings, target } = this.resolved;
    if (layout === null || target === null) return false;
    const started = performance.now();
    const parts = trainingParts(this.historyRows, this.window);
    const fit = fitCoveredColumns(parts, layout, settings.model, this.trainingSpan());
    // A degenerate fit keeps the previous model rather than forecasting NaN.
    if (!Number.isFinite(fit.intercept) || !fit.coefficients.every(Number.isFinite)) return false;
    this.leakage = checkLeakage(parts, layout.width, { positions: layout.rawPositions, names: settings.rawColumns }, target);
    const refitMs = performance.now() - started;
    const lastRefitAt = this.now();
    this.refits++;
    const { from, to } = this.window.timeSpan();
    const card: ModelCard = {
      kind: settings.model.kind,
      lambda: settings.model.kind === 'ridge' ? settings.model.lambda : 0,
      target,
      coefficients: layout.names.map((name, i) => ({ name, value: fit.coefficients[i] as number })),
      intercept: fit.intercept,
      trainingRows: fit.rows,
      historyRows: this.historyRows.size,
      windowRows: this.window.size,
      windowFrom: Number.isFinite(from) ? from : null,
      windowTo: Number.isFinite(to) ? to : null,
      lastRefitAt,
      refitMs,
      refits: this.refits,
      trainingR2: fit.r2,
    };
    this.model = { fit, card, usedStream: this.window.size > 0 };
    this.schedule.fitted(fit.rows, lastRefitAt);
    return true;
  }

  /** Event time from the oldest to the newest training row (0 without time). */
  private trainingSpan(): number {
    const spans = [this.historyRows, this.window].filter((rows) => rows.size > 0).map((rows) => rows.timeSpan());
    const from = Math.min(...spans.map((span) => span.from));
    const to = Math.max(...spans.map((span) => span.to));
    return Number.isFinite(to - from) ? to - from : 0;
  }

  // ——— view helpers ———

  /** The selected location when known, else the first with scored points, else the first. */
  private viewLocation(): string | null {
    if (this.selected !== null && this.nameIndex.has(this.selected)) return this.selected;
    const scored = this.names.findIndex((_, i) => this.scoreboard.scored(i) > 0);
    return this.names[scored >= 0 ? scored : 0] ?? null;
  }

  private waitingFor(): string | null {
    if (this.resolved.layout === null) return 'The data has no numeric column to forecast.';
    if (this.model !== null) return null;
    const needed = this.minRows();
    return `Waiting for ${needed} training rows (${this.trainingRowCount()} so far).`;
  }
}
