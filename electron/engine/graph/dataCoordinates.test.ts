import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../../shared/schema';
import type { CellValue } from '../../../shared/records';
import type { FeedEntry } from '../stages';
import { DataCoordinates, parsePoint } from './dataCoordinates';
import { buildJunctionGraph } from './junctionGraph';
import type { ParsedNetwork } from './networkFile';

const entry = (values: CellValue[]): FeedEntry => ({ offset: 0, partition: 0, record: { line: 2, time: 0, values } });

describe('where the data places each location', () => {
  it('reads points as sensor tables write them, latitude first unless well-known text', () => {
    expect(parsePoint('(-37.8134944, 144.96515324)')).toEqual({ lat: -37.8134944, lon: 144.96515324 });
    expect(parsePoint('41.764877, -87.666635')).toEqual({ lat: 41.764877, lon: -87.666635 });
    expect(parsePoint('POINT (144.9651 -37.8134)')).toEqual({ lat: -37.8134, lon: 144.9651 });
    for (const text of ['Bourke St', '(95, 10)', '0, 0', '']) expect(parsePoint(text), text).toBeNull();
  });

  it('takes each location’s first point from latitude and longitude columns, numbers or text', () => {
    const columns: ColumnInfo[] = [
      { name: 'sensor_id', type: 'text', role: 'location' },
      { name: 'latitude', type: 'text', role: 'category' },
      { name: 'longitude', type: 'number', role: 'category' },
      { name: 'count', type: 'number', role: 'measure' },
    ];
    const coordinates = new DataCoordinates();
    coordinates.restart(columns);
    expect(coordinates.add([entry(['1', '', null, 5]), entry(['2', '-37.81', 144.96, 7])])).toBe(true);
    expect(coordinates.get('1')).toBeNull(); // its row had no point; a later one may
    expect(coordinates.add([entry(['1', '-37.80', 144.95, 5]), entry(['2', '-1', 1, 7])])).toBe(true);
    expect(coordinates.get('1')).toEqual({ lat: -37.8, lon: 144.95 });
    expect(coordinates.get('2')).toEqual({ lat: -37.81, lon: 144.96 });
    expect(coordinates.add([entry(['2', '-1', 1, 7])])).toBe(false);
  });

  it('reads a column of pairs, and nothing from a file without coordinates', () => {
    const coordinates = new DataCoordinates();
    coordinates.restart([
      { name: 'sensor_id', type: 'text', role: 'location' },
      { name: 'location', type: 'text', role: 'category' },
    ]);
    coordinates.add([entry(['7', '(-37.81, 144.96)'])]);
    expect(coordinates.get('7')).toEqual({ lat: -37.81, lon: 144.96 });
    coordinates.restart([
      { name: 'Junction', type: 'text', role: 'location' },
      { name: 'Vehicles', type: 'number', role: 'measure' },
    ]);
    expect(coordinates.add([entry(['1', 12])])).toBe(false);
    expect(coordinates.size).toBe(0);
  });

  it('places the graph’s junctions where the data says, a network file’s coordinates winning', () => {
    const network: ParsedNetwork = {
      name: 'n',
      junctions: [{ id: 'B', name: 'B', coordinates: { lat: 1, lon: 2 }, where: 'junction 1' }],
      links: [],
      problems: [],
    };
    const graph = buildJunctionGraph(['A', 'B'], network, (id) => ({ lat: id === 'A' ? 10 : 20, lon: 30 }));
    expect(graph.nodes.find((node) => node.id === 'A')?.coordinates).toEqual({ lat: 10, lon: 30 });
    expect(graph.nodes.find((node) => node.id === 'B')?.coordinates).toEqual({ lat: 1, lon: 2 });
  });
});
