/**
 * The over-time chart's visible x range and what lies under the pointer, apart from React and
 * recharts: zoom about a point, pan, clamp to the data, pixel ↔ value, and the point nearest a
 * value. Recharts' own tooltip cannot be used on this chart: on a numeric x axis it snaps to the
 * axis's ticks and takes the tick's index as the index of a data point, so past the first few
 * ticks it kept showing one of the first points (issue 20 #1).
 */

export type Range = readonly [number, number];

/** A zoomed view never narrows below this many points' spacing (nothing left to read). */
const MIN_POINTS_IN_VIEW = 4;

/** The x extent of the points (sorted by x); null without points. */
export function fullRange(xs: readonly number[]): Range | null {
  if (xs.length === 0) return null;
  return [xs[0] as number, xs[xs.length - 1] as number];
}

/** The narrowest range worth showing: a few points' typical spacing. */
function minWidth(full: Range, points: number): number {
  const width = full[1] - full[0];
  return points > 1 ? (width / (points - 1)) * MIN_POINTS_IN_VIEW : width;
}

/** Keeps a range inside the data and at least the minimum width; the full range when it would cover it all. */
export function clampRange(range: Range, full: Range, points: number): Range {
  const fullWidth = full[1] - full[0];
  let [from, to] = range[0] <= range[1] ? range : [range[1], range[0]];
  const width = Math.max(to - from, Math.min(minWidth(full, points), fullWidth));
  if (width >= fullWidth) return full;
  const centre = (from + to) / 2;
  from = centre - width / 2;
  to = centre + width / 2;
  if (from < full[0]) [from, to] = [full[0], full[0] + width];
  if (to > full[1]) [from, to] = [full[1] - width, full[1]];
  return [from, to];
}

/** Zooms by `factor` (< 1 in, > 1 out) keeping the value at `anchor` where it is on screen. */
export function zoomAt(range: Range, anchor: number, factor: number, full: Range, points: number): Range {
  const [from, to] = range;
  return clampRange([anchor - (anchor - from) * factor, anchor + (to - anchor) * factor], full, points);
}

/** Moves the range by `fraction` of its width (negative: earlier), stopping at the data's ends. */
export function panBy(range: Range, fraction: number, full: Range, points: number): Range {
  const shift = (range[1] - range[0]) * fraction;
  return clampRange([range[0] + shift, range[1] + shift], full, points);
}

/** The value at `fraction` (0 = left edge, 1 = right edge) of the plot's width. */
export function valueAt(range: Range, fraction: number): number {
  return range[0] + (range[1] - range[0]) * Math.min(1, Math.max(0, fraction));
}

/** Index of the x nearest `value` in sorted `xs` (binary search); -1 without points. */
export function nearestIndex(xs: readonly number[], value: number): number {
  if (xs.length === 0) return -1;
  let low = 0;
  let high = xs.length - 1;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if ((xs[mid] as number) <= value) low = mid;
    else high = mid;
  }
  return Math.abs((xs[low] as number) - value) <= Math.abs((xs[high] as number) - value) ? low : high;
}

/** The slice of sorted points drawn for a range: those inside, and one either side so lines reach the edges. */
export function visibleSlice<T extends { x: number }>(points: readonly T[], range: Range): T[] {
  const firstInside = lowerBound(points, range[0]);
  const afterInside = lowerBound(points, range[1], true);
  return points.slice(Math.max(0, firstInside - 1), Math.min(points.length, afterInside + 1));
}

/** First index whose x is ≥ value (or > value when `after`), in sorted points. */
function lowerBound(points: readonly { x: number }[], value: number, after = false): number {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const x = (points[mid] as { x: number }).x;
    if (x < value || (after && x === value)) low = mid + 1;
    else high = mid;
  }
  return low;
}
