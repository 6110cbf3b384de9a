/**
 * Least squares on the training rows, in a form that stays fast at replay speed: the columns are
 * standardised, the Gram matrix ZᵀZ/n and Zᵀy/n are accumulated in one pass over the rows, and the
 * small p×p system is solved with ml-matrix. The cost grows with rows × p² but not with anything
 * per row on the heap, so 100,000 rows refit in milliseconds inside the worker.
 *
 * Standardising first makes the ridge penalty mean the same for every column (a count of cars and a
 * sin() term are on different scales) and keeps the system well conditioned; the coefficients are
 * turned back into each column's own units for the model card and for forecasting.
 */
import { CholeskyDecomposition, Matrix, pseudoInverse } from 'ml-matrix';
import type { ModelSettings } from '../../../shared/predict/predictContract';

/** A block of training rows: row-major inputs (y.length rows × the fit's width) and their targets. */
export interface DesignPart {
  x: Float64Array;
  y: Float64Array;
}

export interface RegressionFit {
  /** One per fitted column, in that column's original units; 0 for a column that never varies. */
  coefficients: Float64Array;
  intercept: number;
  rows: number;
  /** R² on the training rows; null when the target never varies. */
  r2: number | null;
  /** Each fitted column's correlation with the target (0 for a constant column or target). */
  targetCorrelations: Float64Array;
}

/**
 * Singular values below this fraction of the largest (times p) are treated as zero: collinear
 * columns (a lag that duplicates another, a raw column that is a sum of others) then share their
 * weight instead of blowing up into huge opposite coefficients.
 */
const SINGULAR_CUTOFF = 1e-10;

/**
 * Fits target ~ columns of the parts' rows. `width` is the number of values per row in the parts;
 * `columns` (default all) picks the ones fitted, so the leakage check can regress on the raw
 * columns alone without copying rows. Polynomial is linear here: its degree-2 terms are columns
 * already (see featureLayout).
 */
export function fitRegression(parts: readonly DesignPart[], width: number, model: ModelSettings, columns?: readonly number[]): RegressionFit {
  const picked = columns ?? Array.from({ length: width }, (_, i) => i);
  const p = picked.length;
  const pick = Int32Array.from(picked);
  const rows = parts.reduce((sum, part) => sum + part.y.length, 0);
  if (rows === 0) throw new Error('Cannot fit a model without training rows.');

  const { means, meanY } = columnMeans(parts, width, pick, rows);
  const { gram, cross, sumYY } = centredGram(parts, width, pick, means, meanY);

  const scale = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    const sd = Math.sqrt((gram[a * p + a] as number) / rows);
    // A column constant up to rounding carries no information: its coefficient is 0.
    scale[a] = sd > 1e-12 * Math.max(1, Math.abs(means[a] as number)) ? sd : 0;
  }
  const active = [...scale.keys()].filter((a) => (scale[a] as number) > 0);
  const q = active.length;
  const standardGram = new Matrix(q, q);
  const standardCross = new Matrix(q, 1);
  active.forEach((a, i) => {
    const scaleA = scale[a] as number;
    active.forEach((b, j) => standardGram.set(i, j, (gram[a * p + b] as number) / rows / (scaleA * (scale[b] as number))));
    standardCross.set(i, 0, (cross[a] as number) / rows / scaleA);
  });
  const beta = q === 0 ? [] : solve(standardGram, standardCross, model).to1DArray();

  const coefficients = new Float64Array(p);
  let intercept = meanY;
  active.forEach((a, i) => {
    const value = (beta[i] as number) / (scale[a] as number);
    coefficients[a] = value;
    intercept -= value * (means[a] as number);
  });

  // SSE/n from the Gram terms: yᵀy − 2βᵀZᵀy + βᵀZᵀZβ, all over n (no second pass over the rows).
  const varianceY = sumYY / rows;
  let explained = 0;
  let quadratic = 0;
  for (let i = 0; i < q; i++) {
    const betaI = beta[i] as number;
    explained += betaI * standardCross.get(i, 0);
    for (let j = 0; j < q; j++) quadratic += betaI * standardGram.get(i, j) * (beta[j] as number);
  }
  const sseOverN = Math.max(0, varianceY - 2 * explained + quadratic);
  const r2 = varianceY > 0 ? 1 - sseOverN / varianceY : null;

  const targetCorrelations = new Float64Array(p);
  if (varianceY > 0) active.forEach((a, i) => (targetCorrelations[a] = standardCross.get(i, 0) / Math.sqrt(varianceY)));
  return { coefficients, intercept, rows, r2, targetCorrelations };
}

/** The forecast of a fitted model for one row of inputs at x[at..]. */
export function predictRow(fit: Pick<RegressionFit, 'coefficients' | 'intercept'>, x: Float64Array, at: number): number {
  const { coefficients } = fit;
  let sum = fit.intercept;
  for (let j = 0; j < coefficients.length; j++) sum += (coefficients[j] as number) * (x[at + j] as number);
  return sum;
}

function solve(gram: Matrix, cross: Matrix, model: ModelSettings): Matrix {
  if (model.kind === 'ridge' && model.lambda > 0) {
    const penalised = gram.clone();
    for (let i = 0; i < penalised.rows; i++) penalised.set(i, i, penalised.get(i, i) + model.lambda);
    const cholesky = new CholeskyDecomposition(penalised);
    if (cholesky.isPositiveDefinite()) return cholesky.solve(cross);
  }
  return pseudoInverse(gram, SINGULAR_CUTOFF).mmul(cross);
}

function columnMeans(parts: readonly DesignPart[], width: number, pick: Int32Array, rows: number): { means: Float64Array; meanY: number } {
  const p = pick.length;
  const sums = new Float64Array(p);
  let sumY = 0;
  for (const { x, y } of parts) {
    for (let r = 0, at = 0; r < y.length; r++, at += width) {
      sumY += y[r] as number;
      for (let a = 0; a < p; a++) sums[a] = (sums[a] as number) + (x[at + (pick[a] as number)] as number);
    }
  }
  for (let a = 0; a < p; a++) sums[a] = (sums[a] as number) / rows;
  return { means: sums, meanY: sumY / rows };
}

/** Upper triangle accumulated, then mirrored: (xᵢ−x̄)ᵀ(xⱼ−x̄) and (xᵢ−x̄)ᵀ(y−ȳ) summed over all rows. */
function centredGram(
  parts: readonly DesignPart[],
  width: number,
  pick: Int32Array,
  means: Float64Array,
  meanY: number,
): { gram: Float64Array; cross: Float64Array; sumYY: number } {
  const p = pick.length;
  const gram = new Float64Array(p * p);
  const cross = new Float64Array(p);
  const centred = new Float64Array(p);
  let sumYY = 0;
  for (const { x, y } of parts) {
    for (let r = 0, at = 0; r < y.length; r++, at += width) {
      const dy = (y[r] as number) - meanY;
      sumYY += dy * dy;
      for (let a = 0; a < p; a++) centred[a] = (x[at + (pick[a] as number)] as number) - (means[a] as number);
      for (let a = 0; a < p; a++) {
        const da = centred[a] as number;
        cross[a] = (cross[a] as number) + da * dy;
        const rowAt = a * p;
        for (let b = a; b < p; b++) gram[rowAt + b] = (gram[rowAt + b] as number) + da * (centred[b] as number);
      }
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) gram[a * p + b] = gram[b * p + a] as number;
  return { gram, cross, sumYY };
}
