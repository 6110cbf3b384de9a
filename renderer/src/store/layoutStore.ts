/**
 * Which parts of the workspace are shown: the side column (Threshold, Kafka, Schema, Rejected) and
 * the analysis dock. Kept in localStorage so the layout survives a restart; in the desktop app that
 * storage lives in the user data folder, beside the panel sizes react-resizable-panels saves.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

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
    {
      name: 'traffic-monitor.panels',
      version: 1,
      partialize: ({ sidePanelsVisible, dockVisible }) => ({ sidePanelsVisible, dockVisible }),
      // Storage is the user's to edit or damage: only real booleans are taken from it.
      merge: (persisted, current) => {
        const stored = (persisted ?? {}) as Partial<Record<'sidePanelsVisible' | 'dockVisible', unknown>>;
        return {
          ...current,
          sidePanelsVisible: typeof stored.sidePanelsVisible === 'boolean' ? stored.sidePanelsVisible : current.sidePanelsVisible,
          dockVisible: typeof stored.dockVisible === 'boolean' ? stored.dockVisible : current.dockVisible,
        };
      },
    },
  ),
);
