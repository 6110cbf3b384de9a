/**
 * Values that cannot be right whatever the neighbours say: a negative count, occupancy or speed;
 * a count above the site's capacity; a count far above the location's own history. "Far above"
 * is robust (median + k · spread, the spread from the MAD) so the very spikes being hunted do
 * not inflate the yardstick, as they would a mean and standard deviation. The spread has a
 * floor (spikeMinSpread, and √median as for Poisson counts) so a quiet site whose history is
 * 1, 2, 2, 3 is not flagged for counting 9. A value must also exceed spikeHighFactor times the
 * usual busy level (95th percentile), because a daily traffic curve's median and MAD speak for the
 * quiet hours and a real jam can double the peak.
 */
import type { CellValue } from '../../../shared/records';
import { formatNumber } from './describe';
import type { HealthOptions } from './healthOptions';
import { isNoVehicleSpeed, type NonNegativeColumn } from './noVehicleSpeed';
import { MAD_TO_SIGMA } from './robustStats';
import type { TypicalProfile } from './typicalProfile';

/** "CarCount is -1, Total is -3", or null when none of the columns is negative (a speed over no vehicle is no reading). */
export function negativeEvidence(values: readonly CellValue[], columns: readonly NonNegativeColumn[]): string | null {
  // The list is made only when a value is negative: this runs on every row, and nearly none is.
  let found: string[] | null = null;
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i] as NonNegativeColumn;
    const value = values[column.index];
    if (typeof value === 'number' && value < 0 && !isNoVehicleSpeed(values, column)) (found ??= []).push(`${column.name} is ${formatNumber(value)}`);
  }
  return found === null ? null : `${found.join(', ')}: counts, occupancy and speed cannot be negative`;
}

export function capacityEvidence(value: number, measure: string, cadenceMs: number | null, options: HealthOptions): string | null {
  if (options.capacityPerHour === null || cadenceMs === null) return null;
  const limit = (options.capacityPerHour * cadenceMs) / 3_600_000;
  if (value <= limit) return null;
  return `${measure} is ${formatNumber(value)}, above the site's capacity of ${formatNumber(Math.round(limit))} per interval (${formatNumber(options.capacityPerHour)} per hour)`;
}

/** The value above which the location's own history says a count is implausible, or null while the history is too short. */
export function spikeLimit(profile: TypicalProfile, historyMs: number, options: HealthOptions): { limit: number; median: number } | null {
  if (profile.count < options.spikeMinHistory || historyMs < options.spikeMinHistoryMs) return null;
  const stats = profile.spread();
  if (stats === null) return null;
  const spread = Math.max(stats.mad * MAD_TO_SIGMA, options.spikeMinSpread, Math.sqrt(Math.max(stats.median, 0)));
  const limit = Math.max(stats.median + options.spikeK * spread, options.spikeHighFactor * stats.high);
  return { limit, median: stats.median };
}

export function spikeEvidence(value: number, measure: string, limit: { limit: number; median: number }): string | null {
  if (value <= limit.limit) return null;
  return `${measure} is ${formatNumber(value)}, far above this location's usual values (median ${formatNumber(Math.round(limit.median))}, plausible up to about ${formatNumber(Math.round(limit.limit))})`;
}
