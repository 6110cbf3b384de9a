/**
 * Windowed aggregates over event time (issue 23): what a window declaration says, the row a
 * window table holds, and the view the page is sent about one window. Zod schemas like the rest of
 * the contract, so whoever wires these into ../contract.ts can validate them at the boundary.
 *
 * Window bounds travel as epoch ms (UTC wall clock, like TrafficRecord.time); the SQL table shows
 * them as 'YYYY-MM-DD HH:MM:SS' text, the live table's `_time` format, so they sort as text, read
 * as times and compare directly with `_time` (see windowTableColumns.ts in the engine).
 */
import { z } from 'zod';

export const WINDOW_KINDS = ['tumble', 'hop'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

/** final: a window's row is emitted once, when the watermark passes its end. changes: every update too (ksqlDB's EMIT CHANGES). */
export const EMIT_MODES = ['final', 'changes'] as const;
export type EmitMode = (typeof EMIT_MODES)[number];

/** Units a statement may write, in milliseconds. Months and years are not fixed lengths, so they are not offered. */
export const TIME_UNIT_MS = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
} as const;
export type TimeUnit = keyof typeof TIME_UNIT_MS;

/**
 * Most windows one row may fall in (size / hop). Each row updates that many windows, so this caps
 * the per-row cost; 1 DAY EVERY 1 MINUTE (1440) is about the finest useful slide.
 */
export const MAX_WINDOWS_PER_ROW = 1440;
/** Longest window and longest allowed lateness: 31 days, beyond which open windows would hold a month of state. */
export const MAX_WINDOW_MS = 31 * TIME_UNIT_MS.day;

/**
 * A window as declared. Tumbling windows have hopMs === sizeMs. Windows are aligned to the epoch
 * (UTC midnight, so hourly windows start on the hour, like Spark's and Flink's); sizeMs must be a
 * whole multiple of hopMs so every row falls in exactly sizeMs / hopMs windows.
 */
export const windowSpecSchema = z
  .object({
    name: z.string().min(1).max(128),
    kind: z.enum(WINDOW_KINDS),
    sizeMs: z.number().int().positive().max(MAX_WINDOW_MS),
    hopMs: z.number().int().positive(),
    /** How far behind the newest event time a row may be and still count (the watermark's delay). */
    latenessMs: z.number().int().nonnegative().max(MAX_WINDOW_MS),
    emit: z.enum(EMIT_MODES),
    /** The measures aggregated, by column name; null: every measure column of the schema. */
    measures: z.array(z.string()).nullable(),
  })
  .strict()
  .refine((spec) => spec.hopMs <= spec.sizeMs && spec.sizeMs % spec.hopMs === 0, {
    message: 'The window size must be a whole multiple of the hop (and the hop no longer than the size).',
  })
  .refine((spec) => spec.sizeMs / spec.hopMs <= MAX_WINDOWS_PER_ROW, {
    message: `A row may fall in at most ${MAX_WINDOWS_PER_ROW} windows (size / hop).`,
  })
  .refine((spec) => spec.kind === 'hop' || spec.hopMs === spec.sizeMs, { message: 'A tumbling window hops by its own size.' });
export type WindowSpec = z.infer<typeof windowSpecSchema>;

/** One measure's aggregate in one window at one location. Null when no row in the window had a number there. */
export const measureAggregateSchema = z.object({
  /** Rows with a number in this measure (rows with an empty cell count in row_count but not here). */
  count: z.number().int().nonnegative(),
  sum: z.number().nullable(),
  mean: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
});
export type MeasureAggregate = z.infer<typeof measureAggregateSchema>;

/** A window's row for one location, as emitted. */
export const windowRowSchema = z.object({
  /** Inclusive start, epoch ms. */
  windowStart: z.number(),
  /** Exclusive end, epoch ms. */
  windowEnd: z.number(),
  /** The location column values in schema order (empty when the data has no location). */
  location: z.array(z.union([z.string(), z.number(), z.null()])),
  rowCount: z.number().int().nonnegative(),
  /** In the order of the window's measures. */
  measures: z.array(measureAggregateSchema),
  /** True when the watermark has passed the window's end: this row will not change again. */
  closed: z.boolean(),
});
export type WindowRow = z.infer<typeof windowRowSchema>;

/** A row that came after its window was emitted: listed for the user, not added. */
export const lateRowSchema = z.object({
  time: z.number(),
  /** The location column values joined with ' / ' (empty when the data has no location). */
  location: z.string(),
  /** 1-based line in the source file. */
  line: z.number().int(),
  /** How far the row's time was behind the watermark when it arrived (ms). */
  behindWatermarkMs: z.number().nonnegative(),
  /** Of the windows it falls in, how many had already been emitted (all of them for a tumbling window). */
  missedWindows: z.number().int().positive(),
});
export type LateRow = z.infer<typeof lateRowSchema>;

/** Most late rows listed; past it the oldest are let go and only counted (lateDropped). */
export const LATE_ROWS_LISTED = 200;

/** What the page is told about one declared window. */
export const windowViewSchema = z.object({
  spec: z.object({
    name: z.string(),
    kind: z.enum(WINDOW_KINDS),
    sizeMs: z.number(),
    hopMs: z.number(),
    latenessMs: z.number(),
    emit: z.enum(EMIT_MODES),
    measures: z.array(z.string()),
  }),
  /** Newest event time seen minus the allowed lateness; null before the first timed row. */
  watermark: z.number().nullable(),
  /** Window × location rows still open (the state held). */
  openRows: z.number().int().nonnegative(),
  /** Rows emitted as closed. */
  closedRows: z.number().int().nonnegative(),
  /** Rows whose time was empty: they belong to no window. */
  untimed: z.number().int().nonnegative(),
  lateCount: z.number().int().nonnegative(),
  /** The newest LATE_ROWS_LISTED late rows, in arrival order. */
  late: z.array(lateRowSchema),
  /** Late rows counted but no longer listed (lateCount - late.length). */
  lateDropped: z.number().int().nonnegative(),
});
export type WindowView = z.infer<typeof windowViewSchema>;
