/**
 * The colour theme the user chose: follow the system, or force light or dark. Kept in localStorage
 * so the page has it before its first paint in both hosts; `followAppearance` puts it on the page.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { rememberedFields } from './rememberedFields';
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
    rememberedFields<AppearanceState, 'theme'>('traffic-monitor.appearance', { theme: themeSchema }),
  ),
);
