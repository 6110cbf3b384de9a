import { describe, expect, it } from 'vitest';
import type { RejectedRow } from '../../../shared/contract';
import { HeldRejects } from './heldRejects';

const row = (line: number): RejectedRow => ({ line, reason: 'bad', text: `row ${line}` });

describe('HeldRejects', () => {
  it('holds nothing at first', () => {
    const held = new HeldRejects();
    expect(held.count).toBe(0);
    expect(held.takeBefore(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('hands over only the rows before the record reached, in order, each once', () => {
    const held = new HeldRejects();
    // Rows after 0, 2, 2 and 9 records of the batch.
    held.hold([row(3), row(7), row(8), row(20)], [0, 2, 2, 9]);
    expect(held.count).toBe(4);
    expect(held.takeBefore(0)).toBeNull(); // no record produced yet: the first row is not yet passed
    expect(held.takeBefore(2)?.map((r) => r.line)).toEqual([3]);
    expect(held.takeBefore(3)?.map((r) => r.line)).toEqual([7, 8]);
    expect(held.count).toBe(1);
    expect(held.takeBefore(3)).toBeNull();
    expect(held.takeBefore(Number.POSITIVE_INFINITY)?.map((r) => r.line)).toEqual([20]);
    expect(held.count).toBe(0);
    expect(held.takeBefore(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('goes by place among the records, not by line (a merged replay interleaves lines)', () => {
    const held = new HeldRejects();
    held.hold([row(900), row(12)], [1, 3]);
    expect(held.takeBefore(2)?.map((r) => r.line)).toEqual([900]);
    expect(held.takeBefore(4)?.map((r) => r.line)).toEqual([12]);
  });

  it('starts over with each batch held', () => {
    const held = new HeldRejects();
    held.hold([row(1), row(2)], [0, 1]);
    expect(held.takeBefore(1)?.map((r) => r.line)).toEqual([1]);
    held.hold([row(50)], [5]);
    expect(held.count).toBe(1);
    expect(held.takeBefore(100)?.map((r) => r.line)).toEqual([50]);
  });
});
