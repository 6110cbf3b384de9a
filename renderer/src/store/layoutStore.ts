/**
 * Which parts of the workspace are shown: the side column (Threshold, Kafka, Schema, Rejected) and
 * the analysis dock. Kept in localStorage so the layout survives a restart; in the desktop app that
 * storage lives in the user data folder, beside the panel sizes react-resizable-panels saves.
 */
import { create } from 'zustand';
import { z } from 'zod';
import { persist } from 'zustand/middleware';
import { rememberedFields } from './rememberedFields';

interface LayoutState {
  sidePanelsVisible: boolean;
  dockVisible: boolean;
  toggleSidePanels(): void;
  toggleDock(): void;
}

export const useLayout = create<LayoutState>()(
  persist(
    (set) => ({
      sidePanelsVisible: true,
      dockVisible: true,
      toggleSidePanels: () => set((state) => ({ sidePanelsVisible: !state.sidePanelsVisible })),
      toggleDock: () => set((state) => ({ dockVisible: !state.dockVisible })),
    }),
    rememberedFields<LayoutState, 'sidePanelsVisible' | 'dockVisible'>('traffic-monitor.panels', { sidePanelsVisible: z.boolean(), dockVisible: z.boolean() }),
  ),
);
