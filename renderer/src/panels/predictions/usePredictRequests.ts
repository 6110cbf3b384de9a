/** The settings and location on show: the user's latest request until the engine reports it. */
import { useEffect } from 'react';
import type { PredictSettings, PredictView } from '../../../../shared/predict/predictContract';
import { useView } from '../../store/viewStore';
import { predictActions } from './predictActions';
import { usePredictStore } from './predictStore';

export function useShownSettings(view: PredictView): PredictSettings {
  const pending = usePredictStore((s) => s.pendingSettings);
  return pending ?? view.settings;
}

export function useShownLocation(view: PredictView): string | null {
  const pending = usePredictStore((s) => s.pendingLocation);
  return pending ?? view.location;
}

/** Clears requests once an update reports them. */
export function useSettleRequests(): void {
  const settings = useView((s) => s.predict?.settings ?? null);
  const location = useView((s) => s.predict?.location ?? null);
  useEffect(() => predictActions.settle(settings, location), [settings, location]);
}
