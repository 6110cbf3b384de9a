import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { detectNetworkFormat, parseNetworkCsv, parseNetworkFile, parseNetworkJson } from './networkFile';

describe('parseNetworkJson', () => {
  it('reads name, junctions with coordinates and links', () => {
    const network = parseNetworkJson(
      JSON.stringify({
        name: ' Town ',
        junctions: [
          { id: 'J01', name: 'Gate', lat: 52.1, lon: 4.8 },
          { id: 'J02', lat: 52.2, lon: 4.9 },
        ],
        links: [{ from: 'J01', to: 'J02', lengthM: 1200, lanes: 2, name: 'Main Road' }],
      }),
    );
    expect(network.problems).toEqual([]);
    expect(network.name).toBe('Town');
    expect(network.junctions).toEqual([
      { id: 'J01', name: 'Gate', coordinates: { lat: 52.1, lon: 4.8 }, where: 'junctions[0]' },
      { id: 'J02', name: null, coordinates: { lat: 52.2, lon: 4.9 }, where: 'junctions[1]' },
    ]);
    expect(network.links).toEqual([{ from: 'J01', to: 'J02', lengthM: 1200, lanes: 2, name: 'Main Road', where: 'links[0]' }]);
  });

  it('accepts a links-only file and the length spelt length_m or length', () => {
    const network = parseNetworkJson('{"links":[{"from":"A","to":"B","length_m":5},{"from":"B","to":"C","length":"7.5"},{"from":"C","to":"D"}]}');
    expect(network.problems).toEqual([]);
    expect(network.name).toBeNull();
    expect(network.junctions).toEqual([]);
    expect(network.links.map((link) => link.lengthM)).toEqual([5, 7.5, null]);
  });

  it('keeps a junction with impossible coordinates but without a position, and says so', () => {
    const network = parseNetworkJson(
      JSON.stringify({
        junctions: [
          { id: 'J01', lat: 91, lon: 4 },
          { id: 'J02', lat: 52, lon: -181 },
          { id: 'J03', lat: 'north', lon: 4 },
          { id: 'J04', lat: 52 },
          { id: 'J05' },
        ],
        links: [],
      }),
    );
    expect(network.junctions.map((junction) => [junction.id, junction.coordinates])).toEqual([
      ['J01', null],
      ['J02', null],
      ['J03', null],
      ['J04', null],
      ['J05', null],
    ]);
    expect(network.problems.map((problem) => [problem.kind, problem.where])).toEqual([
      ['bad-coordinates', 'junctions[0]'],
      ['bad-coordinates', 'junctions[1]'],
      ['bad-coordinates', 'junctions[2]'],
      ['bad-coordinates', 'junctions[3]'],
    ]);
    expect(network.problems[0]!.message).toContain('J01');
    expect(network.problems[0]!.message).toContain('91');
    expect(network.problems[2]!.message).toContain('"north"');
  });

  it('reports and skips self-loops, repeated roads (either direction) and bad fields; the rest loads', () => {
    const network = parseNetworkJson(
      JSON.stringify({
        junctions: [{ id: 'J01' }, { id: 'J01' }, { name: 'no id' }],
        links: [
          { from: 'J01', to: 'J02', lanes: 2 },
          { from: 'J03', to: 'J03' },
          { from: 'J02', to: 'J01' },
          { from: 'J02', to: 'J03', lanes: 1.5 },
          { from: 'J02', to: 'J04', lengthM: -3 },
          { from: 'J02' },
          'J05-J06',
          { from: 'J05', to: 'J06' },
        ],
      }),
    );
    expect(network.junctions.map((junction) => junction.id)).toEqual(['J01']);
    expect(network.links.map((link) => `${link.from}-${link.to}`)).toEqual(['J01-J02', 'J05-J06']);
    expect(network.problems.map((problem) => [problem.kind, problem.where])).toEqual([
      ['bad-field', 'junctions[1]'],
      ['bad-field', 'junctions[2]'],
      ['self-loop', 'links[1]'],
      ['duplicate-link', 'links[2]'],
      ['bad-field', 'links[3]'],
      ['bad-field', 'links[4]'],
      ['bad-field', 'links[5]'],
      ['bad-field', 'links[6]'],
    ]);
    const messages = network.problems.map((problem) => problem.message);
    expect(messages[1]).toContain('id is missing');
    expect(messages[2]).toContain('J03');
    expect(messages[3]).toMatch(/J02.*J01.*links\[0\]/);
    expect(messages[4]).toContain('lanes 1.5 is not a positive whole number');
    expect(messages[5]).toContain('length -3 is not a positive number');
    expect(messages[6]).toContain('to is missing');
  });

  it('gives one unreadable problem for text that is not JSON or not a network', () => {
    for (const text of ['from,to\nA,B', '[1,2]', '{"junctions":[]}', '']) {
      const network = parseNetworkJson(text);
      expect(network.problems).toHaveLength(1);
      expect(network.problems[0]!.kind).toBe('unreadable');
      expect(network.links).toEqual([]);
    }
  });
});

describe('parseNetworkCsv', () => {
  it('reads from,to,length,lanes,name with line numbers', () => {
    const network = parseNetworkCsv('\uFEFFFrom, To ,length,lanes,name\r\nJ01,J02,1200,2,Main Road\r\n\r\nJ02,J03,,,\r\n');
    expect(network.problems).toEqual([]);
    expect(network.name).toBeNull();
    expect(network.junctions).toEqual([]);
    expect(network.links).toEqual([
      { from: 'J01', to: 'J02', lengthM: 1200, lanes: 2, name: 'Main Road', where: 'line 2' },
      { from: 'J02', to: 'J03', lengthM: null, lanes: null, name: null, where: 'line 4' },
    ]);
  });

  it('accepts lengthM and length_m headers, columns in any order, and only from,to', () => {
    expect(parseNetworkCsv('to,from,lengthM\nB,A,5').links[0]).toMatchObject({ from: 'A', to: 'B', lengthM: 5 });
    expect(parseNetworkCsv('from,to,length_m\nA,B,6').links[0]).toMatchObject({ lengthM: 6 });
    expect(parseNetworkCsv('from,to\nA,B').links[0]).toMatchObject({ from: 'A', to: 'B', lengthM: null, lanes: null });
  });

  it('handles quoted names with commas', () => {
    expect(parseNetworkCsv('from,to,name\nA,B,"Quay Road, north"').links[0]!.name).toBe('Quay Road, north');
    expect(parseNetworkCsv('from,to,name\nA, B, "Quay Road, north"').links[0]).toMatchObject({ to: 'B', name: 'Quay Road, north' });
  });

  it('reports bad rows by line and keeps the rest', () => {
    const network = parseNetworkCsv(['from,to,length,lanes', 'A,B,100,2', 'C,C,5,1', 'B,A,100,2', 'A,C,long,1', 'A,D,5,0', ',E,5,1', 'D,E,5,1'].join('\n'));
    expect(network.links.map((link) => `${link.from}-${link.to}`)).toEqual(['A-B', 'D-E']);
    expect(network.problems.map((problem) => [problem.kind, problem.where])).toEqual([
      ['self-loop', 'line 3'],
      ['duplicate-link', 'line 4'],
      ['bad-field', 'line 5'],
      ['bad-field', 'line 6'],
      ['bad-field', 'line 7'],
    ]);
    expect(network.problems[2]!.message).toContain('length "long"');
    expect(network.problems[3]!.message).toContain('lanes "0"');
  });

  it('keeps a stray quote inside a field as text', () => {
    expect(parseNetworkCsv('from,to,name\nA,B,Rock "n" Roll Road').links[0]!.name).toBe('Rock "n" Roll Road');
  });

  it('reports a broken quoted field by line and keeps the rows before it', () => {
    // After a quoted field that does not close properly there is no telling where the row ends.
    const network = parseNetworkCsv('from,to\nA,B\n"C"x,D\nE,F\n');
    expect(network.links.map((link) => `${link.from}-${link.to}`)).toEqual(['A-B']);
    expect(network.problems[0]).toMatchObject({ kind: 'bad-field', where: 'line 3' });
    expect(network.problems.every((problem) => problem.kind === 'bad-field')).toBe(true);
  });

  it('gives one unreadable problem without a from/to header', () => {
    for (const text of ['', 'a,b\n1,2', '{"links":[]}']) {
      const network = parseNetworkCsv(text);
      expect(network.problems).toHaveLength(1);
      expect(network.problems[0]!.kind).toBe('unreadable');
    }
  });
});

describe('detectNetworkFormat', () => {
  it('goes by extension, then by content', () => {
    expect(detectNetworkFormat('/a/net.JSON', 'from,to')).toBe('json');
    expect(detectNetworkFormat('/a/net.csv', '{')).toBe('csv');
    expect(detectNetworkFormat('/a/net', '  \n{"links":[]}')).toBe('json');
    expect(detectNetworkFormat('/a/net.dat', 'from,to')).toBe('csv');
  });
});

describe('parseNetworkFile', () => {
  let dir: string | null = null;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = null;
  });

  it('reads JSON and CSV files, and reports a missing file as unreadable', async () => {
    dir = await mkdtemp(join(tmpdir(), 'network-file-'));
    const jsonPath = join(dir, 'net.json');
    const csvPath = join(dir, 'net.csv');
    await writeFile(jsonPath, '{"links":[{"from":"A","to":"B"}]}');
    await writeFile(csvPath, 'from,to\nA,B\n');
    expect((await parseNetworkFile(jsonPath)).links).toHaveLength(1);
    expect((await parseNetworkFile(csvPath)).links).toHaveLength(1);
    const missing = await parseNetworkFile(join(dir, 'nope.json'));
    expect(missing.problems.map((problem) => problem.kind)).toEqual(['unreadable']);
  });
});
