/**
 * The column that names each place its coordinates mark: one name per coordinate pair and one pair
 * per name, a name preferred to a number, and no place where the coordinates are a track.
 */
import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../../../shared/schema';
import { placeNamedByCoordinates } from './coordinatePlaces';

const columns: ColumnInfo[] = [
  { name: 'study_id', type: 'text', role: 'category' },
  { name: 'study_name', type: 'text', role: 'category' },
  { name: 'lat', type: 'text', role: 'category' },
  { name: 'lng', type: 'text', role: 'category' },
  { name: 'movement', type: 'text', role: 'category' },
  { name: 'volume', type: 'number', role: 'measure' },
];
const sites = [
  ['700196', 'Adelaide / Bay', '43.649924', '-79.380738'],
  ['700197', 'Adelaide / Spadina', '43.646702', '-79.395392'],
];
const rows = Array.from({ length: 60 }, (_, i) => [...(sites[i < 30 ? 0 : 1] as string[]), ['thru', 'left', 'right'][i % 3] as string, String(i)]);

describe('placeNamedByCoordinates', () => {
  it('finds the name that changes exactly when the coordinates do, before the id that does too', () => {
    expect(placeNamedByCoordinates(columns, rows)).toEqual({ index: 1, places: 2 });
  });

  it('finds none when a single place is in the rows, when names and coordinates disagree, or when the coordinates are a track', () => {
    expect(placeNamedByCoordinates(columns, rows.slice(0, 30))).toBeNull();
    const crossed = rows.map((row, i) => (i === 40 ? [row[0], 'Adelaide / Bay', ...row.slice(2)] : row) as string[]);
    expect(placeNamedByCoordinates(columns, crossed)).toEqual({ index: 0, places: 2 });
    const track = rows.map((row, i) => [row[0], row[1], String(43.6 + i / 1000), String(-79.3 - i / 1000), row[4], row[5]] as string[]);
    expect(placeNamedByCoordinates(columns, track)).toBeNull();
  });
});
