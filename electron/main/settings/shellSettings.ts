/**
 * What the desktop shell remembers between launches: the window, the theme, the zoom, the recent
 * files and the file to reopen. Each field is read on its own, so a hand-edited file with one bad
 * value loses only that value; every value that had to be replaced is reported.
 */
import { z } from 'zod';
import { themeSchema, type Theme } from '../../../shared/shell/theme';

export const SHELL_SETTINGS_VERSION = 1;
export const MAX_RECENT_FILES = 10;

const savedWindowSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive().max(100_000),
  height: z.number().int().positive().max(100_000),
  maximized: z.boolean(),
});
export type SavedWindow = z.infer<typeof savedWindowSchema>;

const fieldSchemas = {
  window: savedWindowSchema.nullable(),
  theme: themeSchema,
  /** Chromium zoom level: 0 is 100 %, each step is 20 %. */
  zoomLevel: z.number().min(-8).max(9),
  recentFiles: z.array(z.string().min(1).max(4096)).max(MAX_RECENT_FILES),
  lastFile: z.string().min(1).max(4096).nullable(),
};

export interface ShellSettings {
  version: typeof SHELL_SETTINGS_VERSION;
  window: SavedWindow | null;
  theme: Theme;
  zoomLevel: number;
  recentFiles: string[];
  lastFile: string | null;
}

export const DEFAULT_SHELL_SETTINGS: ShellSettings = {
  version: SHELL_SETTINGS_VERSION,
  window: null,
  theme: 'system',
  zoomLevel: 0,
  recentFiles: [],
  lastFile: null,
};

export interface MigratedSettings {
  settings: ShellSettings;
  /** One plain sentence per value that could not be used; empty when the file was fine. */
  problems: string[];
}

/**
 * Brings whatever was on disk to the current version. Files from before versioning (no `version`)
 * and from this version are read field by field; a file from a newer app is read the same way,
 * keeping what this version understands.
 */
export function migrateShellSettings(raw: unknown): MigratedSettings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { settings: { ...DEFAULT_SHELL_SETTINGS }, problems: ['the file does not hold a settings object; every setting was reset'] };
  }
  const record = raw as Record<string, unknown>;
  const problems: string[] = [];
  const field = <K extends keyof typeof fieldSchemas>(key: K): z.infer<(typeof fieldSchemas)[K]> => {
    if (!(key in record)) return DEFAULT_SHELL_SETTINGS[key] as z.infer<(typeof fieldSchemas)[K]>;
    const parsed = fieldSchemas[key].safeParse(record[key]);
    if (parsed.success) return parsed.data as z.infer<(typeof fieldSchemas)[K]>;
    problems.push(`"${key}" had an unusable value (${parsed.error.issues[0]?.message ?? 'invalid'}); the default is used`);
    return DEFAULT_SHELL_SETTINGS[key] as z.infer<(typeof fieldSchemas)[K]>;
  };
  const settings: ShellSettings = {
    version: SHELL_SETTINGS_VERSION,
    window: field('window'),
    theme: field('theme'),
    zoomLevel: field('zoomLevel'),
    recentFiles: field('recentFiles'),
    lastFile: field('lastFile'),
  };
  return { settings, problems };
}
