/** A thread that keeps dying is given up on; one that died long ago counts no more. */
import { describe, expect, it } from 'vitest';
import { RestartBudget } from './restartBudget';

describe('RestartBudget', () => {
  it('allows three restarts within a minute, then refuses until the oldest is a minute old', () => {
    const budget = new RestartBudget();
    expect([budget.take(0), budget.take(1000), budget.take(2000), budget.take(3000)]).toEqual([true, true, true, false]);
    expect(budget.take(59_000)).toBe(false);
    expect(budget.take(60_001)).toBe(true);
    expect(budget.limit).toBe(4);
  });
});
