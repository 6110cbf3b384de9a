/**
 * Which city a run uses: the hand-made sample city when the junction count is
 * its own, otherwise a generated grid city of exactly that size.
 */

import { generateGridCity } from './gridCity.js';
import type { JunctionNetwork } from './junctionNetwork.js';
import { SAMPLE_CITY } from './sampleCity.js';

export const SAMPLE_CITY_JUNCTIONS = SAMPLE_CITY.junctions.length;

// Enough for graph benchmarks; beyond this a single 15-minute slot alone is 10,000+ rows.
export const MAX_JUNCTIONS = 10_000;

export function networkFor(count: number): JunctionNetwork {
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_JUNCTIONS) {
    throw new RangeError(`junctions must be an integer between 1 and ${MAX_JUNCTIONS}, got ${count}`);
  }
  return count === SAMPLE_CITY_JUNCTIONS ? SAMPLE_CITY : generateGridCity(count);
}
