/**
 * The settings bar sends whole PredictSettings: each change is applied to the settings on show
 * (the engine's, or the user's newer request still in flight) by these functions.
 */
import { DERIVED_FEATURES, type DerivedFeature, type PredictSettings } from '../../../../shared/predict/predictContract';

/** The target shown: the one chosen, else the one the engine resolved ("Total", the first measure). */
export function shownTarget(settings: PredictSettings, resolved: string | null): string | null {
  return settings.target ?? resolved;
}

/** Raw columns the user may add as inputs: every numeric column but the target. */
export function rawColumnChoices(numericColumns: readonly string[], target: string | null): string[] {
  return numericColumns.filter((name) => name !== target);
}

/** A new target is no longer one of its own inputs. */
export function withTarget(settings: PredictSettings, target: string): PredictSettings {
  return { ...settings, target, rawColumns: settings.rawColumns.filter((name) => name !== target) };
}

/** Derived features stay in their canonical order, whatever order they were ticked in. */
export function withDerived(settings: PredictSettings, feature: DerivedFeature, on: boolean): PredictSettings {
  const chosen = new Set(settings.derived);
  if (on) chosen.add(feature);
  else chosen.delete(feature);
  return { ...settings, derived: DERIVED_FEATURES.filter((id) => chosen.has(id)) };
}

/** Raw columns stay in the order of the file's columns. */
export function withRawColumn(settings: PredictSettings, column: string, on: boolean, order: readonly string[]): PredictSettings {
  const chosen = new Set(settings.rawColumns);
  if (on) chosen.add(column);
  else chosen.delete(column);
  const known = order.filter((name) => chosen.has(name));
  const unknown = [...chosen].filter((name) => !order.includes(name));
  return { ...settings, rawColumns: [...known, ...unknown] };
}

const sorted = (values: readonly string[]): string[] => [...values].sort();

/** Same settings, whatever order the lists were written in. */
export function settingsEqual(a: PredictSettings, b: PredictSettings): boolean {
  const canonical = (s: PredictSettings): string => JSON.stringify({
    target: s.target,
    derived: sorted(s.derived),
    rawColumns: sorted(s.rawColumns),
    model: [s.model.kind, s.model.lambda],
    history: s.history.kind === 'none' ? ['none'] : s.history.kind === 'fileDays' ? ['fileDays', s.history.days] : ['csv', s.history.path],
    refit: [s.refit.everyRows, s.refit.everySeconds, s.refit.windowRows],
    anomalyK: s.anomalyK,
  });
  return canonical(a) === canonical(b);
}
