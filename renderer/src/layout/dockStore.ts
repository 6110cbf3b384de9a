/**
 * The analysis dock's open tab, in a store so other panels can switch it: the Junction graph's
 * "Query in SQL" brings the SQL console to the front. Remembered across launches with the layout.
 */
import { create } from 'zustand';
import { z } from 'zod';
import { persist } from 'zustand/middleware';
import { rememberedFields } from '../store/rememberedFields';

const ANALYSIS_TABS = ['sql', 'predictions', 'graph', 'quality', 'profiles'] as const;
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
    rememberedFields<AnalysisDockState, 'tab'>('traffic-monitor.dock', { tab: z.enum(ANALYSIS_TABS) }),
  ),
);
