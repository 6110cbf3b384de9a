/**
 * The Predictions panel's own state: which chart is on show, the last failed command, and the
 * requests the engine has not echoed yet (so a select does not flick back while updates sent
 * before the change are still arriving). What the engine computes lives in the view store.
 */
import { create } from 'zustand';
import type { PredictSettings } from '../../../../shared/predict/predictContract';

export type PredictChartView = 'time' | 'scatter';

export interface PredictPanelState {
  chartView: PredictChartView;
  /** A failed command, or a number typed that the settings cannot take. */
  notice: string | null;
  /** Settings sent and not yet seen in an update. */
  pendingSettings: PredictSettings | null;
  /** A location chosen and not yet seen in an update. */
  pendingLocation: string | null;
  /** Browser only: a history CSV is on its way to the web host. */
  uploading: boolean;
  setChartView(view: PredictChartView): void;
  setNotice(notice: string | null): void;
}

export const usePredictStore = create<PredictPanelState>()((set) => ({
  chartView: 'time',
  notice: null,
  pendingSettings: null,
  pendingLocation: null,
  uploading: false,
  setChartView: (chartView) => set({ chartView }),
  setNotice: (notice) => set({ notice }),
}));
