/**
 * The one map of every command (renderer → engine/shell) and every event (engine → renderer).
 * Preload, Electron main, web host, engine worker and renderer all derive their typed helpers
 * from these maps, so "find references" on a channel name links every process.
 */
import { z } from 'zod';
import { analysisCommands, analysisShellCommands, analysisViewSchema } from './analysis/analysisContract';
import { busViewSchema, kafkaBusCommands } from './kafka/busContract';
import { graphCommands, graphShellCommands, graphViewSchema } from './graph/graphContract';
import { kafkaProfileCommands } from './kafka/profileContract';
import { predictCommands, predictShellCommands, predictViewSchema } from './predict/predictContract';
import { sqlCommands, sqlShellCommands, sqlTableViewSchema, truncatedCellSchema } from './sql/sqlContract';
import { THRESHOLD_OPERATORS } from './records';
import { encodingInfoSchema } from './encoding';
import { columnInfoSchema, schemaOverridesSchema, timeOrderSchema, timeSourceSchema } from './schema';
import { MENU_ACTIONS, type MenuAction } from './shell/menuActions';
import { themeSchema } from './shell/theme';

const cellValue = z.union([z.number(), z.string(), z.null()]);

export const timeRangeSchema = z.object({ first: z.number(), last: z.number() });

/**
 * The order a file's rows are replayed in, when it is not simply as written: a file sorted by
 * location, then time, is merged by time from its per-location runs, or (too many runs, a run out
 * of time order) replayed as written with a note saying so.
 */
export const replayOrderInfoSchema = z.object({
  merged: z.boolean(),
  /** Written newest first and replayed from the end, oldest first (absent: not reversed). */
  reversed: z.literal(true).optional(),
  /** Runs of rows by location, when known. */
  runs: z.number().int().nonnegative().nullable(),
  /** One short line for the page, e.g. "Grouped by location: 4 runs, replayed merged by time." */
  note: z.string(),
});
export type ReplayOrderInfo = z.infer<typeof replayOrderInfoSchema>;

export const fileInfoSchema = z.object({
  path: z.string(),
  name: z.string(),
  sizeBytes: z.number().nonnegative(),
  delimiter: z.string(),
  decimalComma: z.boolean(),
  columns: z.array(columnInfoSchema),
  time: timeSourceSchema.nullable(),
  location: z.string().nullable(),
  /** The main measure: where the threshold starts, what forecasts predict and what the graph sums as load. */
  measure: z.string().nullable(),
  /**
   * What the engine chose on the user's behalf or was unsure of, in plain words ("Location:
   * "Zählstelle", its values repeat once per time slot"), shown when the file opens.
   */
  notes: z.array(z.string().max(1000)).max(20),
  /** Span of event time from the file's first and last blocks; widened as the replay reads. */
  timeRange: timeRangeSchema.nullable(),
  /**
   * Which way the rows' time runs (from the first block): 'descending' for a file written newest
   * first. Null without a time column, for a topic, or when the first block has no two timed rows of
   * one location to compare.
   */
  timeOrder: timeOrderSchema.nullable(),
  /** The first rows as written, for the schema dialog. */
  preview: z.array(z.array(z.string())),
  /** True when the roles came from corrections remembered for this header. */
  rolesRemembered: z.boolean(),
  /** Data rows guessed from the first block; replaced by an exact count once the file is scanned. */
  estimatedRows: z.number().nonnegative(),
  /** Absent for a file replayed as written with nothing to say about its order. */
  replayOrder: replayOrderInfoSchema.optional(),
  /** How the file's bytes are read as text; null for a topic (its messages are UTF-8). */
  encoding: encodingInfoSchema.nullable(),
});
export type FileInfo = z.infer<typeof fileInfoSchema>;

export const MAX_SPEED = 1_000_000;

/** How fast rows are produced: by the data's own clock × speed, at a fixed row rate, or flat out. */
export const paceSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('fast') }).strict(),
  z.object({ mode: z.literal('rows'), rowsPerSecond: z.number().positive().max(10_000_000) }).strict(),
  z
    .object({
      mode: z.literal('event'),
      speed: z.number().positive().max(MAX_SPEED),
      /** Longer gaps in the data's time are shortened to this many data seconds; null honours every gap. */
      maxGapSeconds: z.number().positive().max(366 * 86_400).nullable(),
    })
    .strict(),
]);
export type Pace = z.infer<typeof paceSchema>;

export const DEFAULT_MAX_GAP_SECONDS = 3600;

/** The speeds by the data's clock offered as presets (3600×: an hour of data a second). */
export const EVENT_SPEEDS: readonly number[] = [1, 10, 60, 600, 3600];

/**
 * About how many rows a second a file's default pace produces: a slot of a city's junctions several
 * times a second, which the feed, the charts and the graph show moving and a person can still read.
 */
const WATCHABLE_ROWS_PER_SECOND = 40;

/** The pace without knowing how dense the file is: its own clock at 60× when it has time, else 1,000 rows/s. */
export function defaultPace(hasTime: boolean): Pace {
  return hasTime ? { mode: 'event', speed: 60, maxGapSeconds: DEFAULT_MAX_GAP_SECONDS } : { mode: 'rows', rowsPerSecond: 1000 };
}

/**
 * The pace a file gets until the user picks one: by its own clock, at the preset speed nearest
 * (by ratio) to about 40 rows a second, judged from its time span and estimated rows. A sample
 * city of 15-minute counts gets 3600× instead of a 60× that shows one slot every 15 s; a dense
 * sensor log gets 1×, never slower than real time.
 */
export function defaultPaceFor(info: Pick<FileInfo, 'time' | 'timeRange' | 'estimatedRows'>): Pace {
  const fallback = defaultPace(info.time !== null);
  if (fallback.mode !== 'event' || !info.timeRange) return fallback;
  const spanSeconds = (info.timeRange.last - info.timeRange.first) / 1000;
  if (!(spanSeconds > 0) || !(info.estimatedRows > 1)) return fallback;
  const wanted = (WATCHABLE_ROWS_PER_SECOND * spanSeconds) / info.estimatedRows;
  const distance = (speed: number): number => Math.abs(Math.log(speed / wanted));
  const speed = EVENT_SPEEDS.reduce((best, candidate) => (distance(candidate) < distance(best) ? candidate : best));
  return { ...fallback, speed };
}

export const replayLimitsSchema = z
  .object({
    /** Stop producing after this many seconds of running (pauses excluded). */
    durationSeconds: z.number().positive().max(366 * 86_400).nullable(),
    /** Stop after producing this many rows. */
    rows: z.number().int().positive().nullable(),
    /** Start again at the end of the file, shifting event times so loops follow each other. */
    loop: z.boolean(),
  })
  .strict();
export type ReplayLimits = z.infer<typeof replayLimitsSchema>;

export const seekTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('time'), time: z.number() }).strict(),
  z.object({ kind: z.literal('row'), row: z.number().int().nonnegative() }).strict(),
]);
export type SeekTarget = z.infer<typeof seekTargetSchema>;

export const REPLAY_STATES = ['idle', 'running', 'paused', 'finished', 'stopped', 'failed'] as const;
export type ReplayState = (typeof REPLAY_STATES)[number];

export const replayProgressSchema = z.object({
  state: z.enum(REPLAY_STATES),
  rowsRead: z.number(),
  rowsAccepted: z.number(),
  rowsRejected: z.number(),
  /** Rows the stages have consumed from the bus (trails rowsAccepted while the consumer catches up). */
  rowsConsumed: z.number(),
  totalRows: z.number().nullable(),
  totalExact: z.boolean(),
  bytesRead: z.number(),
  bytesTotal: z.number(),
  rowsPerSecond: z.number(),
  elapsedMs: z.number(),
  pace: paceSchema,
  limits: replayLimitsSchema,
  /** Loops completed (0 during the first pass). */
  loop: z.number(),
  /**
   * Runs started since the file (or topic) opened, this one included; 0 before the first. A replay
   * of a small file at full speed can start and finish between two view updates: the number tells
   * the page (and a test waiting for the end) that this "finished" is a new run's.
   */
  run: z.number().int().nonnegative(),
  /** Event time of the newest row produced (loop shift included); null when the file has no time. */
  eventTime: z.number().nullable(),
  /** Data rows of the file before the current read position (skipped ones included), for the scrubber. */
  position: z.number(),
  /** Where this run started, when it was a seek: panels were restarted from there. */
  seekedTo: seekTargetSchema.nullable(),
  /** Rows passed over to reach the seek target. */
  rowsSkipped: z.number(),
  /** Seconds until the end at the current pace; null when unknown or endless (loop). */
  etaSeconds: z.number().nullable(),
  /** Why the replay ended or failed, or what it is doing ("Seeking…"). */
  message: z.string().nullable(),
});
export type ReplayProgress = z.infer<typeof replayProgressSchema>;

export const thresholdSettingsSchema = z.object({
  column: z.string().min(1),
  operator: z.enum(THRESHOLD_OPERATORS),
  value: z.number().finite(),
});
export type ThresholdSettings = z.infer<typeof thresholdSettingsSchema>;

export const thresholdViewSchema = z.object({
  settings: thresholdSettingsSchema.nullable(),
  numericColumns: z.array(z.string()),
  observedMin: z.number().nullable(),
  observedMax: z.number().nullable(),
  passing: z.number(),
  evaluated: z.number(),
  /** True once the column had too many distinct values to count exactly (values are then bucketed). */
  approximate: z.boolean(),
});
export type ThresholdView = z.infer<typeof thresholdViewSchema>;

export const feedRowSchema = z.object({
  offset: z.number(),
  partition: z.number(),
  line: z.number(),
  time: z.number().nullable(),
  /** A text cell longer than FEED_CELL_MAX_CHARS comes cut, with its whole length, as a SQL result's does. */
  values: z.array(z.union([cellValue, truncatedCellSchema])),
  passes: z.boolean(),
});
export type FeedRow = z.infer<typeof feedRowSchema>;

export const feedViewSchema = z.object({
  /** When true the renderer replaces its rows; otherwise it prepends them. */
  reset: z.boolean(),
  onlyPassing: z.boolean(),
  /** Set when the feed shows one location's rows only (from the Junction graph's details card). */
  location: z.string().nullable(),
  /** Oldest first; the renderer shows them newest first. */
  rows: z.array(feedRowSchema),
  /** Rows that arrived since the last update but were too many to send (full-speed replay). */
  skipped: z.number(),
  capacity: z.number(),
});
export type FeedView = z.infer<typeof feedViewSchema>;

export const rejectedRowSchema = z.object({
  /** The file line; for a message on a monitored topic, its offset. */
  line: z.number(),
  reason: z.string(),
  text: z.string(),
  /** Set for messages from a Kafka topic: where the message is. */
  partition: z.number().optional(),
  offset: z.number().optional(),
});
export type RejectedRow = z.infer<typeof rejectedRowSchema>;

export const rejectedViewSchema = z.object({
  reset: z.boolean(),
  total: z.number(),
  rows: z.array(rejectedRowSchema),
  capacity: z.number(),
});
export type RejectedView = z.infer<typeof rejectedViewSchema>;

export const viewUpdateSchema = z.object({
  /**
   * The open file or topic; null when none. Absent from an update when it has not changed since the
   * update before (it is as wide as the file, with its preview rows): keep the last one.
   */
  file: fileInfoSchema.nullable().optional(),
  replay: replayProgressSchema,
  threshold: thresholdViewSchema,
  feed: feedViewSchema,
  rejected: rejectedViewSchema,
  bus: busViewSchema,
  sql: sqlTableViewSchema,
  predict: predictViewSchema,
  graph: graphViewSchema,
  /** Data quality, profiles and alarms; null when unchanged since the previous update (keep the last one). */
  analysis: analysisViewSchema.nullable(),
});
export type ViewUpdate = z.infer<typeof viewUpdateSchema>;

const noArgs = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });

/** What the engine answers, in either host. */
export const engineCommands = {
  /** Opens a CSV by path, infers its columns, and resets the session. */
  'file:open': { args: z.object({ path: z.string().min(1).max(4096) }).strict(), result: fileInfoSchema },
  'file:openSample': { args: noArgs, result: fileInfoSchema },
  /** Applies the user's roles (and remembers them for this header); a running replay restarts where it was. */
  'schema:apply': { args: z.object({ overrides: schemaOverridesSchema, remember: z.boolean() }).strict(), result: fileInfoSchema },
  /** Forgets the corrections for this header and goes back to what was inferred. */
  'schema:reset': { args: noArgs, result: fileInfoSchema },
  'replay:start': { args: z.object({ pace: paceSchema, limits: replayLimitsSchema }).strict(), result: ok },
  'replay:setPace': { args: z.object({ pace: paceSchema }).strict(), result: ok },
  /** Jumps to a time or row; the panels restart from there. Starts the replay when idle. */
  'replay:seek': { args: z.object({ target: seekTargetSchema }).strict(), result: ok },
  'replay:pause': { args: noArgs, result: ok },
  'replay:resume': { args: noArgs, result: ok },
  'replay:stop': { args: noArgs, result: ok },
  'threshold:set': { args: thresholdSettingsSchema.strict(), result: ok },
  'feed:setOnlyPassing': { args: z.object({ onlyPassing: z.boolean() }).strict(), result: ok },
  /** Shows only the rows of one location (the data's location column); null shows every row again. */
  'feed:setLocation': { args: z.object({ location: z.string().min(1).max(1000).nullable() }).strict(), result: ok },
  /** Writes every rejected row of the current replay (not only the listed ones) as CSV to a path the shell chose. */
  'rejected:save': { args: z.object({ path: z.string().min(1).max(4096) }).strict(), result: z.object({ rows: z.number() }) },
  /** Full state for a window that (re)connects: feed and rejected lists come as resets. */
  'session:snapshot': { args: noArgs, result: viewUpdateSchema },
  ...kafkaProfileCommands,
  ...kafkaBusCommands,
  ...sqlCommands,
  ...predictCommands,
  ...graphCommands,
  ...analysisCommands,
} as const;

/**
 * What only the desktop shell answers (native dialogs, the native theme), in its own handler map;
 * the engine never sees these, and the web host refuses them in one place.
 */
export const shellCommands = {
  /** Shows the native file dialog and opens the file; null when the user cancels. */
  'file:showOpenDialog': { args: noArgs, result: fileInfoSchema.nullable() },
  /** Asks where to save, then saves the rejected rows; null when the user cancels. */
  'rejected:showSaveDialog': { args: noArgs, result: z.object({ rows: z.number(), path: z.string() }).nullable() },
  /** The page's theme changed: the shell follows it in native dialogs and menus, and at the next launch. */
  'shell:setTheme': { args: z.object({ theme: themeSchema }).strict(), result: ok },
  ...sqlShellCommands,
  ...predictShellCommands,
  ...graphShellCommands,
  ...analysisShellCommands,
} as const;

/** Every command the page may send: the engine's and the desktop shell's. */
export const commands = { ...engineCommands, ...shellCommands } as const;

export { MENU_ACTIONS, type MenuAction };

export const events = {
  'view:update': viewUpdateSchema,
  /** Desktop shell only: a menu item or accelerator the page should act on with its own settings. */
  'menu:action': z.object({ action: z.enum(MENU_ACTIONS) }),
  /** The engine's thread died and was started again (or, after too many deaths, was not): what happened and what was lost. */
  'engine:restarted': z.object({ message: z.string(), restarted: z.boolean() }),
} as const;

/** The two IPC channels of the desktop shell; every command and event travels through them. */
export const IPC_INVOKE_CHANNEL = 'app:invoke';
export const IPC_EVENT_CHANNEL = 'app:event';

export type CommandName = keyof typeof commands;
export type EngineCommandName = keyof typeof engineCommands;
export type ShellCommandName = keyof typeof shellCommands;
export type CommandArgs<K extends CommandName> = z.input<(typeof commands)[K]['args']>;
export type CommandResult<K extends CommandName> = z.output<(typeof commands)[K]['result']>;
export type EventName = keyof typeof events;
export type EventPayload<K extends EventName> = z.output<(typeof events)[K]>;

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(commands, name);
}

export function isEngineCommandName(name: unknown): name is EngineCommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(engineCommands, name);
}

export function isShellCommandName(name: unknown): name is ShellCommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(shellCommands, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}
