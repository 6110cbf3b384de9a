/**
 * How far a reading is from its location's typical day at that time of day, in robust units (see
 * Deviation in the contract). Pure, so alarms can call it with any profile.
 */
import type { Deviation } from '../../../shared/profiles/profileContract';

/** Width of a normal distribution's 10–90 % interval, in standard deviations (2 × 1.2816). */
export const NORMAL_P10_P90_WIDTH = 2.5631;

export interface BinQuantiles {
  median: number;
  p10: number;
  p90: number;
  samples: number;
}

export interface DeviationOptions {
  /**
   * The smallest spread divided by, in the measure's units. Where the band is flat (0 cars at 3 am
   * every night) one car would otherwise be infinitely unusual; with a count, 1 vehicle.
   */
  minSpread?: number;
  /** Fewer readings than this and `reliable` is false: a band from three days says little. */
  minSamples?: number;
}

export const DEFAULT_MIN_SPREAD = 1;
export const DEFAULT_MIN_SAMPLES = 7;

export function deviationFrom(value: number, profile: BinQuantiles, options: DeviationOptions = {}): Deviation {
  const { median, p10, p90, samples } = profile;
  const minSpread = options.minSpread ?? DEFAULT_MIN_SPREAD;
  if (!(minSpread > 0)) throw new RangeError(`minSpread must be more than 0, not ${minSpread}`);
  const spread = Math.max((p90 - p10) / NORMAL_P10_P90_WIDTH, minSpread);
  return {
    value,
    median,
    p10,
    p90,
    score: (value - median) / spread,
    band: value < p10 ? 'below' : value > p90 ? 'above' : 'within',
    samples,
    reliable: samples >= (options.minSamples ?? DEFAULT_MIN_SAMPLES),
  };
}
