/**
 * The analysis dock's open tab, in a store so other panels can switch it: the Junction graph's
 * "Query in SQL" brings the SQL console to the front. Remembered across launches with the layout.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

const ANALYSIS_TABS = ['sql', 'predictions', 'graph'] as const;
export type AnalysisTabId = (typeof ANALYSIS_TABS)[number];

interface AnalysisDockState {
  tab: AnalysisTabId;
  show(tab: AnalysisTabId): void;
}

export const useAnalysisDock = create<AnalysisDockState>()(
  persist(
    (set) => ({
      tab: 'sql',
      show: (tab) => set({ tab }),
    }),
    {
      name: 'traffic-monitor.dock',
      version: 1,
      partialize: ({ tab }) => ({ tab }),
      merge: (persisted, current) => {
        const tab = (persisted as { tab?: unknown } | undefined)?.tab;
        return { ...current, tab: ANALYSIS_TABS.find((known) => known === tab) ?? current.tab };
      },
    },
  ),
);
