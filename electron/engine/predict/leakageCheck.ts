/**
 * Raw columns of a row are only known once its interval is over, so using them to "forecast" that
 * same interval can look perfect while being useless: Total = cars + bikes + buses + trucks. At each
 * refit the target is regressed on the raw columns alone; when they (or one of them) all but
 * reproduce it, the page says so in plain words instead of showing an R² of 1 as a triumph.
 */
import type { Leakage } from '../../../shared/predict/predictContract';
import { fitRegression, type DesignPart } from './fitRegression';

/** The raw columns together explain at least this share of the target's variance… */
export const LEAKAGE_R2 = 0.98;
/** …or one of them moves with the target at least this closely. */
export const LEAKAGE_CORRELATION = 0.99;

/** Why it matters, for one column or several. */
const consequence = (columns: number): string =>
  columns === 1
    ? 'it is not known before the interval it would forecast, so the forecast is not a forecast.'
    : 'they are not known before the interval they would forecast, so the forecast is not a forecast.';

export interface RawInputs {
  /** Where the raw columns sit in the training rows, and their names. */
  positions: readonly number[];
  names: readonly string[];
}

/** Checks the training rows (`width` values per row); null when the raw columns leave the target unexplained. */
export function checkLeakage(parts: readonly DesignPart[], width: number, raw: RawInputs, target: string): Leakage | null {
  if (raw.positions.length === 0 || parts.every((part) => part.y.length === 0)) return null;
  const fit = fitRegression(parts, width, { kind: 'linear', lambda: 0 }, raw.positions);
  const close = raw.names.flatMap((name, i) => {
    const correlation = fit.targetCorrelations[i] as number;
    return Math.abs(correlation) >= LEAKAGE_CORRELATION ? [{ name, correlation }] : [];
  });
  // A column that gives the target away on its own is named alone: blaming every raw column
  // would hide which one to drop.
  if (close.length > 0) {
    const columns = close.map((c) => c.name);
    const strongest = close.reduce((a, b) => (Math.abs(b.correlation) > Math.abs(a.correlation) ? b : a));
    const verb = columns.length === 1 ? 'moves' : 'each move';
    const correlation = strongest.correlation.toFixed(3);
    return {
      columns,
      r2: strongest.correlation * strongest.correlation,
      message: `${listed(columns)} ${verb} with ${target} in the same interval (correlation ${correlation}): ${consequence(columns.length)}`,
    };
  }
  if (fit.r2 !== null && fit.r2 >= LEAKAGE_R2) {
    const columns = [...raw.names];
    return {
      columns,
      r2: fit.r2,
      message: `${target} is reconstructed from ${columns.join(', ')} in the same interval (R² ${fit.r2.toFixed(3)}): ${consequence(columns.length)}`,
    };
  }
  return null;
}

/** "A", "A and B", "A, B and C". */
function listed(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] as string}`;
}
