/**
 * How far off a location's forecasts usually are, to tell an anomaly from ordinary noise and to
 * draw the band around the forecast. An exponentially weighted mean and variance of the residuals
 * follow a location as its traffic changes; for the first 1/α residuals the weight is 1/n instead
 * (a plain running mean and variance), so the early estimate is not biased towards zero. The scale
 * is read before a residual is added: a spike is judged against the past, not against itself.
 */

/** Weight of the newest residual: about the last 50 residuals matter. */
export const RESIDUAL_WEIGHT = 0.02;
/** Residuals a location needs before its scale is trusted (no band, no anomalies before). */
export const MIN_RESIDUALS = 20;

export class ResidualScale {
  private counts: number[] = [];
  private means: number[] = [];
  private variances: number[] = [];

  /** The location's residual standard deviation; NaN until it has MIN_RESIDUALS residuals. */
  sigma(location: number): number {
    return (this.counts[location] ?? 0) >= MIN_RESIDUALS ? Math.sqrt(this.variances[location] as number) : Number.NaN;
  }

  /**
   * Adds a residual. `clampAt` (k·σ for an anomaly) caps its influence: one wild value must not
   * inflate the scale so much that the next anomalies go unseen.
   */
  add(location: number, residual: number, clampAt = Number.POSITIVE_INFINITY): void {
    const count = (this.counts[location] ?? 0) + 1;
    const mean = this.means[location] ?? 0;
    const variance = this.variances[location] ?? 0;
    const value = Math.max(mean - clampAt, Math.min(mean + clampAt, residual));
    const weight = Math.max(RESIDUAL_WEIGHT, 1 / count);
    const difference = value - mean;
    const step = weight * difference;
    this.counts[location] = count;
    this.means[location] = mean + step;
    this.variances[location] = (1 - weight) * (variance + difference * step);
  }

  clear(): void {
    this.counts = [];
    this.means = [];
    this.variances = [];
  }
}
