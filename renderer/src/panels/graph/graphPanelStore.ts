/**
 * The Junction graph panel's own state: the last failed command and an upload in progress. What
 * the engine computes (topology, loads, analytics, route, the selected junction) lives in the
 * view store.
 */
import { create } from 'zustand';

export interface GraphPanelState {
  notice: string | null;
  /** Browser only: a network file is on its way to the web host. */
  uploading: boolean;
  setNotice(notice: string | null): void;
}

export const useGraphPanel = create<GraphPanelState>()((set) => ({
  notice: null,
  uploading: false,
  setNotice: (notice) => set({ notice }),
}));
