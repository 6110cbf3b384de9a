/**
 * What a file's columns mean: each column's type and role, and how its time is written. The
 * engine infers it; the user corrects it in the schema dialog; corrections are remembered per
 * header.
 */
import { z } from 'zod';
import { fileEncodingSchema } from './encoding';
import { COLUMN_TYPES } from './records';

/** timestamp: read as the event time; location: keys the bus (per-place order); measure: a number; category: text. */
export const COLUMN_ROLES = ['timestamp', 'location', 'measure', 'category'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export const TIME_FORMAT_IDS = ['iso', 'mdy', 'dmy', 'dmy-dot', 'dmy-dash', 'mdy-dash', 'ymd-slash', 'named-month', 'ymd-compact', 'ymd-compact-short', 'excel-serial', 'epoch-s', 'epoch-ms', 'epoch-us', 'epoch-ns', 'clock'] as const;
export type TimeFormatId = (typeof TIME_FORMAT_IDS)[number];

/** For people, each with an example; the schema dialog offers them and error messages name them. */
export const TIME_FORMAT_LABELS: Record<TimeFormatId, string> = {
  iso: 'ISO 8601 (2026-10-01T08:15:00Z)',
  mdy: 'Month/day/year (10/1/2026 8:15 AM)',
  dmy: 'Day/month/year (01/10/2026 08:15)',
  'dmy-dot': 'Day.month.year (01.10.2026 08:15)',
  'dmy-dash': 'Day-month-year (01-10-2026 08:15)',
  'mdy-dash': 'Month-day-year (10-01-2026 08:15)',
  'ymd-slash': 'Year/month/day, also with dots (2026/10/01 08:15)',
  'named-month': 'Month by name (1-Oct-2026 08:15)',
  'ymd-compact': 'Year, month, day (and time) as one number (202610010815)',
  'ymd-compact-short': 'Two-digit year, month and day as one number (261001)',
  'excel-serial': 'Excel date number: days since 1899-12-30 (46296.34375)',
  'epoch-s': 'Unix time in seconds (1790842500)',
  'epoch-ms': 'Unix time in milliseconds (1790842500000)',
  'epoch-us': 'Unix time in microseconds (1790842500000000)',
  'epoch-ns': 'Unix time in nanoseconds (1790842500000000000)',
  clock: 'Time of day (8:15:00 AM)',
};

export const columnInfoSchema = z.object({
  name: z.string(),
  type: z.enum(COLUMN_TYPES),
  role: z.enum(COLUMN_ROLES),
});
export type ColumnInfo = z.infer<typeof columnInfoSchema>;

/**
 * A zoned time column's reading: `as-written` keeps the clock the file writes (`22:00+01:00` is
 * 22:00, as zone-less times are read); `utc` applies each zone and shows UTC instants.
 */
export const ZONE_READINGS = ['as-written', 'utc'] as const;
export type ZoneReading = (typeof ZONE_READINGS)[number];

/** How the timestamp-role columns become one event time (epoch ms; zone-less times as UTC wall clock). */
export const timeSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('column'),
    column: z.string(),
    format: z.enum(TIME_FORMAT_IDS),
    label: z.string(),
    /** How zones written beside the times are read (see ZONE_READINGS); absent: applied, as UTC instants. */
    zones: z.enum(ZONE_READINGS).optional(),
  }),
  /** The original data set's form: a clock time, a day of month and maybe a weekday, anchored to a month. */
  z.object({
    kind: z.literal('split'),
    time: z.string(),
    day: z.string(),
    weekday: z.string().nullable(),
    anchorYear: z.number().int(),
    anchorMonth: z.number().int().min(1).max(12),
    /** Rows run newest first: the anchor is the newest month, and a day of month jumping forward goes back a month. */
    newestFirst: z.boolean().optional(),
    label: z.string(),
  }),
  /**
   * The whole date over several columns: a date column (read in `dateFormat`) or year, month and
   * day columns; and a time-of-day column (`clock`) or hour, minute and second columns. Absent
   * parts are null (no time of day: midnight).
   */
  z.object({
    kind: z.literal('parts'),
    date: z.string().nullable(),
    dateFormat: z.enum(TIME_FORMAT_IDS).nullable(),
    year: z.string().nullable(),
    month: z.string().nullable(),
    day: z.string().nullable(),
    clock: z.string().nullable(),
    /** Time of day as a whole number HHMM (`815` = 08:15, `1430`), as US count files write it; absent in older saved schemas. */
    hhmm: z.string().nullable().optional(),
    hour: z.string().nullable(),
    minute: z.string().nullable(),
    second: z.string().nullable(),
    label: z.string(),
  }),
]);
export type TimeSource = z.infer<typeof timeSourceSchema>;

/**
 * Which way a file's event time runs, judged as it opens from the consecutive rows of each location
 * in its first block: oldest first (ascending), newest first (descending, as exports "latest first"
 * are), or neither clearly (mixed). A descending file is replayed from its end (reversedFileSource).
 */
export const TIME_ORDERS = ['ascending', 'descending', 'mixed'] as const;
export type TimeOrder = (typeof TIME_ORDERS)[number];
export const timeOrderSchema = z.enum(TIME_ORDERS);

/** The user's corrections, as sent from the schema dialog and remembered per header. */
export const schemaOverridesSchema = z
  .object({
    roles: z.record(z.string().max(1000), z.enum(COLUMN_ROLES)),
    /** Forces how a single timestamp column is read; null lets the engine detect it. */
    timeFormat: z.enum(TIME_FORMAT_IDS).nullable(),
    /** For the split form: the month the first row falls in, when the weekday cannot tell. */
    anchor: z.object({ year: z.number().int().min(1970).max(2200), month: z.number().int().min(1).max(12) }).nullable(),
    /** Reads the file in this encoding instead of the detected one; absent lets the engine detect it. */
    encoding: fileEncodingSchema.optional(),
    /** The main measure (threshold, forecasts, graph load); absent or null lets the engine choose. */
    measure: z.string().max(1000).nullable().optional(),
    /** How a zoned time column is read (see ZONE_READINGS); absent or null lets the engine choose. */
    zones: z.enum(ZONE_READINGS).nullable().optional(),
  })
  .strict();
export type SchemaOverrides = z.infer<typeof schemaOverridesSchema>;
