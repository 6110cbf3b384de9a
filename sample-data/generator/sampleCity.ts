/**
 * The hand-made city behind the bundled sample: ten junctions in a fictional
 * harbour town about 5 km across, and the 17 roads between them. Written out
 * by hand rather than generated so the names, the layout and the roads read
 * like a real place in demos. Lengths are derived from the coordinates, so
 * they can never disagree with them.
 */

import { roadLengthM } from './geo.js';
import type { JunctionNetwork, NetworkJunction } from './junctionNetwork.js';

// Harbour and industry to the south, the old town in the middle, the
// university and the northern bypass up north.
const JUNCTIONS: readonly NetworkJunction[] = [
  { id: 'J01', name: 'Harbour Gate', lat: 52.05561, lon: 4.8322 },
  { id: 'J02', name: 'Station Square', lat: 52.0664, lon: 4.86439 },
  { id: 'J03', name: 'Mill Street', lat: 52.0745, lon: 4.85122 },
  { id: 'J04', name: 'Industrial Park Gate', lat: 52.05381, lon: 4.89219 },
  { id: 'J05', name: 'University Lane', lat: 52.08709, lon: 4.83513 },
  { id: 'J06', name: 'Northern Bypass Exit', lat: 52.09158, lon: 4.8717 },
  { id: 'J07', name: 'Market Place', lat: 52.0673, lon: 4.85268 },
  { id: 'J08', name: 'Hospital Roundabout', lat: 52.0718, lon: 4.82635 },
  { id: 'J09', name: 'Airport Link', lat: 52.0754, lon: 4.89658 },
  { id: 'J10', name: 'Old Town Gate', lat: 52.07809, lon: 4.86585 },
];

// [from, to, lanes per direction, street name]
const ROADS: readonly (readonly [string, string, number, string])[] = [
  ['J01', 'J07', 2, 'Harbour Avenue'],
  ['J01', 'J08', 1, 'Dyke Road'],
  ['J01', 'J04', 2, 'Quay Road'],
  ['J02', 'J07', 2, 'Station Road'],
  ['J02', 'J04', 2, 'Rail Yard Road'],
  ['J02', 'J10', 1, 'Canal Street'],
  ['J02', 'J09', 2, 'Eastern Avenue'],
  ['J03', 'J07', 1, 'Mill Street'],
  ['J03', 'J10', 1, 'Bridge Street'],
  ['J03', 'J08', 2, 'Hospital Lane'],
  ['J03', 'J05', 1, 'College Road'],
  ['J05', 'J08', 2, 'Western Ring'],
  ['J05', 'J06', 3, 'Northern Bypass'],
  ['J06', 'J10', 2, 'North Road'],
  ['J06', 'J09', 3, 'Bypass East'],
  ['J04', 'J09', 2, 'Airport Road'],
  ['J09', 'J10', 1, 'Tannery Lane'],
];

function buildSampleCity(): JunctionNetwork {
  const indexOf = new Map(JUNCTIONS.map((j, i) => [j.id, i]));
  const links = ROADS.map(([from, to, lanes, name]) => {
    const a = indexOf.get(from);
    const b = indexOf.get(to);
    if (a === undefined || b === undefined) throw new Error(`sample city road ${name} names an unknown junction`);
    return { from, to, lengthM: roadLengthM(JUNCTIONS[a] as NetworkJunction, JUNCTIONS[b] as NetworkJunction, a, b), lanes, name };
  });
  return { name: 'Sample city', junctions: JUNCTIONS, links };
}

export const SAMPLE_CITY: JunctionNetwork = buildSampleCity();
