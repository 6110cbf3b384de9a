/**
 * The pace and limits the user picked for the next replay. `pace: null` means "the file's default":
 * the data's own clock at 60× when the file has time, else 1,000 rows per second. Kept in
 * localStorage (in the desktop app, inside the user data folder) so the next launch replays the
 * same way; what is read back is validated with the contract's own schemas.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { rememberedFields } from './rememberedFields';
import { defaultPace, defaultPaceFor, EVENT_SPEEDS, paceSchema, replayLimitsSchema, type FileInfo, type Pace, type ReplayLimits } from '../../../shared/contract';

export const SPEED_PRESETS: readonly number[] = EVENT_SPEEDS;
export const RATE_PRESETS: readonly number[] = [100, 1000, 10_000, 100_000];
export const GAP_PRESETS: readonly { label: string; seconds: number | null }[] = [
  { label: '1 minute', seconds: 60 },
  { label: '15 minutes', seconds: 900 },
  { label: '1 hour', seconds: 3600 },
  { label: '1 day', seconds: 86_400 },
  { label: 'never (honour every gap)', seconds: null },
];

interface ReplaySettings {
  pace: Pace | null;
  limits: ReplayLimits;
  setPace(pace: Pace): void;
  setLimits(limits: Partial<ReplayLimits>): void;
}

export const useReplaySettings = create<ReplaySettings>()(
  persist(
    (set) => ({
      pace: null,
      limits: { durationSeconds: null, rows: null, loop: false },
      setPace: (pace) => set({ pace }),
      setLimits: (limits) => set((state) => ({ limits: { ...state.limits, ...limits } })),
    }),
    rememberedFields<ReplaySettings, 'pace' | 'limits'>('traffic-monitor.replay', { pace: paceSchema.nullable(), limits: replayLimitsSchema }),
  ),
);

/** The pace the user chose, or the open file's default (a pace by the clock needs a file with time). */
export function effectivePace(pace: Pace | null, file: FileInfo | null): Pace {
  const hasTime = file?.time != null;
  if (pace && (pace.mode !== 'event' || hasTime)) return pace;
  return file ? defaultPaceFor(file) : defaultPace(false);
}
