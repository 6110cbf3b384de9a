import { describe, expect, it } from 'vitest';
import { findMeasureTotal } from './totalColumn';

const NAMES = ['Date', 'Fremont Bridge Sidewalks', 'Cyclist East Sidewalk', 'Cyclist West Sidewalk'];
/** Fremont Bridge's first rows: the unnamed total, then its east and west parts. */
const ROWS = [
  ['11/30/2023 11:00:00 PM', '9', '6', '3'],
  ['11/30/2023 10:00:00 PM', '21', '4', '17'],
  ['11/30/2023 09:00:00 PM', '21', '10', '11'],
  ['11/30/2023 08:00:00 PM', '43', '17', '26'],
  ['11/30/2023 07:00:00 PM', '60', '26', '34'],
  ['11/30/2023 06:00:00 PM', '114', '38', '76'],
  ['11/30/2023 05:00:00 PM', '242', '82', '160'],
  ['11/30/2023 04:00:00 PM', '190', '75', '115'],
  ['11/30/2023 03:00:00 PM', '93', '38', '55'],
  ['11/30/2023 02:00:00 PM', '', '', ''],
];

describe('findMeasureTotal', () => {
  it('finds the column that is the sum of the others on the sampled rows', () => {
    expect(findMeasureTotal(NAMES, ROWS, [1, 2, 3], false)).toEqual({ total: 'Fremont Bridge Sidewalks', parts: ['Cyclist East Sidewalk', 'Cyclist West Sidewalk'] });
  });

  it('takes no column that never changes for a total, however its one value meets a sum of small codes', () => {
    // Zürich's counts: the number of detectors (2 on every row) beside the detectors' ids (1 and 2) and the count.
    const names = ['AnzDetektoren', 'D1ID', 'D2ID', 'AnzFahrzeuge'];
    const rows = Array.from({ length: 12 }, (_, i) => ['2', '1', '2', String(100 + i * 37)]);
    expect(findMeasureTotal(names, rows, [0, 1, 2, 3], false)).toBeNull();
  });

  it('takes no sum for a total where both are mostly zero, nor one a loose rounding allowance lets many parts meet', () => {
    // A tube counter's classes and speed bins: two directions' volumes, then 30 bins, nearly all empty
    // (a truck class, the fastest bins): 0 = 0 + 0 + … on most hours proves nothing.
    const names = ['Volume N', 'Volume S', ...Array.from({ length: 30 }, (_, i) => `bin ${i}`)];
    const rows = Array.from({ length: 40 }, (_, r) => {
      const bins = Array.from({ length: 30 }, (_, i) => (i < 28 ? (r % 9 === 0 && i === r % 28 ? '1' : '0') : String((r * 7 + i) % 13)));
      return [String(40 + ((r * 17) % 60)), String(35 + ((r * 23) % 50)), ...bins];
    });
    expect(findMeasureTotal(names, rows, names.map((_, i) => i), false)).toBeNull();
  });

  it('needs enough complete rows to tell a sum from a coincidence', () => {
    expect(findMeasureTotal(NAMES, ROWS.slice(0, 5), [1, 2, 3], false)).toBeNull();
  });

  it('finds none among fewer than three columns or where no column is a sum', () => {
    expect(findMeasureTotal(NAMES, ROWS, [2, 3], false)).toBeNull();
    const noSum = ROWS.map(([date, a, b, c]) => [date ?? '', a ?? '', b ?? '', c === '' ? '' : String(Number(c) + 5)]);
    expect(findMeasureTotal(NAMES, noSum, [1, 2, 3], false)).toBeNull();
  });
});
