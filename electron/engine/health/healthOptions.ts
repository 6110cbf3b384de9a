/**
 * The checker's knobs and their defaults. Durations are in time, not rows, because real files
 * come at 1 min, 5 min, 15 min, 1 h or a day: "stuck for 2 hours" means the same thing at every
 * cadence, and is turned into intervals once the location's cadence is known.
 */
import type { HealthSettings } from '../../../shared/health/healthContract';

export interface HealthOptions {
  /** A repeated non-zero main-measure value this long is stuck (2 h: 8 intervals of 15 min). */
  stuckDurationMs: number;
  /** Never fewer intervals than this, so hourly or daily data needs a few repeats, not one. */
  stuckMinIntervals: number;
  /** Intervals used while a location's cadence is still unknown. */
  stuckFallbackIntervals: number;
  /**
   * Small counts repeat by chance (2, 2, 2 at night), so a value at or below this needs twice the
   * run length to count as stuck.
   */
  stuckLowValue: number;
  /**
   * A run of zeros is flagged once it is stuck-long and the location usually counts at least this
   * many vehicles over the same intervals (the sum of its typical values there). A zero where ~5
   * are usual happens by chance; thirty missing vehicles in a row do not.
   */
  zeroRunMinExpected: number;
  /** Spike: above median + k · robust spread of the location's history. */
  spikeK: number;
  /**
   * …and above this multiple of its usual busy level (95th percentile). Over a day-shaped series
   * the median and MAD describe mostly the off-peak, while a real jam runs at 2–2.5 times the
   * usual peak (the sample's incidents do); a detector fault goes well beyond that.
   */
  spikeHighFactor: number;
  /** Values of the location's history needed before spikes are judged… */
  spikeMinHistory: number;
  /** …and the history must span at least this long (a whole day, so the night is not all it knows). */
  spikeMinHistoryMs: number;
  /** Floor on the robust spread, so integer low counts (median 2, MAD 1) do not overflag. */
  spikeMinSpread: number;
  /** Vehicles per hour the site cannot exceed; null: no capacity check. */
  capacityPerHour: number | null;
  /** Missing intervals in one gap that get a flag of their own (fewer only lower coverage). */
  gapMinIntervals: number;
  /** A day below this share of its expected rows has insufficient data (PeMS: 60 %). */
  insufficientShare: number;
  /** Flags within this time before a location's latest row make it suspect. */
  recentWindowMs: number;
  /** Days of coverage kept per location (older days still count in the overall coverage). */
  daysKept: number;
  /** Values per time-of-day bin remembered for the typical value (48 bins per location). */
  typicalSamplesPerBin: number;
  /** Values a time-of-day bin needs before its median is trusted. */
  typicalMinSamples: number;
  /** Rows with every count column present used to find which column is the total of which parts. */
  totalLearningRows: number;
  /** Flags kept in the list; the rest are counted as dropped. */
  maxFlags: number;
}

const HOUR = 3_600_000;

export const DEFAULT_HEALTH_OPTIONS: Readonly<HealthOptions> = {
  stuckDurationMs: 2 * HOUR,
  stuckMinIntervals: 3,
  stuckFallbackIntervals: 8,
  stuckLowValue: 3,
  zeroRunMinExpected: 30,
  spikeK: 8,
  spikeHighFactor: 3,
  spikeMinHistory: 48,
  spikeMinHistoryMs: 24 * HOUR,
  spikeMinSpread: 2,
  capacityPerHour: null,
  gapMinIntervals: 3,
  insufficientShare: 0.6,
  recentWindowMs: 24 * HOUR,
  daysKept: 14,
  typicalSamplesPerBin: 32,
  typicalMinSamples: 3,
  totalLearningRows: 48,
  maxFlags: 2000,
};

/** Defaults overlaid with the user's settings (from the page) and any engine-side overrides. */
export function resolveHealthOptions(settings: HealthSettings = {}, overrides: Partial<HealthOptions> = {}): HealthOptions {
  const fromSettings: Partial<HealthOptions> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (value !== undefined) (fromSettings as Record<string, unknown>)[key] = value;
  }
  return { ...DEFAULT_HEALTH_OPTIONS, ...fromSettings, ...overrides };
}

/** Intervals a stuck run needs at this cadence. */
export function stuckIntervals(options: HealthOptions, cadenceMs: number | null): number {
  if (cadenceMs === null) return options.stuckFallbackIntervals;
  return Math.max(options.stuckMinIntervals, Math.ceil(options.stuckDurationMs / cadenceMs));
}
