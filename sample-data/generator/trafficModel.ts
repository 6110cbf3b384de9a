/**
 * Pure traffic model: given a junction, a weekday and a 15-minute slot it
 * produces plausible vehicle counts. No I/O, no clock, no Math.random — all
 * randomness comes from the seeded generator handed in, so output is
 * reproducible byte for byte.
 */

import { approxNormal, mixSeed, mulberry32, type Rng } from './random.js';

export type TrafficSituation = 'low' | 'normal' | 'high' | 'heavy';

export interface VehicleShares {
  readonly car: number;
  readonly bike: number;
  readonly bus: number;
  readonly truck: number;
}

export interface Junction {
  readonly id: string;
  /** Expected Total at the busiest weekday slot; the yardstick for Traffic Situation. */
  readonly scale: number;
  readonly shares: VehicleShares;
}

export interface TrafficCounts {
  readonly car: number;
  readonly bike: number;
  readonly bus: number;
  readonly truck: number;
  readonly total: number;
  readonly situation: TrafficSituation;
}

export const SLOTS_PER_DAY = 96;

interface JunctionTemplate {
  readonly scale: number;
  readonly shares: VehicleShares;
}

// Hand-picked so the default sample shows contrasting sites: a busy arterial,
// an industrial road heavy on trucks, a campus street full of bikes, etc.
// The first ten are the sample city's junctions, in its order (see sampleCity.ts).
const TEMPLATES: readonly JunctionTemplate[] = [
  { scale: 240, shares: { car: 0.74, bike: 0.08, bus: 0.06, truck: 0.12 } }, // Harbour Gate
  { scale: 170, shares: { car: 0.62, bike: 0.16, bus: 0.14, truck: 0.08 } }, // Station Square
  { scale: 110, shares: { car: 0.68, bike: 0.2, bus: 0.05, truck: 0.07 } }, // Mill Street
  { scale: 130, shares: { car: 0.6, bike: 0.04, bus: 0.04, truck: 0.32 } }, // Industrial Park Gate
  { scale: 90, shares: { car: 0.52, bike: 0.34, bus: 0.1, truck: 0.04 } }, // University Lane
  { scale: 200, shares: { car: 0.78, bike: 0.02, bus: 0.03, truck: 0.17 } }, // Northern Bypass Exit
  { scale: 80, shares: { car: 0.66, bike: 0.18, bus: 0.09, truck: 0.07 } }, // Market Place
  { scale: 150, shares: { car: 0.75, bike: 0.09, bus: 0.1, truck: 0.06 } }, // Hospital Roundabout
  { scale: 180, shares: { car: 0.64, bike: 0.01, bus: 0.07, truck: 0.28 } }, // Airport Link
  { scale: 70, shares: { car: 0.58, bike: 0.26, bus: 0.11, truck: 0.05 } }, // Old Town Gate
  { scale: 120, shares: { car: 0.8, bike: 0.1, bus: 0.03, truck: 0.07 } }, // a riverside drive
  { scale: 100, shares: { car: 0.72, bike: 0.12, bus: 0.08, truck: 0.08 } }, // a stadium crossing
];

/**
 * Traffic character of each junction, by position in the network. Beyond the
 * hand-picked templates the list is extended deterministically (independent of
 * the data seed) so that a given junction always behaves like the same site.
 */
export function defineJunctions(ids: readonly string[]): Junction[] {
  return ids.map((id, i) => {
    const template = TEMPLATES[i];
    if (template !== undefined) return { id, ...template };
    const rng = mulberry32(mixSeed(0x4a554e43, i));
    const base = TEMPLATES[i % TEMPLATES.length] as JunctionTemplate;
    return { id, scale: Math.round(60 + rng() * 180), shares: base.shares };
  });
}

const gauss = (h: number, centre: number, width: number): number =>
  Math.exp(-0.5 * ((h - centre) / width) ** 2);

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Raw (unnormalised) load by weekday index 0 = Monday … 6 = Sunday and hour-of-day. */
function rawLoad(weekday: number, h: number): number {
  if (weekday === 5) {
    // Saturday: no commute, a late-morning shopping hump and some nightlife.
    return 0.06 + 0.55 * gauss(h, 12.5, 3.0) + 0.15 * gauss(h, 20.5, 2.0);
  }
  if (weekday === 6) {
    // Sunday: quietest day, a lazy afternoon peak.
    return 0.05 + 0.42 * gauss(h, 14.5, 3.2);
  }
  const daytime = 0.42 * sigmoid((h - 6.5) * 1.6) * sigmoid((20.5 - h) * 1.1);
  if (weekday === 4) {
    // Friday: people leave early, so the evening rush starts sooner and lasts longer.
    return 0.05 + daytime + 0.85 * gauss(h, 8.0, 0.9) + 0.9 * gauss(h, 16.5, 1.6);
  }
  return 0.05 + daytime + 0.95 * gauss(h, 8.0, 0.9) + 0.85 * gauss(h, 17.5, 1.2);
}

// The profile is evaluated ~1M times for a big file, so it is tabulated once.
const PROFILE: Float64Array = (() => {
  const table = new Float64Array(7 * SLOTS_PER_DAY);
  for (let d = 0; d < 7; d++) {
    for (let s = 0; s < SLOTS_PER_DAY; s++) {
      // Centre of the slot, so 8:00–8:15 is evaluated at 8:07:30.
      table[d * SLOTS_PER_DAY + s] = rawLoad(d, (s + 0.5) / 4);
    }
  }
  let peak = 0;
  for (let i = 0; i < 5 * SLOTS_PER_DAY; i++) peak = Math.max(peak, table[i] ?? 0);
  // Normalise to the weekday peak so that `scale` means "busiest weekday slot".
  for (let i = 0; i < table.length; i++) table[i] = (table[i] ?? 0) / peak;
  return table;
})();

/** Relative load 0..~1 for weekday (0 = Monday) and slot (0 = 00:00–00:15). */
export function loadProfile(weekday: number, slot: number): number {
  return PROFILE[weekday * SLOTS_PER_DAY + slot] ?? 0;
}

/** Thresholds as a fraction of the junction's scale. */
export function classifySituation(total: number, scale: number): TrafficSituation {
  const ratio = total / scale;
  if (ratio < 0.25) return 'low';
  if (ratio < 0.55) return 'normal';
  if (ratio < 0.85) return 'high';
  return 'heavy';
}

/** Count noise grows with sqrt(mean), like real arrivals, so quiet nights aren't flat. */
function noisyCount(mean: number, rng: Rng): number {
  const value = Math.round(mean + Math.sqrt(mean + 1) * approxNormal(rng));
  return value > 0 ? value : 0;
}

/**
 * Counts for one junction in one slot.
 * `factor` scales the whole slot: day-to-day variation (weather, events) times any
 * incident boost. A `jammed` junction is saturated, so it reports "heavy" even when
 * a quiet hour keeps its count below the usual heavy threshold.
 */
export function computeCounts(
  junction: Junction,
  weekday: number,
  slot: number,
  rng: Rng,
  factor = 1,
  jammed = false,
): TrafficCounts {
  const p = loadProfile(weekday, slot);
  // Shared fluctuation keeps the four classes correlated, as real platoons are.
  const level = junction.scale * factor * (1 + 0.1 * approxNormal(rng));
  const { shares } = junction;
  // Trucks run a flatter schedule (deliveries all day, a few at night); bikes are
  // more commute-driven, hence a sharper curve than cars.
  const car = noisyCount(level * shares.car * p, rng);
  const bike = noisyCount(level * shares.bike * p ** 1.3, rng);
  const bus = noisyCount(level * shares.bus * p, rng);
  const truck = noisyCount(level * shares.truck * (0.12 + 0.88 * p), rng);
  const total = car + bike + bus + truck;
  return { car, bike, bus, truck, total, situation: jammed ? 'heavy' : classifySituation(total, junction.scale) };
}

/** One multiplier per junction for a given day, derived from seed + day so that days are independent. */
export function dayFactors(seed: number, dayIndex: number, junctionCount: number): number[] {
  const rng = mulberry32(mixSeed(seed, dayIndex, 0x44415953));
  const factors: number[] = [];
  for (let j = 0; j < junctionCount; j++) factors.push(0.9 + 0.2 * rng());
  return factors;
}
