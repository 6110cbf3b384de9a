/**
 * The colour theme the user chose: follow the system, or force light or dark. Kept in localStorage
 * so the page has it before its first paint in both hosts; `followAppearance` puts it on the page.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { themeSchema, type Theme } from '../../../shared/shell/theme';

interface AppearanceState {
  theme: Theme;
  setTheme(theme: Theme): void;
}

export const useAppearance = create<AppearanceState>()(
  persist(
    (set) => ({
      theme: 'system',
      setTheme: (theme) => set({ theme }),
    }),
    {
      name: 'traffic-monitor.appearance',
      version: 1,
      partialize: ({ theme }) => ({ theme }),
      // Storage is the user's to edit or damage: a value the app does not know means the default.
      merge: (persisted, current) => {
        const parsed = themeSchema.safeParse((persisted as { theme?: unknown } | undefined)?.theme);
        return parsed.success ? { ...current, theme: parsed.data } : current;
      },
    },
  ),
);
