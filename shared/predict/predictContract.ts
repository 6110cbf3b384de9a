/**
 * The Predictions panel's part of the contract: what to forecast and from which features, how the
 * model trains (history + a sliding window of the stream), and the view the page is sent (metrics
 * beside naive baselines, the model card, a downsampled predicted-vs-actual series). Spread into
 * the app's one command map in ../contract.ts.
 */
import { z } from 'zod';

/**
 * Features derived from the stream, known before the interval they forecast. timeOfDay is cyclic
 * (two harmonics: traffic has a morning and an evening peak); dayOfWeek is cyclic plus a weekend
 * flag; lags are the same location's previous intervals; sameTimeYesterday is its value 24 h earlier.
 */
export const DERIVED_FEATURES = ['timeOfDay', 'dayOfWeek', 'lag1', 'lag2', 'lag4', 'sameTimeYesterday'] as const;
export type DerivedFeature = (typeof DERIVED_FEATURES)[number];

export const DERIVED_FEATURE_LABELS: Record<DerivedFeature, string> = {
  timeOfDay: 'Time of day (cyclic)',
  dayOfWeek: 'Day of week (cyclic + weekend)',
  lag1: 'Previous interval',
  lag2: '2 intervals earlier',
  lag4: '4 intervals earlier',
  sameTimeYesterday: 'Same time one day earlier',
};

/** Columns each derived feature adds to the model's input. */
export const DERIVED_FEATURE_WIDTH: Record<DerivedFeature, number> = {
  timeOfDay: 4,
  dayOfWeek: 3,
  lag1: 1,
  lag2: 1,
  lag4: 1,
  sameTimeYesterday: 1,
};

export const DEFAULT_DERIVED_FEATURES: readonly DerivedFeature[] = DERIVED_FEATURES;

export const MODEL_KINDS = ['linear', 'polynomial', 'ridge'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

export const MODEL_KIND_LABELS: Record<ModelKind, string> = {
  linear: 'Multivariate linear',
  polynomial: 'Polynomial (degree 2)',
  ridge: 'Ridge (L2-regularised)',
};

export const modelSettingsSchema = z
  .object({
    kind: z.enum(MODEL_KINDS),
    /**
     * Ridge penalty per training row on standardised features (the intercept is never penalised):
     * solves (ZᵀZ/n + λI)β = Zᵀy/n, so 0.01 shrinks gently and 1 strongly, whatever the window size.
     */
    lambda: z.number().nonnegative().max(1e6),
  })
  .strict();
export type ModelSettings = z.infer<typeof modelSettingsSchema>;

export const historySourceSchema = z.discriminatedUnion('kind', [
  /** Stream only: the first model is fitted once the window holds enough rows. */
  z.object({ kind: z.literal('none') }).strict(),
  /** The open file's first N days (by event time) train the model before the replay; replayed rows of those days are not scored. */
  z.object({ kind: z.literal('fileDays'), days: z.number().int().min(1).max(366) }).strict(),
  /** Another CSV with the same columns (by name) trains the model before the replay. */
  z.object({ kind: z.literal('csv'), path: z.string().min(1).max(4096) }).strict(),
]);
export type HistorySource = z.infer<typeof historySourceSchema>;

export const refitSettingsSchema = z
  .object({
    /** Refit after this many new training rows… */
    everyRows: z.number().int().min(100).max(10_000_000),
    /** …or after this many seconds with new rows, whichever comes first. */
    everySeconds: z.number().min(0.5).max(3600),
    /** Newest stream rows the model trains on (beside the history). */
    windowRows: z.number().int().min(100).max(1_000_000),
  })
  .strict();
export type RefitSettings = z.infer<typeof refitSettingsSchema>;

export const predictSettingsSchema = z
  .object({
    /** The measure forecast; null: `Total` when present, else the first measure. */
    target: z.string().max(1000).nullable(),
    derived: z.array(z.enum(DERIVED_FEATURES)).max(DERIVED_FEATURES.length),
    /** Raw columns of the same row used as inputs: known only once the interval is over (leakage is flagged). */
    rawColumns: z.array(z.string().max(1000)).max(100),
    model: modelSettingsSchema,
    history: historySourceSchema,
    refit: refitSettingsSchema,
    /** A residual beyond this many standard deviations is an anomaly. */
    anomalyK: z.number().min(1).max(10),
  })
  .strict();
export type PredictSettings = z.infer<typeof predictSettingsSchema>;

export const DEFAULT_PREDICT_SETTINGS: PredictSettings = {
  target: null,
  derived: [...DEFAULT_DERIVED_FEATURES],
  rawColumns: [],
  model: { kind: 'linear', lambda: 0.01 },
  history: { kind: 'fileDays', days: 7 },
  refit: { everyRows: 5000, everySeconds: 2, windowRows: 50_000 },
  anomalyK: 3,
};

/** off: no Predictions panel opened yet (rows are not sent to the model until then). */
export const PREDICT_STATES = ['off', 'waiting', 'loadingHistory', 'ready', 'failed'] as const;
export type PredictState = (typeof PREDICT_STATES)[number];

const nullableNumber = z.number().nullable();

/** One forecaster's accuracy over the rows it scored; null values until it scored any. */
export const metricSchema = z.object({
  rows: z.number(),
  mae: nullableNumber,
  rmse: nullableNumber,
  r2: nullableNumber,
  /** A fraction (0.123 is 12.3 %), over rows whose actual value is not 0. */
  mape: nullableNumber,
});
export type Metric = z.infer<typeof metricSchema>;

export const predictMetricsSchema = z.object({
  model: metricSchema,
  /** Naive forecast: the previous interval's value. */
  lastValue: metricSchema,
  /** Naive forecast: the value at the same time one day earlier. */
  sameTimeYesterday: metricSchema,
});
export type PredictMetrics = z.infer<typeof predictMetricsSchema>;

export const modelCardSchema = z.object({
  kind: z.enum(MODEL_KINDS),
  lambda: z.number(),
  target: z.string(),
  /** One per input column of the model, in the original units of that column. */
  coefficients: z.array(z.object({ name: z.string(), value: z.number() })),
  intercept: z.number(),
  /** Rows the last fit used: history + stream window. */
  trainingRows: z.number(),
  historyRows: z.number(),
  windowRows: z.number(),
  /** Event time span of the stream rows in the window; null without time or before any. */
  windowFrom: nullableNumber,
  windowTo: nullableNumber,
  /** Wall clock (epoch ms) of the last refit, and how long it took in the worker. */
  lastRefitAt: z.number(),
  refitMs: z.number(),
  refits: z.number(),
  /** R² of the fit on its own training rows. */
  trainingR2: nullableNumber,
});
export type ModelCard = z.infer<typeof modelCardSchema>;

export const leakageSchema = z.object({
  columns: z.array(z.string()),
  /** How well those columns alone reconstruct the target on the training rows. */
  r2: z.number(),
  message: z.string(),
});
export type Leakage = z.infer<typeof leakageSchema>;

export const anomalySchema = z.object({
  /** Event time (epoch ms), or the row's sequence number when the data has no time. */
  time: z.number(),
  location: z.string(),
  actual: z.number(),
  predicted: z.number(),
  /** Residual in standard deviations of the location's recent residuals at that hour of the day. */
  z: z.number(),
});
export type Anomaly = z.infer<typeof anomalySchema>;

export const seriesPointSchema = z.object({
  time: z.number(),
  actual: z.number(),
  predicted: z.number(),
  /** predicted ∓ anomalyK × the location's recent residual scale at that hour of the day. */
  lower: z.number(),
  upper: z.number(),
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

/** Points per chart view: series are downsampled (LTTB) to at most this many. */
export const SERIES_MAX_POINTS = 1000;

export const predictSeriesSchema = z.object({
  location: z.string(),
  /** Scored points held for this location before downsampling. */
  heldPoints: z.number(),
  points: z.array(seriesPointSchema),
  /** Anomalies among the held points (never dropped by downsampling). */
  anomalies: z.array(anomalySchema),
  /** Newest scored pairs, for the predicted-against-actual scatter. */
  scatter: z.array(z.object({ actual: z.number(), predicted: z.number() })),
});
export type PredictSeries = z.infer<typeof predictSeriesSchema>;

export const predictFeatureOptionSchema = z.object({
  id: z.enum(DERIVED_FEATURES),
  label: z.string(),
  /** False when the data cannot give it (no timestamp → no time features, no "yesterday"). */
  available: z.boolean(),
  reason: z.string().nullable(),
});

export const predictViewSchema = z.object({
  state: z.enum(PREDICT_STATES),
  /** What the model is waiting for, or why it failed, in plain words. */
  message: z.string().nullable(),
  settings: predictSettingsSchema,
  /** The target in use (settings.target resolved); null when the data has no numeric column. */
  target: z.string().nullable(),
  /** Numeric columns: candidate targets and raw features. */
  numericColumns: z.array(z.string()),
  features: z.array(predictFeatureOptionSchema),
  locations: z.array(z.object({ name: z.string(), scored: z.number() })),
  /** The location the series is for. */
  location: z.string().nullable(),
  rows: z.object({
    /** Rows handed to the model's worker, and how many it has worked through. */
    received: z.number(),
    processed: z.number(),
    /** received − processed: stays small when predictions keep pace. */
    backlog: z.number(),
    historyRows: z.number(),
    scored: z.number(),
    /** Rows the model could not forecast yet (a lag or yesterday's value missing, or no model yet). */
    warmingUp: z.number(),
    /** Replayed rows inside the history period: they trained the model, so they are not scored. */
    inHistoryPeriod: z.number(),
    /** Rows without a numeric target value. */
    noTarget: z.number(),
  }),
  /** Newest event time of the history: replayed rows up to it trained the model, so they are not scored. */
  historyUntil: z.number().nullable(),
  /** What the history was, once read ("2,688 rows: first 3.0 days (half the file; 7 asked)"); null before, or without one. */
  historyRead: z.string().nullable(),
  /** Over every location's scored rows. */
  metrics: predictMetricsSchema,
  /** Over the shown location's scored rows only (`location`); null without one. */
  locationMetrics: predictMetricsSchema.nullable(),
  model: modelCardSchema.nullable(),
  leakage: leakageSchema.nullable(),
  anomalies: z.array(anomalySchema),
  anomalyCount: z.number(),
  /** The selected location's series; null when unchanged since the previous update (the page keeps its copy). */
  series: predictSeriesSchema.nullable(),
});
export type PredictView = z.infer<typeof predictViewSchema>;

const ok = z.object({ ok: z.literal(true) });

/** What the panel exports as CSV: every held forecast, or the anomalies among them. */
export const PREDICT_EXPORTS = ['forecasts', 'anomalies'] as const;
export type PredictExport = (typeof PREDICT_EXPORTS)[number];

export const predictCommands = {
  /** The Predictions panel is shown: rows go to the model from the next one on, for as long as the app runs. */
  'predict:open': { args: z.object({}).strict(), result: ok },
  /** New settings: the model is rebuilt from the rows it holds and refitted at once; metrics start over. */
  'predict:configure': { args: predictSettingsSchema, result: ok },
  /** Which location's series the chart shows. */
  'predict:selectLocation': { args: z.object({ location: z.string().max(1000) }).strict(), result: ok },
  /**
   * Writes the export to `path`. The desktop shell and the web host run it for a path the user chose
   * (save dialog) or for a download; the page never sends it (shared/commandPaths.ts).
   */
  'predict:export': {
    args: z.object({ what: z.enum(PREDICT_EXPORTS), path: z.string().min(1).max(4096) }).strict(),
    result: z.object({ rows: z.number() }),
  },
} as const;

/** Answered by the desktop shell itself (a native dialog), never by the engine. */
export const predictShellCommands = {
  /** Asks for a history CSV; null when the user cancels. */
  'predict:showHistoryDialog': { args: z.object({}).strict(), result: z.object({ path: z.string() }).nullable() },
  /** Asks where to save the export, then writes it; null when the user cancels. */
  'predict:showExportDialog': {
    args: z.object({ what: z.enum(PREDICT_EXPORTS) }).strict(),
    result: z.object({ rows: z.number(), path: z.string() }).nullable(),
  },
} as const;
