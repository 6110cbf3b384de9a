/**
 * Which windows an event time falls in. Windows are aligned to the epoch (so on UTC wall clock,
 * hourly windows start on the hour and daily ones at midnight) and, because the size is a whole
 * multiple of the hop, every time falls in exactly size / hop windows: the one starting at the hop
 * boundary at or before it, and the size / hop - 1 before that. Computed, never searched: O(size/hop).
 */

/** The start of the newest window holding `time` (the hop boundary at or before it). */
export function lastWindowStart(time: number, hopMs: number): number {
  // Math.floor, not truncation, so times before 1970 land in the window before, not after.
  return Math.floor(time / hopMs) * hopMs;
}

/** Starts of all windows holding `time`, oldest first. */
export function windowStartsOf(time: number, sizeMs: number, hopMs: number): number[] {
  const count = sizeMs / hopMs;
  const newest = lastWindowStart(time, hopMs);
  const starts: number[] = new Array<number>(count);
  for (let k = 0; k < count; k++) starts[k] = newest - (count - 1 - k) * hopMs;
  return starts;
}
