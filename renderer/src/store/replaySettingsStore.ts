/** The pace the user picked for the next replay; null means as fast as possible. */
import { create } from 'zustand';

export const RATE_PRESETS: readonly (number | null)[] = [10, 100, 1000, 10_000, 100_000, null];

interface ReplaySettings {
  rowsPerSecond: number | null;
  setRowsPerSecond(rowsPerSecond: number | null): void;
}

export const useReplaySettings = create<ReplaySettings>()((set) => ({
  rowsPerSecond: 1000,
  setRowsPerSecond: (rowsPerSecond) => set({ rowsPerSecond }),
}));
