/**
 * The detector-health part of the contract: what the "Data quality" panel is sent about each
 * location (status, reason, since when, coverage) and the flags that explain it. The engine's
 * checker (electron/engine/health) builds these views; the page only displays them.
 */
import { z } from 'zod';

/**
 * One kind of problem a flag reports. Grouped by HEALTH_CHECK_GROUP into the five families a
 * traffic engineer asks about: missing data, stuck detector, implausible values, inconsistent
 * columns, and bad timestamps.
 */
export const HEALTH_CHECKS = [
  'gap',
  'stuck',
  'zeros',
  'negative',
  'aboveCapacity',
  'spike',
  'totalMismatch',
  'occupancyWithoutFlow',
  'speedWithoutFlow',
  'duplicateTime',
  'outOfOrder',
] as const;
export type HealthCheck = (typeof HEALTH_CHECKS)[number];

export const HEALTH_GROUPS = ['missing', 'stuck', 'implausible', 'inconsistent', 'timestamps'] as const;
export type HealthGroup = (typeof HEALTH_GROUPS)[number];

export const HEALTH_CHECK_GROUP: Record<HealthCheck, HealthGroup> = {
  gap: 'missing',
  stuck: 'stuck',
  zeros: 'stuck',
  negative: 'implausible',
  aboveCapacity: 'implausible',
  spike: 'implausible',
  totalMismatch: 'inconsistent',
  occupancyWithoutFlow: 'inconsistent',
  speedWithoutFlow: 'inconsistent',
  duplicateTime: 'timestamps',
  outOfOrder: 'timestamps',
};

export const HEALTH_CHECK_LABELS: Record<HealthCheck, string> = {
  gap: 'Missing intervals',
  stuck: 'Stuck value',
  zeros: 'Zeros at a busy time',
  negative: 'Negative value',
  aboveCapacity: 'Above capacity',
  spike: 'Far above usual',
  totalMismatch: 'Total is not the sum of its parts',
  occupancyWithoutFlow: 'Occupancy without flow',
  speedWithoutFlow: 'Speed without flow',
  duplicateTime: 'Duplicated timestamp',
  outOfOrder: 'Timestamp out of order',
};

/**
 * ok: no flag in the recent window. suspect: a flag in the recent window, none of them serious
 * and ongoing. bad: the location is silent, its latest day received less than the insufficient-
 * data share (60 %, as PeMS), or a stuck / zeros / implausible episode is still going on.
 */
export const HEALTH_STATUSES = ['ok', 'suspect', 'bad'] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

/** One episode of one problem at one location: consecutive offending rows make one flag. */
export interface HealthFlag {
  /** Increasing in the order flags were raised; stable while the episode grows. */
  id: number;
  location: string;
  check: HealthCheck;
  /** Event time (epoch ms) of the first offending interval; for a gap, the first missing one. */
  start: number;
  /** Event time of the last offending interval (inclusive); for a gap, the last missing one. */
  end: number;
  /** Intervals (or rows) the episode covers. */
  intervals: number;
  /** The first offending row's line in the file, or null for a gap (no row). */
  line: number | null;
  /** Plain words: what was seen and what was expected. */
  evidence: string;
  /** True while the location's latest row is still part of the episode. */
  ongoing: boolean;
}

/** Rows received against rows expected at the location's cadence, for one UTC day. */
export interface DayCoverage {
  /** `YYYY-MM-DD` (event time, UTC wall clock). */
  day: string;
  received: number;
  expected: number;
  /** received / expected, 0..1. */
  share: number;
  /** Below the insufficient-data share. */
  insufficient: boolean;
}

export interface LocationHealth {
  location: string;
  status: HealthStatus;
  /** Why the status is what it is, in plain words ("OK" for ok). */
  reason: string;
  /** When the current status began (epoch ms), or null before the first timed row. */
  since: number | null;
  /** Inferred interval between rows (ms), or null while too few rows have arrived. */
  cadenceMs: number | null;
  rows: number;
  firstTime: number | null;
  lastTime: number | null;
  /** Rows received / rows expected over the whole stream so far, or null without a cadence. */
  coverage: number | null;
  /** The most recent days, oldest first. */
  days: DayCoverage[];
  /** Flags raised at this location by check, including flags dropped from the list. */
  flagCounts: Partial<Record<HealthCheck, number>>;
}

/** Totals that reconcile: rowsChecked === rowsGiven; flagsRaised === flagsKept + flagsDropped. */
export interface HealthCounts {
  rowsGiven: number;
  rowsChecked: number;
  /** Rows without an event time: only their values are checked. */
  rowsWithoutTime: number;
  duplicateTimes: number;
  outOfOrder: number;
  flagsRaised: number;
  flagsKept: number;
  /** Flags not kept because the list was full (their locations' counts and status still see them). */
  flagsDropped: number;
  byCheck: Partial<Record<HealthCheck, number>>;
}

/** Which columns the consistency checks found, so the panel can say what was checked. */
export interface HealthColumns {
  measure: string | null;
  /** A column found to be the sum of `parts` on most rows. */
  total: string | null;
  parts: string[];
  flow: string | null;
  occupancy: string | null;
  speed: string | null;
}

export interface HealthView {
  locations: LocationHealth[];
  flags: HealthFlag[];
  counts: HealthCounts;
  columns: HealthColumns;
}

/** What the user may tune; every field optional, absent means the engine's default. */
export const healthSettingsSchema = z
  .object({
    /** A repeated non-zero value this long (ms) is stuck. */
    stuckDurationMs: z.number().int().min(60_000).max(30 * 86_400_000).optional(),
    /** A value above median + k · MAD of the location's history is implausible. */
    spikeK: z.number().min(1).max(1000).optional(),
    /** Vehicles per hour the site cannot exceed; null: no capacity check. */
    capacityPerHour: z.number().positive().nullable().optional(),
    /** A gap of at least this many missing intervals gets its own flag. */
    gapMinIntervals: z.number().int().min(1).max(100_000).optional(),
    /** A day below this share of expected rows has insufficient data. */
    insufficientShare: z.number().min(0).max(1).optional(),
    /** Flags kept in the list; more are counted as dropped. */
    maxFlags: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict();
export type HealthSettings = z.infer<typeof healthSettingsSchema>;
