/**
 * The engine sends the selected location's series only when it changed (null otherwise), so the
 * page keeps its last copy — but never past a change of location or target, or a model that went
 * back to waiting: an old chart must not pass for the current one.
 */
import type { PredictSeries, PredictState, PredictView } from '../../../shared/predict/predictContract';

/** States without a model scoring rows: whatever series the page held belongs to an earlier run. */
const RESET_STATES: ReadonlySet<PredictState> = new Set<PredictState>(['off', 'waiting', 'loadingHistory']);

export function keptSeries(previous: PredictView | null, next: PredictView): PredictSeries | null {
  if (next.series !== null) return next.series;
  const held = previous?.series ?? null;
  if (previous === null || held === null) return null;
  if (RESET_STATES.has(next.state)) return null;
  if (next.location === null || held.location !== next.location) return null;
  if (previous.target !== next.target) return null;
  return held;
}
