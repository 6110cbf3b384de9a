/**
 * One row's model inputs, written into a caller's buffer (no allocation per row: the stream runs at
 * replay speed). Built only from what is known before the row's interval: its time, its location's
 * past (read before the row is learnt) and, if the user chose them, its raw columns.
 */
import type { FeatureLayout } from './featureLayout';
import type { LagValues } from './locationLags';
import { writeDayOfWeek, writeTimeOfDay } from './timeFeatures';

/**
 * Writes the row's `layout.width` inputs at out[at..]. `values` holds the row's numeric columns
 * from `valuesAt`. Returns false when an input is missing (a lag not there yet, a raw cell empty):
 * such a row can neither be forecast nor trained on.
 */
export function writeFeatureRow(
  layout: FeatureLayout,
  time: number,
  lags: LagValues,
  values: Float64Array,
  valuesAt: number,
  out: Float64Array,
  at: number,
): boolean {
  let column = at;
  if (layout.timeOfDay || layout.dayOfWeek) {
    if (!Number.isFinite(time)) return false;
    if (layout.timeOfDay) {
      writeTimeOfDay(time, out, column);
      column += 4;
    }
    if (layout.dayOfWeek) {
      writeDayOfWeek(time, out, column);
      column += 3;
    }
  }
  const first = column;
  for (const input of layout.inputs) {
    const value = input.kind === 'raw' ? (values[valuesAt + input.column] as number) : lagValue(lags, input.lag);
    if (!Number.isFinite(value)) return false;
    out[column++] = value;
  }
  if (layout.products) {
    const count = layout.inputs.length;
    for (let i = 0; i < count; i++) {
      const a = out[first + i] as number;
      for (let j = i; j < count; j++) out[column++] = a * (out[first + j] as number);
    }
  }
  return true;
}

function lagValue(lags: LagValues, lag: 'lag1' | 'lag2' | 'lag4' | 'sameTimeYesterday'): number {
  switch (lag) {
    case 'lag1':
      return lags.lag1;
    case 'lag2':
      return lags.lag2;
    case 'lag4':
      return lags.lag4;
    case 'sameTimeYesterday':
      return lags.yesterday;
  }
}
