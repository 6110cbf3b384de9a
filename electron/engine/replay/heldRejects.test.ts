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

  it('hands over only the rows before the line passed, in order, each once', () => {
    const held = new HeldRejects();
    held.hold([row(3), row(7), row(8), row(20)]);
    expect(held.count).toBe(4);
    expect(held.takeBefore(3)).toBeNull(); // line 3 itself is not yet passed
    expect(held.takeBefore(8)?.map((r) => r.line)).toEqual([3, 7]);
    expect(held.count).toBe(2);
    expect(held.takeBefore(8)).toBeNull();
    expect(held.takeBefore(Number.POSITIVE_INFINITY)?.map((r) => r.line)).toEqual([8, 20]);
    expect(held.count).toBe(0);
    expect(held.takeBefore(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('starts over with each batch held', () => {
    const held = new HeldRejects();
    held.hold([row(1), row(2)]);
    expect(held.takeBefore(2)?.map((r) => r.line)).toEqual([1]);
    held.hold([row(50)]);
    expect(held.count).toBe(1);
    expect(held.takeBefore(100)?.map((r) => r.line)).toEqual([50]);
  });
});
