/**
 * Suggests roads the network file may be missing: two locations whose vehicle counts rise and fall
 * together over time are probably on the same stretch of traffic. The measure is Pearson correlation
 * of the per-slot counts, over the slots both locations have (pairwise-complete), and only with
 * enough shared slots to mean something. Pairs already joined by a real road are not suggested.
 */
import { junctionEdgeId } from './junctionGraph';

export interface InferredLink {
  /** The alphabetically first of the two locations. */
  from: string;
  to: string;
  /** Pearson r over the shared slots, in [-1, 1]. */
  correlation: number;
  /** How many slots both series have a count for. */
  commonSlots: number;
  inferred: true;
}

/** Fewer shared slots than this and a correlation says little; the pair is not judged. */
export const MIN_COMMON_SLOTS = 8;

/**
 * Pearson correlation of `a` and `b` over the slots where both are numbers (NaN = missing), with
 * how many such slots there were. `r` is null with fewer than `MIN_COMMON_SLOTS` of them or when
 * either series is flat over them (no variation to correlate).
 */
export function pairwiseCorrelation(a: ArrayLike<number>, b: ArrayLike<number>): { r: number | null; commonSlots: number } {
  const length = Math.min(a.length, b.length);
  let count = 0;
  let sumA = 0;
  let sumB = 0;
  for (let slot = 0; slot < length; slot++) {
    const x = a[slot] ?? Number.NaN;
    const y = b[slot] ?? Number.NaN;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    count++;
    sumA += x;
    sumB += y;
  }
  if (count < MIN_COMMON_SLOTS) return { r: null, commonSlots: count };
  const meanA = sumA / count;
  const meanB = sumB / count;
  let covariance = 0;
  let varianceA = 0;
  let varianceB = 0;
  for (let slot = 0; slot < length; slot++) {
    const x = a[slot] ?? Number.NaN;
    const y = b[slot] ?? Number.NaN;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    covariance += (x - meanA) * (y - meanB);
    varianceA += (x - meanA) ** 2;
    varianceB += (y - meanB) ** 2;
  }
  if (varianceA === 0 || varianceB === 0) return { r: null, commonSlots: count };
  const r = covariance / Math.sqrt(varianceA * varianceB);
  return { r: Math.max(-1, Math.min(1, r)), commonSlots: count };
}

/**
 * Links between every pair of locations whose counts correlate at `threshold` or more (anti-
 * correlation is not a link), leaving out pairs an `existing` road already joins either way round.
 * Strongest first; ties by location ids, so the same data always gives the same list.
 */
export function inferLinks(
  series: ReadonlyMap<string, ArrayLike<number>>,
  threshold: number,
  existing: readonly { from: string; to: string }[] = [],
): InferredLink[] {
  const joined = new Set(existing.map((edge) => junctionEdgeId(edge.from, edge.to)));
  const sorted = [...series].sort(([a], [b]) => compareText(a, b));
  const links: InferredLink[] = [];
  sorted.forEach(([from, fromCounts], i) => {
    for (const [to, toCounts] of sorted.slice(i + 1)) {
      if (joined.has(junctionEdgeId(from, to))) continue;
      const { r, commonSlots } = pairwiseCorrelation(fromCounts, toCounts);
      if (r !== null && r >= threshold) links.push({ from, to, correlation: r, commonSlots, inferred: true });
    }
  });
  return links.sort((a, b) => b.correlation - a.correlation || compareText(a.from, b.from) || compareText(a.to, b.to));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
