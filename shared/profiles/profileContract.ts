/**
 * Profiles of the main measure (issue 23): when in the week traffic is heavy (a time-of-day ×
 * day-of-week heatmap), what a typical day looks like at a location (median and 10–90 % band by
 * time of day, with today drawn over it), and how far a reading is from that typical day (which
 * later feeds incident alarms). The views the page receives; the engine builds them in
 * electron/engine/profiles/.
 *
 * Times of day and weekdays are read on the UTC wall clock, as every event time is (zone-less
 * times are stored as UTC wall clock), so "08:00" is 08:00 as the file wrote it.
 */
import { z } from 'zod';

/** Rows of the heatmap, Monday first (ISO 8601), as traffic engineers lay out a week. */
export const WEEKDAYS_MONDAY_FIRST = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/**
 * Mean and count per cell, row-major: cell (day, bin) at index day * binsPerDay + bin. A cell no
 * row fell in has mean null and count 0. For all locations (location null) a cell's mean is the mean
 * over every reading in it, so it is on the same scale as one location's map (a typical reading,
 * not the city's total).
 */
export const heatmapViewSchema = z.object({
  measure: z.string(),
  /** null: all locations together. */
  location: z.string().nullable(),
  binMinutes: z.number().int().positive(),
  binsPerDay: z.number().int().positive(),
  mean: z.array(z.number().nullable()),
  count: z.array(z.number().int().nonnegative()),
  /** Locations seen, for the page's picker, in first-seen order. */
  locations: z.array(z.string()),
});
export type HeatmapView = z.infer<typeof heatmapViewSchema>;

/**
 * A location's typical day: per time-of-day bin, the median and the 10 % and 90 % quantiles of the
 * readings held (the most recent `capacity` per bin, i.e. roughly the last `capacity` days),
 * from the days before the current one; and the current data day's mean per bin to draw over it.
 */
export const typicalDayViewSchema = z.object({
  measure: z.string(),
  location: z.string(),
  binMinutes: z.number().int().positive(),
  binsPerDay: z.number().int().positive(),
  median: z.array(z.number().nullable()),
  p10: z.array(z.number().nullable()),
  p90: z.array(z.number().nullable()),
  /** Readings the quantiles of each bin are computed from. */
  samples: z.array(z.number().int().nonnegative()),
  /** The current data day (the newest event time's day), epoch ms of its midnight; null before any row. */
  today: z.number().nullable(),
  /** The current day's mean per bin; null where no row has come yet. */
  todayMean: z.array(z.number().nullable()),
});
export type TypicalDayView = z.infer<typeof typicalDayViewSchema>;

export const DEVIATION_BANDS = ['below', 'within', 'above'] as const;
export type DeviationBand = (typeof DEVIATION_BANDS)[number];

/**
 * A reading against its location's typical day at that time of day. `score` is in robust standard
 * deviations: (value - median) / ((p90 - p10) / 2.563), 2.563 being the width of a normal
 * distribution's 10–90 % interval in standard deviations, so |score| > 3 reads as "unusual" as it
 * would for a bell curve, without the mean's and standard deviation's sensitivity to the incidents
 * it is meant to find.
 */
export const deviationSchema = z.object({
  value: z.number(),
  median: z.number(),
  p10: z.number(),
  p90: z.number(),
  score: z.number(),
  band: z.enum(DEVIATION_BANDS),
  samples: z.number().int().nonnegative(),
  /** Enough history for the score to mean something (see the engine's minSamples). */
  reliable: z.boolean(),
});
export type Deviation = z.infer<typeof deviationSchema>;
