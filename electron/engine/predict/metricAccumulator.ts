/**
 * A forecaster's accuracy over the rows it was scored on, kept as running sums so a metric costs
 * nothing per row to keep up to date and nothing to read. R² compares the squared errors with the
 * spread of the same rows' actual values (Welford's running variance: no cancellation on large
 * counts). MAPE is a fraction of the actual value and skips rows whose actual value is 0.
 */
import type { Metric } from '../../../shared/predict/predictContract';

export class MetricAccumulator {
  private rows = 0;
  private absoluteErrors = 0;
  private squaredErrors = 0;
  private actualMean = 0;
  private actualSquaredDeviations = 0;
  private percentRows = 0;
  private percentErrors = 0;

  add(actual: number, predicted: number): void {
    const error = actual - predicted;
    this.rows++;
    this.absoluteErrors += Math.abs(error);
    this.squaredErrors += error * error;
    const deviation = actual - this.actualMean;
    this.actualMean += deviation / this.rows;
    this.actualSquaredDeviations += deviation * (actual - this.actualMean);
    if (actual !== 0) {
      this.percentRows++;
      this.percentErrors += Math.abs(error / actual);
    }
  }

  metric(): Metric {
    const { rows } = this;
    if (rows === 0) return { rows, mae: null, rmse: null, r2: null, mape: null };
    return {
      rows,
      mae: this.absoluteErrors / rows,
      rmse: Math.sqrt(this.squaredErrors / rows),
      // Undefined when every actual value was the same: nothing to explain.
      r2: this.actualSquaredDeviations > 0 ? 1 - this.squaredErrors / this.actualSquaredDeviations : null,
      mape: this.percentRows > 0 ? this.percentErrors / this.percentRows : null,
    };
  }

  clear(): void {
    this.rows = this.absoluteErrors = this.squaredErrors = this.actualMean = 0;
    this.actualSquaredDeviations = this.percentRows = this.percentErrors = 0;
  }
}
