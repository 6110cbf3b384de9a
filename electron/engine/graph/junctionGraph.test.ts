import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildJunctionGraph, junctionEdgeId } from './junctionGraph';
import { parseNetworkCsv, parseNetworkJson, type ParsedNetwork } from './networkFile';

const SAMPLE_NETWORK_PATH = join(__dirname, '..', '..', '..', 'sample-data', 'junction-network.json');

describe('junctionEdgeId', () => {
  it('is the same whichever way round the ends are given, and unambiguous', () => {
    expect(junctionEdgeId('J07', 'J01')).toBe('J01|J07');
    expect(junctionEdgeId('J01', 'J07')).toBe('J01|J07');
    expect(junctionEdgeId('a|b', 'c')).not.toBe(junctionEdgeId('a', 'b|c'));
  });
});

describe('buildJunctionGraph', () => {
  it('without a network shows every data location once and no roads', () => {
    const graph = buildJunctionGraph(['J02', 'J01', 'J02'], null);
    expect(graph.nodes).toEqual([
      { id: 'J02', name: null, coordinates: null, inData: true, inNetwork: false },
      { id: 'J01', name: null, coordinates: null, inData: true, inNetwork: false },
    ]);
    expect(graph.edges).toEqual([]);
    expect(graph.problems).toEqual([]);
    expect(graph.networkName).toBeNull();
  });

  it('adds the network names and positions, and network-only junctions flagged not in data', () => {
    const network = parseNetworkJson(
      JSON.stringify({
        name: 'Town',
        junctions: [
          { id: 'J01', name: 'Gate', lat: 52, lon: 4 },
          { id: 'J09', name: 'Airport', lat: 52.1, lon: 4.1 },
        ],
        links: [
          { from: 'J02', to: 'J01', lengthM: 100, lanes: 2, name: 'Main' },
          { from: 'J01', to: 'J09' },
        ],
      }),
    );
    const graph = buildJunctionGraph(['J01', 'J02', 'J03'], network);
    expect(graph.networkName).toBe('Town');
    expect(graph.nodes).toEqual([
      { id: 'J01', name: 'Gate', coordinates: { lat: 52, lon: 4 }, inData: true, inNetwork: true },
      { id: 'J02', name: null, coordinates: null, inData: true, inNetwork: true },
      { id: 'J03', name: null, coordinates: null, inData: true, inNetwork: false },
      { id: 'J09', name: 'Airport', coordinates: { lat: 52.1, lon: 4.1 }, inData: false, inNetwork: true },
    ]);
    expect(graph.edges).toEqual([
      { id: 'J01|J02', from: 'J02', to: 'J01', lengthM: 100, lanes: 2, name: 'Main' },
      { id: 'J01|J09', from: 'J01', to: 'J09', lengthM: null, lanes: null, name: null },
    ]);
    expect(graph.problems).toEqual([]);
  });

  it('reports and skips roads to places neither the data nor the network knows', () => {
    const network = parseNetworkCsv('from,to\nJ01,J02\nJ01,X1\nY1,Y2\n');
    const graph = buildJunctionGraph(['J01', 'J02'], network);
    expect(graph.edges.map((edge) => edge.id)).toEqual(['J01|J02']);
    expect(graph.nodes.map((node) => node.id)).toEqual(['J01', 'J02']);
    expect(graph.problems).toEqual([
      { kind: 'unknown-location', where: 'line 3', message: expect.stringContaining('X1 is neither') as string },
      { kind: 'unknown-location', where: 'line 4', message: expect.stringContaining('Y1 and Y2 are neither') as string },
    ]);
  });

  it('keeps the network file problems and guards against self-loops and repeats it did not catch', () => {
    const handMade: ParsedNetwork = {
      name: null,
      junctions: [],
      links: [
        { from: 'A', to: 'B', lengthM: null, lanes: null, name: null, where: 'links[0]' },
        { from: 'B', to: 'A', lengthM: null, lanes: null, name: null, where: 'links[1]' },
        { from: 'A', to: 'A', lengthM: null, lanes: null, name: null, where: 'links[2]' },
      ],
      problems: [{ kind: 'bad-field', where: 'links[3]', message: 'lanes "x" is not a positive whole number' }],
    };
    const graph = buildJunctionGraph(['A', 'B'], handMade);
    expect(graph.edges.map((edge) => edge.id)).toEqual(['A|B']);
    expect(graph.problems.map((problem) => [problem.kind, problem.where])).toEqual([
      ['bad-field', 'links[3]'],
      ['duplicate-link', 'links[1]'],
      ['self-loop', 'links[2]'],
    ]);
  });

  it('builds the committed sample network for J01–J10 with every junction in the data and no problems', async () => {
    const network = parseNetworkJson(await readFile(SAMPLE_NETWORK_PATH, 'utf8'));
    expect(network.problems).toEqual([]);
    expect(network.name).toBe('Sample city');
    const locations = Array.from({ length: 10 }, (_, index) => `J${String(index + 1).padStart(2, '0')}`);
    const graph = buildJunctionGraph(locations, network);
    expect(graph.problems).toEqual([]);
    expect(graph.nodes.map((node) => node.id)).toEqual(locations);
    expect(graph.nodes.every((node) => node.inData && node.inNetwork && node.name !== null && node.coordinates !== null)).toBe(true);
    expect(graph.edges).toHaveLength(network.links.length);
    expect(new Set(graph.edges.map((edge) => edge.id)).size).toBe(graph.edges.length);
  });
});
