import { describe, expect, it } from 'vitest';
import type { Cell, InsertStatement } from './insertStatement';
import { PendingWindowRows } from './pendingWindowRows';

/** Records what each run bound (a copy: the arrays are reused) and how many rows a run wrote. */
function recorder(rowsPerRun: number, width: number, runs: string[], rows: Cell[][]): InsertStatement {
  return {
    run(params) {
      expect(params.length).toBe(rowsPerRun * width);
      runs.push(`${rowsPerRun}`);
      for (let r = 0; r < rowsPerRun; r++) rows.push(params.slice(r * width, (r + 1) * width));
    },
    reset: () => undefined,
    free: () => undefined,
  };
}

function fill(pending: PendingWindowRows, from: number, count: number): void {
  for (let n = from; n < from + count; n++) {
    const cells = pending.nextRow();
    cells[pending.offset] = `row ${n}`;
    cells[pending.offset + 1] = n;
    cells[pending.offset + 2] = n % 2 === 0 ? null : n / 2;
  }
}

const expectedRows = (from: number, count: number): Cell[][] => Array.from({ length: count }, (_, i) => [`row ${from + i}`, from + i, (from + i) % 2 === 0 ? null : (from + i) / 2]);

describe('pending window rows', () => {
  it('writes full arrays in one run each and the rest row by row, in order', () => {
    const pending = new PendingWindowRows(3, 4);
    fill(pending, 0, 10);
    expect(pending.rows).toBe(10);
    const runs: string[] = [];
    const rows: Cell[][] = [];
    const written = pending.writeTo(recorder(4, 3, runs, rows), recorder(1, 3, runs, rows), new Array<Cell>(3).fill(null));
    expect(written).toBe(10);
    expect(runs).toEqual(['4', '4', '1', '1']);
    expect(rows).toEqual(expectedRows(0, 10));
    expect(pending.rows).toBe(0);
  });

  it('reuses its arrays after a write, every cell rewritten', () => {
    const pending = new PendingWindowRows(3, 2);
    fill(pending, 0, 5);
    pending.writeTo(recorder(2, 3, [], []), recorder(1, 3, [], []), new Array<Cell>(3).fill(null));
    fill(pending, 100, 3);
    const rows: Cell[][] = [];
    const runs: string[] = [];
    expect(pending.writeTo(recorder(2, 3, runs, rows), recorder(1, 3, runs, rows), new Array<Cell>(3).fill(null))).toBe(3);
    expect(runs).toEqual(['2', '1']);
    expect(rows).toEqual(expectedRows(100, 3));
  });

  it('without a multi-row statement writes each one-row array as it is', () => {
    const pending = new PendingWindowRows(3, 1);
    fill(pending, 7, 3);
    const rows: Cell[][] = [];
    const runs: string[] = [];
    pending.writeTo(null, recorder(1, 3, runs, rows), new Array<Cell>(3).fill(null));
    expect(runs).toEqual(['1', '1', '1']);
    expect(rows).toEqual(expectedRows(7, 3));
  });

  it('forgets rows when cleared', () => {
    const pending = new PendingWindowRows(3, 4);
    fill(pending, 0, 6);
    pending.clear();
    expect(pending.rows).toBe(0);
    const rows: Cell[][] = [];
    expect(pending.writeTo(recorder(4, 3, [], rows), recorder(1, 3, [], rows), new Array<Cell>(3).fill(null))).toBe(0);
    expect(rows).toEqual([]);
  });
});
