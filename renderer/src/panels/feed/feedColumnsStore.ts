/**
 * The Live Feed's column order and hidden columns per header (see feedColumns), kept in
 * localStorage like the rest of the layout. A bounded number of headers is remembered: the oldest
 * set up goes first.
 */
import { create } from 'zustand';
import { z } from 'zod';
import { persist } from 'zustand/middleware';
import type { FeedColumnPrefs } from './feedColumns';
import { rememberedFields } from '../../store/rememberedFields';

const REMEMBERED_HEADERS = 50;

interface FeedColumnsState {
  byHeader: Record<string, FeedColumnPrefs>;
  setPrefs(header: string, prefs: FeedColumnPrefs): void;
  reset(header: string): void;
}

const prefsSchema = z.object({ order: z.array(z.string().max(2000)).max(2000), hidden: z.array(z.string().max(2000)).max(2000) });

export const useFeedColumns = create<FeedColumnsState>()(
  persist(
    (set) => ({
      byHeader: {},
      setPrefs: (header, prefs) =>
        set((state) => {
          const others = Object.entries(state.byHeader).filter(([key]) => key !== header);
          // Insertion order is the age: the newest goes last, the oldest drops off.
          return { byHeader: Object.fromEntries([...others.slice(-(REMEMBERED_HEADERS - 1)), [header, prefs]]) };
        }),
      reset: (header) => set((state) => ({ byHeader: Object.fromEntries(Object.entries(state.byHeader).filter(([key]) => key !== header)) })),
    }),
    rememberedFields<FeedColumnsState, 'byHeader'>('traffic-monitor.feed-columns', { byHeader: z.record(z.string().max(100_000), prefsSchema) }),
  ),
);
