/**
 * A generated city for any number of junctions, for `--junctions N` other than
 * the sample city's ten (up to thousands, for graph benchmarks). Junctions sit
 * on a jittered street grid: east–west streets, north–south avenues and one
 * diagonal lane per block, which gives about three links per junction, keeps
 * the network connected by construction and keeps roads from crossing.
 */

import { offsetLatLon, roadLengthM, type LatLon } from './geo.js';
import { junctionId, type JunctionNetwork, type NetworkJunction, type NetworkLink } from './junctionNetwork.js';
import { mixSeed, mulberry32, type Rng } from './random.js';

/** Same centre as the sample city, so both land on the same map. */
const CENTRE: LatLon = { lat: 52.07, lon: 4.86 };
const BLOCK_M = 400;
// At most a quarter block, so every block stays convex and its diagonal stays inside it.
const JITTER = 0.25;

const TREES = [
  'Elm', 'Oak', 'Maple', 'Birch', 'Willow', 'Chestnut', 'Linden', 'Poplar', 'Cedar', 'Alder',
  'Rowan', 'Hazel', 'Ash', 'Beech', 'Juniper', 'Holly', 'Laurel', 'Magnolia', 'Sycamore', 'Walnut',
  'Cherry', 'Aspen', 'Hawthorn', 'Spruce', 'Yew', 'Larch', 'Pine', 'Fir', 'Elder', 'Myrtle',
] as const;

/** "Elm Street", …, "Myrtle Street", then "Elm Street 2": unique for any number of rows. */
function treeName(row: number, kind: string): string {
  const cycle = Math.floor(row / TREES.length);
  return `${TREES[row % TREES.length] as string} ${kind}${cycle === 0 ? '' : ` ${cycle + 1}`}`;
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

const avenueName = (col: number): string => `${ordinal(col + 1)} Avenue`;

/** Every fourth street and avenue is a main road with more lanes. */
function lanesFor(main: boolean, rng: Rng): number {
  return main ? (rng() < 0.3 ? 3 : 2) : rng() < 0.15 ? 2 : 1;
}

export function generateGridCity(count: number): JunctionNetwork {
  const cols = Math.ceil(Math.sqrt(count));
  const rows = Math.ceil(count / cols);
  // Seeded by the size only, not the data seed: one --junctions value is one city.
  const rng = mulberry32(mixSeed(0x47524944, count));
  const junctions: NetworkJunction[] = [];
  for (let i = 0; i < count; i++) {
    const row = Math.floor(i / cols);
    const col = i % cols;
    const east = (col - (cols - 1) / 2 + JITTER * (2 * rng() - 1)) * BLOCK_M;
    const north = ((rows - 1) / 2 - row + JITTER * (2 * rng() - 1)) * BLOCK_M;
    const name = `${treeName(row, 'Street')} / ${avenueName(col)}`;
    junctions.push({ id: junctionId(i, count), name, ...offsetLatLon(CENTRE, east, north) });
  }

  const at = (row: number, col: number): number => (col < cols && row * cols + col < count ? row * cols + col : -1);
  const links: NetworkLink[] = [];
  const link = (a: number, b: number, lanes: number, name: string): void => {
    const from = junctions[a];
    const to = junctions[b];
    if (from === undefined || to === undefined) return;
    links.push({ from: from.id, to: to.id, lengthM: roadLengthM(from, to, a, b), lanes, name });
  };
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const here = at(row, col);
      if (here < 0) continue;
      const east = at(row, col + 1);
      const south = at(row + 1, col);
      if (east >= 0) link(here, east, lanesFor(row % 4 === 0, rng), treeName(row, 'Street'));
      if (south >= 0) link(here, south, lanesFor(col % 4 === 0, rng), avenueName(col));
      // One diagonal per block, either way, so the grid doesn't look like graph paper.
      const [a, b] = rng() < 0.5 ? [here, at(row + 1, col + 1)] : [east, south];
      if (a >= 0 && b >= 0) link(a, b, 1, treeName(row, 'Lane'));
    }
  }
  return { name: `Grid city (${count} junctions)`, junctions, links };
}
