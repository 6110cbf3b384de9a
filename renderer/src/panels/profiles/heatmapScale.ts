/** The heatmap's colour scale and cell labels: pale for quiet, deep blue for busy, empty cells apart. */
import { WEEKDAYS_MONDAY_FIRST, type HeatmapView } from '../../../../shared/profiles/profileContract';

const LOW = [239, 246, 255];
const HIGH = [29, 78, 216];

/** The colour of `value` on a scale from `min` to `max`. */
export function heatColor(value: number, min: number, max: number): string {
  const t = max > min ? Math.min(1, Math.max(0, (value - min) / (max - min))) : 0.5;
  const channel = (i: number): number => Math.round((LOW[i] as number) + t * ((HIGH[i] as number) - (LOW[i] as number)));
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}

export const LEGEND_GRADIENT = `linear-gradient(to right, rgb(${LOW.join(', ')}), rgb(${HIGH.join(', ')}))`;

/** Smallest and largest cell mean; null when every cell is empty. */
export function meanRange(view: HeatmapView): { min: number; max: number } | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const mean of view.mean) {
    if (mean === null) continue;
    if (mean < min) min = mean;
    if (mean > max) max = mean;
  }
  return min <= max ? { min, max } : null;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** "08:00" for the start of a bin. */
export function binStart(bin: number, binMinutes: number): string {
  const minutes = bin * binMinutes;
  return `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
}

/** What a cell says on hover and to a screen reader. */
export function cellLabel(view: HeatmapView, day: number, bin: number): string {
  const index = day * view.binsPerDay + bin;
  const mean = view.mean[index] ?? null;
  const count = view.count[index] ?? 0;
  const when = `${WEEKDAYS_MONDAY_FIRST[day]} ${binStart(bin, view.binMinutes)}–${binStart(bin + 1, view.binMinutes)}`;
  return mean === null ? `${when}: no readings` : `${when}: mean ${view.measure} ${formatMean(mean)} (${count} readings)`;
}

export function formatMean(value: number): string {
  return Number(value.toFixed(2)).toString();
}
