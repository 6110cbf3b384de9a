/**
 * The finest step the target's values are written in: 1 for counts, 0.1 for speeds given to one
 * decimal. A forecast closer to the actual value than half that step is as right as the data can
 * tell, so it is never an anomaly, however small the usual miss (a model fed same-row parts of the
 * target misses by rounding noise only, and a 3σ band of rounding noise flags rows where actual
 * and forecast are the same number).
 */

/** Decimals looked at: finer steps than 10⁻⁶ are taken as 10⁻⁶. */
const MAX_DECIMALS = 6;

export class ValueResolution {
  private decimals = 0;

  add(value: number): void {
    if (!Number.isFinite(value)) return;
    while (this.decimals < MAX_DECIMALS && !isWhole(value * 10 ** this.decimals)) this.decimals++;
  }

  /** Half the step of the values seen so far. */
  get halfStep(): number {
    return 0.5 * 10 ** -this.decimals;
  }
}

/** Whole up to the binary rounding of a decimal (0.1 × 10 is not exactly 1 in every case). */
function isWhole(scaled: number): boolean {
  return Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled));
}
