import { describe, expect, it } from 'vitest';
import { MAX_JUNCTIONS, networkFor } from './cityNetwork.js';
import { greatCircleM, MAX_DETOUR, MIN_DETOUR } from './geo.js';
import { generateGridCity } from './gridCity.js';
import { junctionId, neighbourMap, type JunctionNetwork } from './junctionNetwork.js';
import { SAMPLE_CITY } from './sampleCity.js';

/** Breadth-first search from the first junction; connected = everything reached. */
function reachable(network: JunctionNetwork): number {
  const neighbours = neighbourMap(network);
  const first = network.junctions[0]?.id;
  if (first === undefined) return 0;
  const seen = new Set([first]);
  const queue = [first];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const next of neighbours.get(id) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen.size;
}

/** The invariants every network the generator writes must satisfy. */
function expectValidNetwork(network: JunctionNetwork): void {
  const ids = network.junctions.map((j) => j.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toEqual(ids.map((_, i) => junctionId(i, ids.length)));
  const byId = new Map(network.junctions.map((j) => [j.id, j]));
  const pairs = new Set<string>();
  for (const link of network.links) {
    const from = byId.get(link.from);
    const to = byId.get(link.to);
    expect(from, `${link.from} exists`).toBeDefined();
    expect(to, `${link.to} exists`).toBeDefined();
    expect(link.from, 'no self-loop').not.toBe(link.to);
    const pair = [link.from, link.to].sort().join('-');
    expect(pairs.has(pair), `duplicate link ${pair}`).toBe(false);
    pairs.add(pair);
    expect([1, 2, 3]).toContain(link.lanes);
    expect(link.name.length).toBeGreaterThan(0);
    // The length must follow from the coordinates in the file: straight line x detour, rounded to 10 m.
    const straight = greatCircleM(from!, to!);
    expect(link.lengthM % 10).toBe(0);
    expect(link.lengthM).toBeGreaterThanOrEqual(straight * MIN_DETOUR - 5);
    expect(link.lengthM).toBeLessThanOrEqual(straight * MAX_DETOUR + 5);
  }
  expect(reachable(network), 'connected').toBe(network.junctions.length);
}

describe('the sample city', () => {
  it('is a valid, connected network of 10 named junctions and 15-20 roads', () => {
    expectValidNetwork(SAMPLE_CITY);
    expect(SAMPLE_CITY.name).toBe('Sample city');
    expect(SAMPLE_CITY.junctions.map((j) => j.id)).toEqual(['J01', 'J02', 'J03', 'J04', 'J05', 'J06', 'J07', 'J08', 'J09', 'J10']);
    expect(new Set(SAMPLE_CITY.junctions.map((j) => j.name)).size).toBe(10);
    expect(SAMPLE_CITY.links.length).toBeGreaterThanOrEqual(15);
    expect(SAMPLE_CITY.links.length).toBeLessThanOrEqual(20);
  });

  it('is a small city: about 5 km across, every junction on at least two roads', () => {
    let widest = 0;
    for (const a of SAMPLE_CITY.junctions) {
      for (const b of SAMPLE_CITY.junctions) widest = Math.max(widest, greatCircleM(a, b));
    }
    expect(widest).toBeGreaterThan(4000);
    expect(widest).toBeLessThan(6500);
    for (const list of neighbourMap(SAMPLE_CITY).values()) expect(list.length).toBeGreaterThanOrEqual(2);
  });

  it('is what the default junction count gets', () => {
    expect(networkFor(10)).toBe(SAMPLE_CITY);
  });
});

describe('generated grid cities', () => {
  it.each([1, 2, 3, 7, 12, 99, 100, 250])('%i junctions: valid and connected', (count) => {
    const network = networkFor(count);
    expect(network.junctions).toHaveLength(count);
    expectValidNetwork(network);
  });

  it('1000 junctions: ~3000 links, connected, ids J0001..J1000', () => {
    const network = networkFor(1000);
    expectValidNetwork(network);
    expect(network.links.length).toBeGreaterThan(2700);
    expect(network.links.length).toBeLessThan(3300);
    expect(network.junctions[0]!.id).toBe('J0001');
    expect(network.junctions[999]!.id).toBe('J1000');
    expect(new Set(network.junctions.map((j) => j.name)).size).toBe(1000);
  });

  it('is the same city every time for the same size', () => {
    expect(generateGridCity(50)).toEqual(generateGridCity(50));
    expect(generateGridCity(10)).not.toEqual(SAMPLE_CITY);
  });

  it('rejects counts outside 1..MAX_JUNCTIONS', () => {
    for (const bad of [0, -1, 1.5, MAX_JUNCTIONS + 1]) expect(() => networkFor(bad)).toThrow(RangeError);
  });
});

describe('junctionId', () => {
  it('pads to two digits, or to the width of the count', () => {
    expect(junctionId(0, 6)).toBe('J01');
    expect(junctionId(98, 99)).toBe('J99');
    expect(junctionId(0, 100)).toBe('J001');
    expect(junctionId(999, 1000)).toBe('J1000');
  });
});
