/**
 * Pure traffic model: given a junction, a weekday and a 15-minute slot it
 * produces plausible vehicle counts. No I/O, no clock, no Math.random — all
 * randomness comes from the seeded generator handed in, so output is
 * reproducible byte for byte.
 */

export type Rng = () => number;

export type TrafficSituation = 'low' | 'normal' | 'high' | 'heavy';

export interface VehicleShares {
  readonly car: number;
  readonly bike: number;
  readonly bus: number;
  readonly truck: number;
}

export interface Junction {
  readonly id: string;
  readonly name: string;
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

/** Mulberry32: tiny, fast and good enough for synthetic data; not for crypto. */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes several integers into one 32-bit seed so derived streams don't overlap. */
export function mixSeed(...parts: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193);
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

/** Sum of three uniforms: bell-shaped, bounded (no wild outliers), cheap. Mean 0, sd 1. */
export function approxNormal(rng: Rng): number {
  return (rng() + rng() + rng() - 1.5) * 2;
}

interface JunctionTemplate {
  readonly name: string;
  readonly scale: number;
  readonly shares: VehicleShares;
}

// Hand-picked so the default sample shows contrasting sites: a busy arterial,
// an industrial road heavy on trucks, a campus street full of bikes, etc.
const TEMPLATES: readonly JunctionTemplate[] = [
  { name: 'Ring Road / Harbour Avenue', scale: 240, shares: { car: 0.74, bike: 0.08, bus: 0.06, truck: 0.12 } },
  { name: 'Station Square', scale: 170, shares: { car: 0.62, bike: 0.16, bus: 0.14, truck: 0.08 } },
  { name: 'Mill Street / Canal Bridge', scale: 110, shares: { car: 0.68, bike: 0.2, bus: 0.05, truck: 0.07 } },
  { name: 'Industrial Park Gate', scale: 130, shares: { car: 0.6, bike: 0.04, bus: 0.04, truck: 0.32 } },
  { name: 'University Lane', scale: 90, shares: { car: 0.52, bike: 0.34, bus: 0.1, truck: 0.04 } },
  { name: 'Northern Bypass Exit 4', scale: 200, shares: { car: 0.78, bike: 0.02, bus: 0.03, truck: 0.17 } },
  { name: 'Market Place', scale: 80, shares: { car: 0.66, bike: 0.18, bus: 0.09, truck: 0.07 } },
  { name: 'Hospital Roundabout', scale: 150, shares: { car: 0.75, bike: 0.09, bus: 0.1, truck: 0.06 } },
  { name: 'Airport Link / Cargo Road', scale: 180, shares: { car: 0.64, bike: 0.01, bus: 0.07, truck: 0.28 } },
  { name: 'Old Town Gate', scale: 70, shares: { car: 0.58, bike: 0.26, bus: 0.11, truck: 0.05 } },
  { name: 'Riverside Drive', scale: 120, shares: { car: 0.8, bike: 0.1, bus: 0.03, truck: 0.07 } },
  { name: 'Stadium Crossing', scale: 100, shares: { car: 0.72, bike: 0.12, bus: 0.08, truck: 0.08 } },
];

export const MAX_JUNCTIONS = 99;

/**
 * Junction definitions J01…Jnn. Beyond the hand-picked templates the list is
 * extended deterministically (independent of the data seed) so that a given
 * junction id always means the same site.
 */
export function defineJunctions(count: number): Junction[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_JUNCTIONS) {
    throw new RangeError(`junctions must be an integer between 1 and ${MAX_JUNCTIONS}, got ${count}`);
  }
  const junctions: Junction[] = [];
  for (let i = 0; i < count; i++) {
    const id = `J${String(i + 1).padStart(2, '0')}`;
    const template = TEMPLATES[i];
    if (template !== undefined) {
      junctions.push({ id, ...template });
      continue;
    }
    const rng = mulberry32(mixSeed(0x4a554e43, i));
    const base = TEMPLATES[i % TEMPLATES.length] as JunctionTemplate;
    junctions.push({
      id,
      name: `Junction ${i + 1} (${base.name} area)`,
      scale: Math.round(60 + rng() * 180),
      shares: base.shares,
    });
  }
  return junctions;
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
 * `dayFactor` carries day-to-day variation (weather, events) shared by all slots of a day.
 */
export function computeCounts(
  junction: Junction,
  weekday: number,
  slot: number,
  rng: Rng,
  dayFactor = 1,
): TrafficCounts {
  const p = loadProfile(weekday, slot);
  // Shared fluctuation keeps the four classes correlated, as real platoons are.
  const level = junction.scale * dayFactor * (1 + 0.1 * approxNormal(rng));
  const { shares } = junction;
  // Trucks run a flatter schedule (deliveries all day, a few at night); bikes are
  // more commute-driven, hence a sharper curve than cars.
  const car = noisyCount(level * shares.car * p, rng);
  const bike = noisyCount(level * shares.bike * p ** 1.3, rng);
  const bus = noisyCount(level * shares.bus * p, rng);
  const truck = noisyCount(level * shares.truck * (0.12 + 0.88 * p), rng);
  const total = car + bike + bus + truck;
  return { car, bike, bus, truck, total, situation: classifySituation(total, junction.scale) };
}

/** One multiplier per junction for a given day, derived from seed + day so that days are independent. */
export function dayFactors(seed: number, dayIndex: number, junctionCount: number): number[] {
  const rng = mulberry32(mixSeed(seed, dayIndex, 0x44415953));
  const factors: number[] = [];
  for (let j = 0; j < junctionCount; j++) factors.push(0.9 + 0.2 * rng());
  return factors;
}
