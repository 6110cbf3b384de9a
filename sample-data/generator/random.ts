/**
 * Seeded randomness for the generator. Nothing here touches Math.random or the
 * clock, so every file the generator writes is reproducible byte for byte.
 */

export type Rng = () => number;

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

/** Uniform integer in [min, max], both inclusive. */
export function randomInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** Fisher–Yates on a copy; the input stays untouched. */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const k = Math.floor(rng() * (i + 1));
    [copy[i], copy[k]] = [copy[k] as T, copy[i] as T];
  }
  return copy;
}
