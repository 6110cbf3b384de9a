/**
 * Everything the stream's forecasts are judged by, updated as each row is scored: the model's
 * metrics beside the two naive forecasts, the residual scale (per location and hour of the day)
 * that draws the band and flags anomalies, the chart's points and the list of recent anomalies. The baselines are scored
 * only on the rows the model was scored on (and where the baseline has a value), so the comparison
 * the page shows is like for like.
 */
import type { Anomaly, PredictMetrics } from '../../../shared/predict/predictContract';
import { LocationSeries } from './locationSeries';
import { MetricAccumulator } from './metricAccumulator';
import { AnomalyScale } from './anomalyScale';
import { ValueResolution } from './valueResolution';

/** Newest anomalies across locations the view lists. */
export const LISTED_ANOMALIES = 100;

interface RecentAnomaly {
  location: number;
  time: number;
  actual: number;
  predicted: number;
  z: number;
}

export class Scoreboard {
  private readonly model = new MetricAccumulator();
  private readonly lastValue = new MetricAccumulator();
  private readonly sameTimeYesterday = new MetricAccumulator();
  /** The same three per location: one junction's chart is judged by that junction's figures. */
  private readonly byLocation: { model: MetricAccumulator; lastValue: MetricAccumulator; sameTimeYesterday: MetricAccumulator }[] = [];
  private readonly scale: AnomalyScale;
  private readonly resolution = new ValueResolution();
  readonly series = new LocationSeries();
  private recent: RecentAnomaly[] = [];
  private anomalies = 0;
  private scoredAt: number[] = [];

  /**
   * `anomalyK`: a residual beyond this many standard deviations is an anomaly. `byHour`: times are
   * event times, so misses are judged against the same hour of the day.
   */
  constructor(
    private readonly anomalyK: number,
    options: { byHour?: boolean } = {},
  ) {
    this.scale = new AnomalyScale(options.byHour ?? false);
  }

  /**
   * A miss on a row that is not scored (a replayed row the history trained on): it tells the scale
   * how far off forecasts usually are at that hour before the first scored row of it.
   */
  learnResidual(location: number, time: number, actual: number, predicted: number): void {
    this.resolution.add(actual);
    this.scale.add(location, time, actual - predicted, this.anomalyK);
  }

  /**
   * Scores one forecast. `time` is the event time (or sequence number); `lastValue` and `yesterday`
   * are the naive forecasts for the same row, NaN where the location has none.
   */
  score(location: number, time: number, actual: number, predicted: number, lastValue: number, yesterday: number): void {
    const here = (this.byLocation[location] ??= { model: new MetricAccumulator(), lastValue: new MetricAccumulator(), sameTimeYesterday: new MetricAccumulator() });
    const all = { model: this.model, lastValue: this.lastValue, sameTimeYesterday: this.sameTimeYesterday };
    for (const board of [all, here]) {
      board.model.add(actual, predicted);
      if (Number.isFinite(lastValue)) board.lastValue.add(actual, lastValue);
      if (Number.isFinite(yesterday)) board.sameTimeYesterday.add(actual, yesterday);
    }
    this.scoredAt[location] = (this.scoredAt[location] ?? 0) + 1;

    const residual = actual - predicted;
    this.resolution.add(actual);
    // Never narrower than the data can tell apart: a miss within half a step is no miss (NaN stays NaN: no scale yet).
    const sigma = Math.max(this.scale.sigma(location, time), this.resolution.halfStep / this.anomalyK);
    const band = this.anomalyK * sigma;
    const anomaly = Math.abs(residual) > band;
    const z = anomaly ? residual / sigma : Number.NaN;
    this.scale.add(location, time, residual, this.anomalyK);
    const known = Number.isFinite(band);
    this.series.push(location, {
      time,
      actual,
      predicted,
      lower: known ? predicted - band : predicted,
      upper: known ? predicted + band : predicted,
      anomalyZ: z,
    });
    if (anomaly) {
      this.anomalies++;
      this.recent.push({ location, time, actual, predicted, z });
      // Trimmed in bulk: a burst of anomalies costs one splice per LISTED_ANOMALIES, not one each.
      if (this.recent.length >= 2 * LISTED_ANOMALIES) this.recent.splice(0, this.recent.length - LISTED_ANOMALIES);
    }
  }

  metrics(): PredictMetrics {
    return { model: this.model.metric(), lastValue: this.lastValue.metric(), sameTimeYesterday: this.sameTimeYesterday.metric() };
  }

  /** The metrics over one location's scored rows (all null before it has any). */
  metricsAt(location: number): PredictMetrics {
    const here = this.byLocation[location];
    if (here === undefined) {
      const none = new MetricAccumulator().metric();
      return { model: none, lastValue: none, sameTimeYesterday: none };
    }
    return { model: here.model.metric(), lastValue: here.lastValue.metric(), sameTimeYesterday: here.sameTimeYesterday.metric() };
  }

  /** Rows scored at a location. */
  scored(location: number): number {
    return this.scoredAt[location] ?? 0;
  }

  /** Anomalies flagged since the scoring started over. */
  get anomalyCount(): number {
    return this.anomalies;
  }

  /** The newest anomalies across locations, newest first. */
  recentAnomalies(names: readonly string[]): Anomaly[] {
    return this.recent
      .slice(-LISTED_ANOMALIES)
      .reverse()
      .map(({ location, ...rest }) => ({ ...rest, location: names[location] ?? `#${location}` }));
  }
}
