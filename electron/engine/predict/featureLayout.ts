/**
 * The model's input columns, in order, with the names the model card shows beside their
 * coefficients. Time features come first and always enter linearly; then the non-cyclic inputs
 * (lags, yesterday, raw columns); the polynomial model adds their squares and pairwise products.
 * Squaring sin/cos terms would add little a second harmonic does not already give and would
 * multiply the width, so the time features are left out of the degree-2 terms.
 */
import type { DerivedFeature } from '../../../shared/predict/predictContract';

export type LagFeature = Extract<DerivedFeature, 'lag1' | 'lag2' | 'lag4' | 'sameTimeYesterday'>;

/** A non-cyclic input: the location's past target, or a column of the row itself. */
export type ModelInput = { kind: 'lag'; lag: LagFeature } | { kind: 'raw'; column: number; name: string };

export interface FeatureLayout {
  names: readonly string[];
  width: number;
  timeOfDay: boolean;
  dayOfWeek: boolean;
  /** Non-cyclic inputs, in column order right after the time features. */
  inputs: readonly ModelInput[];
  /** Polynomial: squares and pairwise products of `inputs` follow them. */
  products: boolean;
  /** Where the raw columns' linear terms sit (the leakage check regresses the target on these). */
  rawPositions: readonly number[];
}

const LAG_ORDER: readonly LagFeature[] = ['lag1', 'lag2', 'lag4', 'sameTimeYesterday'];
const TIME_OF_DAY_NAMES = ['sin(time of day)', 'cos(time of day)', 'sin(2× time of day)', 'cos(2× time of day)'];
const DAY_OF_WEEK_NAMES = ['sin(day of week)', 'cos(day of week)', 'weekend'];

const lagName = (target: string, lag: LagFeature): string =>
  ({ lag1: `${target}[t−1]`, lag2: `${target}[t−2]`, lag4: `${target}[t−4]`, sameTimeYesterday: `${target}[t−1 day]` })[lag];

/** Columns a layout of these parts has: the model's width, without building the layout. */
export function modelWidth(derived: readonly DerivedFeature[], rawCount: number, polynomial: boolean): number {
  const time = (derived.includes('timeOfDay') ? 4 : 0) + (derived.includes('dayOfWeek') ? 3 : 0);
  const inputs = LAG_ORDER.filter((lag) => derived.includes(lag)).length + rawCount;
  return time + inputs + (polynomial ? (inputs * (inputs + 1)) / 2 : 0);
}

/**
 * The layout for settings already made valid (see effectiveSettings): `rawColumns` are numeric
 * columns other than the target, `target` names the lag columns.
 */
export function featureLayout(
  derived: readonly DerivedFeature[],
  rawColumns: readonly { name: string; column: number }[],
  target: string,
  polynomial: boolean,
): FeatureLayout {
  const timeOfDay = derived.includes('timeOfDay');
  const dayOfWeek = derived.includes('dayOfWeek');
  const names = [...(timeOfDay ? TIME_OF_DAY_NAMES : []), ...(dayOfWeek ? DAY_OF_WEEK_NAMES : [])];
  const inputs: ModelInput[] = [
    ...LAG_ORDER.filter((lag) => derived.includes(lag)).map((lag): ModelInput => ({ kind: 'lag', lag })),
    ...rawColumns.map(({ name, column }): ModelInput => ({ kind: 'raw', column, name })),
  ];
  const inputNames = inputs.map((input) => (input.kind === 'lag' ? lagName(target, input.lag) : input.name));
  const rawPositions = inputs.flatMap((input, i) => (input.kind === 'raw' ? [names.length + i] : []));
  names.push(...inputNames);
  if (polynomial) {
    inputNames.forEach((a, i) => {
      for (let j = i; j < inputNames.length; j++) names.push(i === j ? `${a}²` : `${a} × ${inputNames[j] as string}`);
    });
  }
  return { names, width: names.length, timeOfDay, dayOfWeek, inputs, products: polynomial, rawPositions };
}
