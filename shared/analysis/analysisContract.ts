/**
 * The analysis panels' part of the contract (issue 23): detector health ("Data quality"), the
 * time-of-week heatmap and typical day ("Profiles"), and incident alarms, all built in the engine
 * by the analysis stage (electron/engine/analysis) from every row the visible session accepts.
 * The view is bounded: at most MAX_FLAGS_SENT flags, MAX_ALARMS_SENT cleared alarms and
 * MAX_LOCATIONS_SENT locations travel; the whole lists go to the CSV exports.
 */
import { z } from 'zod';
import { alarmSchema } from '../alarms/alarmContract';
import { HEALTH_CHECKS, HEALTH_STATUSES } from '../health/healthContract';
import { heatmapViewSchema, typicalDayViewSchema } from '../profiles/profileContract';

export const MAX_FLAGS_SENT = 200;
export const MAX_ALARMS_SENT = 100;
export const MAX_LOCATIONS_SENT = 500;

const checkCounts = z.partialRecord(z.enum(HEALTH_CHECKS), z.number());

const healthFlagSchema = z.object({
  id: z.number(),
  location: z.string(),
  check: z.enum(HEALTH_CHECKS),
  start: z.number(),
  end: z.number(),
  intervals: z.number(),
  line: z.number().nullable(),
  evidence: z.string(),
  ongoing: z.boolean(),
});

const locationHealthSchema = z.object({
  location: z.string(),
  status: z.enum(HEALTH_STATUSES),
  reason: z.string(),
  since: z.number().nullable(),
  cadenceMs: z.number().nullable(),
  rows: z.number(),
  firstTime: z.number().nullable(),
  lastTime: z.number().nullable(),
  coverage: z.number().nullable(),
  days: z.array(z.object({ day: z.string(), received: z.number(), expected: z.number(), share: z.number(), insufficient: z.boolean() })),
  flagCounts: checkCounts,
});

/** HealthView with its lists capped: the newest flags only, and how many there are in all. */
export const healthPanelViewSchema = z.object({
  locations: z.array(locationHealthSchema),
  /** Locations checked, including any beyond MAX_LOCATIONS_SENT. */
  locationCount: z.number(),
  /** How many of all the locations checked (not only those sent) stand OK, suspect or bad. */
  statusCounts: z.object({ ok: z.number(), suspect: z.number(), bad: z.number() }),
  /** The newest kept flags, newest first, at most MAX_FLAGS_SENT. */
  flags: z.array(healthFlagSchema),
  counts: z.object({
    rowsGiven: z.number(),
    rowsChecked: z.number(),
    rowsWithoutTime: z.number(),
    duplicateTimes: z.number(),
    outOfOrder: z.number(),
    flagsRaised: z.number(),
    flagsKept: z.number(),
    flagsDropped: z.number(),
    byCheck: checkCounts,
  }),
  columns: z.object({
    measure: z.string().nullable(),
    total: z.string().nullable(),
    parts: z.array(z.string()),
    flow: z.string().nullable(),
    occupancy: z.string().nullable(),
    speed: z.string().nullable(),
  }),
});
export type HealthPanelView = z.infer<typeof healthPanelViewSchema>;

/** The health checks' settings the panel offers; the engine's defaults where the user set none. */
export const analysisSettingsSchema = z
  .object({
    /** A repeated non-zero value this long (ms) is stuck. */
    stuckDurationMs: z.number().int().min(60_000).max(30 * 86_400_000),
    /** Vehicles per hour the site cannot exceed; null: no capacity check. */
    capacityPerHour: z.number().positive().max(1_000_000).nullable(),
    /** A value above median + k · MAD of the location's history is implausible. */
    spikeK: z.number().min(1).max(1000),
    /**
     * Whether rows go to the checks at all. They take part of a core beside the replay (about 0.7
     * of the full-speed rate on two cores), so whoever wants the last rows per second can turn
     * them off; like the other settings, from the next run.
     */
    enabled: z.boolean(),
  })
  .strict();
export type AnalysisSettings = z.infer<typeof analysisSettingsSchema>;

export const alarmsPanelViewSchema = z.object({
  measure: z.string(),
  active: z.array(alarmSchema),
  /** The newest cleared alarms, newest first, at most MAX_ALARMS_SENT. */
  closed: z.array(alarmSchema),
  /** Cleared alarms in all (those the detector dropped included). */
  closedCount: z.number(),
  peers: z.enum(['network', 'correlation', 'none']),
});
export type AlarmsPanelView = z.infer<typeof alarmsPanelViewSchema>;

export const ANALYSIS_STATES = ['waiting', 'learning', 'live', 'unavailable'] as const;
export type AnalysisState = (typeof ANALYSIS_STATES)[number];

/** Rows the checks may fall behind a replay before the replay waits for them: bounded memory, no row skipped. */
export const ANALYSIS_MAX_WAITING = 200_000;

export const analysisViewSchema = z.object({
  /**
   * waiting: no rows yet. learning: the first rows are held while the cadence is learnt (the
   * profiles need their bin width up front). live: every row is checked as it comes.
   * unavailable: the data has no event time or no numeric column (message says which).
   */
  state: z.enum(ANALYSIS_STATES),
  message: z.string().nullable(),
  /** Increases whenever anything in the view changed. */
  version: z.number(),
  measure: z.string().nullable(),
  locationColumn: z.string().nullable(),
  /** The file's cadence used for the profiles' bins; null before it is known. */
  cadenceMs: z.number().nullable(),
  settings: analysisSettingsSchema,
  /** Settings changed during a run: they apply when the replay starts again. */
  settingsPending: z.boolean(),
  health: healthPanelViewSchema,
  heatmap: heatmapViewSchema.nullable(),
  typicalDay: typicalDayViewSchema.nullable(),
  /** The location the heatmap shows (null: all) and the typical day's (null: the first seen). */
  heatmapLocation: z.string().nullable(),
  typicalLocation: z.string().nullable(),
  alarms: alarmsPanelViewSchema.nullable(),
  /**
   * Rows handed to the checks and not checked yet. The checks run beside the replay at a lower
   * priority: at full speed they fall behind (at most ANALYSIS_MAX_WAITING rows; the replay waits
   * beyond that) and catch up when the replay ends.
   */
  rowsWaiting: z.number().int().nonnegative(),
});
export type AnalysisView = z.infer<typeof analysisViewSchema>;

const ok = z.object({ ok: z.literal(true) });

export const ANALYSIS_EXPORTS = ['flags', 'alarms'] as const;
export type AnalysisExport = (typeof ANALYSIS_EXPORTS)[number];

export const analysisCommands = {
  /** New health settings: they apply from the next run of the replay (or the next watched topic). */
  'analysis:configure': { args: analysisSettingsSchema, result: ok },
  /** Which location the heatmap (null: all) and the typical day show. */
  'analysis:selectLocation': {
    args: z.object({ heatmap: z.string().max(1000).nullable(), typical: z.string().max(1000).nullable() }).strict(),
    result: ok,
  },
  /**
   * Writes every flag or every alarm as CSV to `path`. Run by the hosts only (download, save
   * dialog); the page never sends it (shared/commandPaths.ts).
   */
  'analysis:export': {
    args: z.object({ what: z.enum(ANALYSIS_EXPORTS), path: z.string().min(1).max(4096) }).strict(),
    result: z.object({ rows: z.number() }),
  },
} as const;

/** Answered by the desktop shell itself (a native save dialog), never by the engine. */
export const analysisShellCommands = {
  'analysis:showExportDialog': {
    args: z.object({ what: z.enum(ANALYSIS_EXPORTS) }).strict(),
    result: z.object({ rows: z.number(), path: z.string() }).nullable(),
  },
} as const;
