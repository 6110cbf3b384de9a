/**
 * The one map of every command (renderer → engine/shell) and every event (engine → renderer).
 * Preload, Electron main, web host, engine worker and renderer all derive their typed helpers
 * from these maps, so "find references" on a channel name links every process.
 */
import { z } from 'zod';
import { COLUMN_TYPES, THRESHOLD_OPERATORS } from './records';

const cellValue = z.union([z.number(), z.string(), z.null()]);

export const columnInfoSchema = z.object({
  name: z.string(),
  type: z.enum(COLUMN_TYPES),
});

export const fileInfoSchema = z.object({
  path: z.string(),
  name: z.string(),
  sizeBytes: z.number().nonnegative(),
  delimiter: z.string(),
  columns: z.array(columnInfoSchema),
  /** Data rows guessed from the first block; replaced by an exact count once the file is scanned. */
  estimatedRows: z.number().nonnegative(),
});
export type FileInfo = z.infer<typeof fileInfoSchema>;

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
  /** Target pace; null means as fast as possible. */
  targetRowsPerSecond: z.number().nullable(),
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
  values: z.array(cellValue),
  passes: z.boolean(),
});
export type FeedRow = z.infer<typeof feedRowSchema>;

export const feedViewSchema = z.object({
  /** When true the renderer replaces its rows; otherwise it prepends them. */
  reset: z.boolean(),
  onlyPassing: z.boolean(),
  /** Oldest first; the renderer shows them newest first. */
  rows: z.array(feedRowSchema),
  /** Rows that arrived since the last update but were too many to send (full-speed replay). */
  skipped: z.number(),
  capacity: z.number(),
});
export type FeedView = z.infer<typeof feedViewSchema>;

export const rejectedRowSchema = z.object({
  line: z.number(),
  reason: z.string(),
  text: z.string(),
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
  file: fileInfoSchema.nullable(),
  replay: replayProgressSchema,
  threshold: thresholdViewSchema,
  feed: feedViewSchema,
  rejected: rejectedViewSchema,
});
export type ViewUpdate = z.infer<typeof viewUpdateSchema>;

const noArgs = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });

export const commands = {
  /** Opens a CSV by path, infers its columns, and resets the session. */
  'file:open': { args: z.object({ path: z.string().min(1).max(4096) }).strict(), result: fileInfoSchema },
  'file:openSample': { args: noArgs, result: fileInfoSchema },
  /** Desktop shell only: shows the native file dialog; null when the user cancels. */
  'file:showOpenDialog': { args: noArgs, result: fileInfoSchema.nullable() },
  'replay:start': {
    args: z.object({ rowsPerSecond: z.number().positive().max(10_000_000).nullable() }).strict(),
    result: ok,
  },
  'replay:setRate': {
    args: z.object({ rowsPerSecond: z.number().positive().max(10_000_000).nullable() }).strict(),
    result: ok,
  },
  'replay:pause': { args: noArgs, result: ok },
  'replay:resume': { args: noArgs, result: ok },
  'replay:stop': { args: noArgs, result: ok },
  'threshold:set': { args: thresholdSettingsSchema.strict(), result: ok },
  'feed:setOnlyPassing': { args: z.object({ onlyPassing: z.boolean() }).strict(), result: ok },
  /** Full state for a window that (re)connects: feed and rejected lists come as resets. */
  'session:snapshot': { args: noArgs, result: viewUpdateSchema },
} as const;

export const MENU_ACTIONS = ['open', 'openSample', 'replay', 'pauseResume', 'stop'] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];

export const events = {
  'view:update': viewUpdateSchema,
  /** Desktop shell only: a menu item or accelerator the page should act on with its own settings. */
  'menu:action': z.object({ action: z.enum(MENU_ACTIONS) }),
} as const;

/** The two IPC channels of the desktop shell; every command and event travels through them. */
export const IPC_INVOKE_CHANNEL = 'app:invoke';
export const IPC_EVENT_CHANNEL = 'app:event';

export type CommandName = keyof typeof commands;
export type CommandArgs<K extends CommandName> = z.input<(typeof commands)[K]['args']>;
export type CommandResult<K extends CommandName> = z.output<(typeof commands)[K]['result']>;
export type EventName = keyof typeof events;
export type EventPayload<K extends EventName> = z.output<(typeof events)[K]>;

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(commands, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}
