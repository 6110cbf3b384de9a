import MultivariateLinearRegression from 'ml-regression-multivariate-linear';
import { describe, expect, it } from 'vitest';
import { fitRegression, predictRow, type DesignPart } from './fitRegression';
import { normal, seededRandom } from './testing/testRows';

/** n rows of p columns drawn from `column(row, j)`, target from `target(row values)`. */
function design(n: number, p: number, column: (random: () => number, j: number) => number, target: (x: number[], random: () => number) => number, seed = 7): { x: Float64Array; y: Float64Array; rows: number[][] } {
  const random = seededRandom(seed);
  const x = new Float64Array(n * p);
  const y = new Float64Array(n);
  const rows: number[][] = [];
  for (let r = 0; r < n; r++) {
    const row = Array.from({ length: p }, (_, j) => column(random, j));
    rows.push(row);
    x.set(row, r * p);
    y[r] = target(row, random);
  }
  return { x, y, rows };
}

const LINEAR = { kind: 'linear', lambda: 0 } as const;

describe('fitting the regression', () => {
  it('recovers known coefficients and intercept from noisy synthetic data, in the columns’ own units', () => {
    const truth = [2.5, -1.25, 0.004, 30];
    // Columns on very different scales: a count in the thousands, a fraction, a flag.
    const scales = [1, 10, 1000, 0.1];
    const { x, y } = design(5000, 4, (random, j) => random() * (scales[j] as number), (row, random) => 12 + row.reduce((s, v, j) => s + v * (truth[j] as number), 0) + 0.01 * normal(random));
    const fit = fitRegression([{ x, y }], 4, LINEAR);
    fit.coefficients.forEach((value, j) => expect(Math.abs(value / (truth[j] as number) - 1)).toBeLessThan(1e-3));
    expect(fit.intercept).toBeCloseTo(12, 2);
    expect(fit.rows).toBe(5000);
    expect(fit.r2).toBeGreaterThan(0.9999);
    expect(predictRow(fit, Float64Array.from([1, 2, 3, 4]), 0)).toBeCloseTo(12 + 2.5 - 2.5 + 0.012 + 120, 1);
  });

  it('agrees with ml-regression-multivariate-linear on the same rows', () => {
    const { x, y, rows } = design(800, 3, (random) => random() * 100, (row, random) => 5 + 0.3 * (row[0] as number) - 2 * (row[1] as number) + 0.1 * (row[2] as number) + 20 * normal(random));
    const fit = fitRegression([{ x, y }], 3, LINEAR);
    const reference = new MultivariateLinearRegression(
      rows,
      Array.from(y, (v) => [v]),
    );
    const weights = reference.weights.map((w) => w[0] as number);
    // The reference puts the intercept last.
    [0, 1, 2].forEach((j) => expect(fit.coefficients[j]).toBeCloseTo(weights[j] as number, 8));
    expect(fit.intercept).toBeCloseTo(weights[3] as number, 6);
  });

  it('treats the training rows as one set however they are split into blocks (history + window)', () => {
    const { x, y } = design(300, 2, (random) => random() * 10, (row, random) => 1 + 2 * (row[0] as number) + 3 * (row[1] as number) + normal(random));
    const whole = fitRegression([{ x, y }], 2, LINEAR);
    const parts: DesignPart[] = [
      { x: x.subarray(0, 100 * 2), y: y.subarray(0, 100) },
      { x: x.subarray(100 * 2), y: y.subarray(100) },
    ];
    const split = fitRegression(parts, 2, LINEAR);
    expect(Array.from(split.coefficients)).toEqual(Array.from(whole.coefficients).map((v) => expect.closeTo(v, 10)));
    expect(split.intercept).toBeCloseTo(whole.intercept, 10);
  });

  it('gives a constant column a coefficient of 0 and shares the weight of duplicated columns instead of blowing up', () => {
    const { x, y } = design(
      400,
      3,
      (random, j) => (j === 2 ? 5 : random() * 10),
      (row, random) => 4 * (row[0] as number) + 0.1 * normal(random),
    );
    // Column 1 becomes an exact copy of column 0.
    for (let r = 0; r < 400; r++) x[r * 3 + 1] = x[r * 3] as number;
    const fit = fitRegression([{ x, y }], 3, LINEAR);
    expect(fit.coefficients[2]).toBe(0);
    expect(fit.coefficients[0]).toBeCloseTo(2, 2);
    expect(fit.coefficients[1]).toBeCloseTo(2, 2);
    expect(fit.r2).toBeGreaterThan(0.999);
  });

  it('shrinks the coefficients more as the ridge penalty grows, and never the intercept towards 0', () => {
    const { x, y } = design(1000, 3, (random) => random() * 10, (row, random) => 50 + 3 * (row[0] as number) - 2 * (row[1] as number) + (row[2] as number) + normal(random));
    const sizes = [0, 0.1, 1, 10, 100].map((lambda) => {
      const fit = fitRegression([{ x, y }], 3, { kind: 'ridge', lambda });
      return { norm: Math.hypot(...fit.coefficients), intercept: fit.intercept, r2: fit.r2 ?? 0 };
    });
    for (let i = 1; i < sizes.length; i++) {
      expect(sizes[i]!.norm).toBeLessThan(sizes[i - 1]!.norm);
      expect(sizes[i]!.r2).toBeLessThan(sizes[i - 1]!.r2);
    }
    // λ = 0 is plain least squares.
    const plain = fitRegression([{ x, y }], 3, LINEAR);
    expect(sizes[0]!.norm).toBeCloseTo(Math.hypot(...plain.coefficients), 8);
    // Heavy shrinkage leaves the mean: the intercept tends to the mean of y, not to 0.
    const meanY = y.reduce((s, v) => s + v, 0) / y.length;
    const heavy = fitRegression([{ x, y }], 3, { kind: 'ridge', lambda: 1e6 });
    expect(heavy.intercept).toBeCloseTo(meanY, 1);
  });

  it('fits a quadratic relation with the polynomial model’s degree-2 column', () => {
    // Columns: x, x² (as featureLayout expands them).
    const { x, y } = design(
      2000,
      2,
      (random) => random() * 20 - 10,
      (row, random) => 3 - 2 * (row[0] as number) + 0.5 * (row[0] as number) ** 2 + 0.01 * normal(random),
    );
    for (let r = 0; r < 2000; r++) x[r * 2 + 1] = (x[r * 2] as number) ** 2;
    const fit = fitRegression([{ x, y }], 2, { kind: 'polynomial', lambda: 0 });
    expect(fit.coefficients[0]).toBeCloseTo(-2, 3);
    expect(fit.coefficients[1]).toBeCloseTo(0.5, 3);
    expect(fit.intercept).toBeCloseTo(3, 2);
    // The straight line alone explains far less.
    const line = fitRegression([{ x, y }], 2, LINEAR, [0]);
    expect(line.r2!).toBeLessThan(0.5);
  });

  it('fits a chosen subset of the columns and reports each one’s correlation with the target', () => {
    const { x, y } = design(500, 3, (random) => random(), (row) => 2 * (row[1] as number));
    const fit = fitRegression([{ x, y }], 3, LINEAR, [1, 2]);
    expect(fit.coefficients).toHaveLength(2);
    expect(fit.coefficients[0]).toBeCloseTo(2, 10);
    expect(fit.targetCorrelations[0]).toBeCloseTo(1, 10);
    expect(Math.abs(fit.targetCorrelations[1]!)).toBeLessThan(0.2);
  });

  it('falls back to the mean when the target never varies, and refuses to fit nothing', () => {
    const { x, y } = design(100, 2, (random) => random(), () => 7);
    const fit = fitRegression([{ x, y }], 2, LINEAR);
    expect(fit.r2).toBeNull();
    expect(fit.intercept).toBeCloseTo(7, 10);
    expect(() => fitRegression([], 2, LINEAR)).toThrow(/without training rows/);
  });

  it('fits 100,000 rows × 8 inputs (the size of a history plus a window)', () => {
    const { x, y } = design(100_000, 8, (random) => random() * 100, (row, random) => row.reduce((s, v, j) => s + (j + 1) * v, 3) + normal(random));
    const fit = fitRegression([{ x, y }], 8, LINEAR);
    fit.coefficients.forEach((value, j) => expect(value).toBeCloseTo(j + 1, 2));
  });
});
