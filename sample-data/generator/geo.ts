/**
 * Great-circle geometry for the junction network. A sphere is plenty for a city
 * a few kilometres across: against the ellipsoid it is off by well under 1 %.
 */

import { mixSeed } from './random.js';

export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Haversine distance in metres. */
export function greatCircleM(a: LatLon, b: LatLon): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The point `eastM` / `northM` metres from `origin`, rounded to 5 decimals
 * (about 1 m). Rounding here means every length is computed from exactly the
 * coordinates that end up in the JSON.
 */
export function offsetLatLon(origin: LatLon, eastM: number, northM: number): LatLon {
  const metresPerDegree = EARTH_RADIUS_M * RAD;
  return {
    lat: round5(origin.lat + northM / metresPerDegree),
    lon: round5(origin.lon + eastM / (metresPerDegree * Math.cos(origin.lat * RAD))),
  };
}

const round5 = (degrees: number): number => Math.round(degrees * 1e5) / 1e5;

/** Roads never run straight: each link gets its own stable detour of 10–30 %. */
export const MIN_DETOUR = 1.1;
export const MAX_DETOUR = 1.3;

/**
 * Road length between two junctions in metres, rounded to 10 m. The detour
 * factor is hashed from the two indices so it is stable without an RNG stream.
 */
export function roadLengthM(a: LatLon, b: LatLon, fromIndex: number, toIndex: number): number {
  const detour = MIN_DETOUR + (MAX_DETOUR - MIN_DETOUR) * (mixSeed(0x524f4144, fromIndex, toIndex) / 4294967296);
  return Math.max(10, Math.round((greatCircleM(a, b) * detour) / 10) * 10);
}
