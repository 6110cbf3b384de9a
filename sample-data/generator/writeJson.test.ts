import { describe, expect, it } from 'vitest';
import { formatJson } from './writeJson.js';

describe('formatJson', () => {
  it('puts one array element per line and stays valid JSON', () => {
    const value = { name: 'x', junctions: [{ id: 'J01', lat: 52.1 }, { id: 'J02', lat: 52.2 }], links: [] };
    const text = formatJson(value);
    expect(text).toBe(
      '{\n  "name": "x",\n  "junctions": [\n    {"id":"J01","lat":52.1},\n    {"id":"J02","lat":52.2}\n  ],\n  "links": []\n}\n',
    );
    expect(JSON.parse(text)).toEqual(value);
  });

  it('handles a top-level array', () => {
    const value = [{ junction: 'J04', neighbours: ['J03', 'J05'] }, { junction: 'J01', neighbours: [] }];
    expect(formatJson(value)).toBe('[\n  {"junction":"J04","neighbours":["J03","J05"]},\n  {"junction":"J01","neighbours":[]}\n]\n');
    expect(JSON.parse(formatJson(value))).toEqual(value);
    expect(formatJson([])).toBe('[]\n');
  });
});
