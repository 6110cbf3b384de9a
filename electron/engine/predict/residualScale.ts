/**
 * How far off forecasts usually are, per key (a location, or a location at one hour of the day),
 * to tell an anomaly from ordinary noise and to draw the band around the forecast. The scale is the
 * root mean square of the residuals about zero, not their spread about their mean: a forecast that
 * runs systematically behind a morning ramp is off by that much, and an interval as far off as the
 * ramp usually is, is not unusual. An exponentially weighted mean square follows a key as its
 * traffic changes; for the first 1/α residuals the weight is 1/n instead (a plain mean square), so
 * the early estimate is not biased towards zero. The scale is read before a residual is added: a
 * spike is judged against the past, not against itself.
 */

/** Weight of the newest residual: about the last 50 residuals matter. */
export const RESIDUAL_WEIGHT = 0.02;
/** Residuals a key needs before its scale is trusted (no band, no anomalies before). */
export const MIN_RESIDUALS = 20;

export class ResidualScale {
  private counts: number[] = [];
  private meanSquares: number[] = [];

  /** Residuals added for a key. */
  count(key: number): number {
    return this.counts[key] ?? 0;
  }

  /** The key's residual scale; NaN until it has `least` residuals (MIN_RESIDUALS unless told). */
  sigma(key: number, least = MIN_RESIDUALS): number {
    return this.count(key) >= least ? Math.sqrt(this.meanSquares[key] as number) : Number.NaN;
  }

  /**
   * Adds a residual. `clampAt` (k·σ for an anomaly) caps its influence: one wild value must not
   * inflate the scale so much that the next anomalies go unseen.
   */
  add(key: number, residual: number, clampAt = Number.POSITIVE_INFINITY): void {
    const count = this.count(key) + 1;
    const value = Math.min(Math.abs(residual), clampAt);
    const weight = Math.max(RESIDUAL_WEIGHT, 1 / count);
    const meanSquare = this.meanSquares[key] ?? 0;
    this.counts[key] = count;
    this.meanSquares[key] = meanSquare + weight * (value * value - meanSquare);
  }

  clear(): void {
    this.counts = [];
    this.meanSquares = [];
  }
}
