/**
 * The analysis dock's open tab, in a store so other panels can switch it: the Junction graph's
 * "Query in SQL" brings the SQL console to the front.
 */
import { create } from 'zustand';

export type AnalysisTabId = 'sql' | 'predictions' | 'graph';

interface AnalysisDockState {
  tab: AnalysisTabId;
  show(tab: AnalysisTabId): void;
}

export const useAnalysisDock = create<AnalysisDockState>()((set) => ({
  tab: 'sql',
  show: (tab) => set({ tab }),
}));
