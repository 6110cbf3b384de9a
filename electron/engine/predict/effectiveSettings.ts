/**
 * The settings the model actually runs with. The page may ask for what the data cannot give (a
 * target column the new file lacks, time features without a timestamp, the target itself as a raw
 * input); rather than fail, those parts are dropped and the effective settings are shown, so the
 * user sees what is in use.
 */
import {
  DERIVED_FEATURE_LABELS,
  DERIVED_FEATURES,
  type DerivedFeature,
  type PredictSettings,
} from '../../../shared/predict/predictContract';
import { featureLayout, modelWidth, type FeatureLayout } from './featureLayout';
import type { PredictInput } from './predictBatch';
import { mainMeasure } from '../source';

/**
 * Widest model input. Bounds the memory of the training rows (200,000 history rows × width) and
 * the Gram matrix; only many raw columns with the polynomial model reach it, and the raw columns
 * beyond it are dropped.
 */
export const MAX_MODEL_COLUMNS = 128;

const NEEDS_TIME: ReadonlySet<DerivedFeature> = new Set(['timeOfDay', 'dayOfWeek', 'sameTimeYesterday']);
const NO_TIME_REASON = 'The data has no timestamp.';

export interface ResolvedSettings {
  settings: PredictSettings;
  /** The measure forecast; null when the data has no numeric column. */
  target: string | null;
  /** The target's index among the numeric columns; -1 without a target. */
  targetColumn: number;
  /** The model's inputs; null without a target. */
  layout: FeatureLayout | null;
}

/** The requested target if it is a numeric column, else `Total` (exact, then any case), else the first numeric column. */
export const resolveTarget = mainMeasure;

export function resolveSettings(requested: PredictSettings, input: PredictInput): ResolvedSettings {
  const { numericColumns, hasTime } = input;
  const requestedTarget = requested.target !== null && numericColumns.includes(requested.target) ? requested.target : (input.mainMeasure ?? null);
  const target = resolveTarget(numericColumns, requestedTarget);
  const derived = DERIVED_FEATURES.filter((id) => requested.derived.includes(id) && (hasTime || !NEEDS_TIME.has(id)));
  const polynomial = requested.model.kind === 'polynomial';
  const rawColumns = target === null ? [] : [...new Set(requested.rawColumns)].filter((name) => name !== target && numericColumns.includes(name));
  while (rawColumns.length > 0 && modelWidth(derived, rawColumns.length, polynomial) > MAX_MODEL_COLUMNS) rawColumns.pop();
  const settings: PredictSettings = {
    ...requested,
    target: requested.target !== null && requested.target === target ? target : null,
    derived,
    rawColumns,
  };
  const layout =
    target === null
      ? null
      : featureLayout(
          derived,
          rawColumns.map((name) => ({ name, column: numericColumns.indexOf(name) })),
          target,
          polynomial,
        );
  return { settings, target, targetColumn: target === null ? -1 : numericColumns.indexOf(target), layout };
}

/** The derived features as the page offers them: those needing a timestamp are unavailable without one. */
export function featureOptions(hasTime: boolean): { id: DerivedFeature; label: string; available: boolean; reason: string | null }[] {
  return DERIVED_FEATURES.map((id) => {
    const available = hasTime || !NEEDS_TIME.has(id);
    return { id, label: DERIVED_FEATURE_LABELS[id], available, reason: available ? null : NO_TIME_REASON };
  });
}
