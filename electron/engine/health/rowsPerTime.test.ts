import { describe, expect, it } from 'vitest';
import { LEARN_TIMES, RowsPerTime } from './rowsPerTime';

/** Feeds rows as (label, same time as the row before?) and returns the labels judged duplicates. */
function duplicates(rows: readonly [string, boolean][]): string[] {
  const counter = new RowsPerTime<string>();
  return rows.flatMap(([label, same]) => counter.add(label, same).map((extra) => extra.row));
}

const times = (count: number, perTime: number): [string, boolean][] =>
  Array.from({ length: count }, (_, t) => Array.from({ length: perTime }, (_, k): [string, boolean] => [`t${t}.${k + 1}`, k > 0])).flat();

describe('rows per timestamp', () => {
  it('a row per direction at every timestamp is no duplicate; a third at one is', () => {
    const rows = times(10, 2);
    rows.splice(14, 0, ['t6.3', true]); // after t6.2
    expect(duplicates(rows)).toEqual(['t6.3']);
  });

  it('one row per timestamp: a second is a duplicate, even among the first timestamps it learns from', () => {
    const rows = times(10, 1);
    rows.splice(2, 0, ['t1.2', true]);
    rows.splice(8, 0, ['t6.2', true]);
    expect(duplicates(rows)).toEqual(['t1.2', 't6.2']);
    expect(LEARN_TIMES).toBeLessThan(6);
  });
});
