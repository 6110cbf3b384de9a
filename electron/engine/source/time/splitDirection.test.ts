import { describe, expect, it } from 'vitest';
import { splitRowsRunNewestFirst, type SplitStep } from './splitDirection';

const QUARTER = 15 * 60_000;
const DAY_SLOTS = 96;

/** `count` quarter-hour slots from day `from` at midnight, `perSlot` rows each (junctions sharing a slot), oldest first. */
function slots(from: number, count: number, perSlot = 1): SplitStep[] {
  const steps: SplitStep[] = [];
  for (let slot = 0; slot < count; slot++) {
    const day = ((from - 1 + Math.floor(slot / DAY_SLOTS)) % 31) + 1; // 31 → 1 rolls, as a real month can
    for (let k = 0; k < perSlot; k++) steps.push({ day, timeOfDay: (slot % DAY_SLOTS) * QUARTER });
  }
  return steps;
}

describe('splitRowsRunNewestFirst', () => {
  it('oldest first across a month boundary (30, 31, 1, 2) is not newest first', () => {
    expect(splitRowsRunNewestFirst(slots(30, 4 * DAY_SLOTS))).toBe(false);
  });

  it('the same rows reversed (2, 1, 31, 30) are newest first', () => {
    expect(splitRowsRunNewestFirst(slots(30, 4 * DAY_SLOTS).reverse())).toBe(true);
  });

  it('junctions sharing a slot say nothing either way', () => {
    expect(splitRowsRunNewestFirst(slots(10, 300, 4))).toBe(false);
    expect(splitRowsRunNewestFirst(slots(10, 300, 4).reverse())).toBe(true);
  });

  it('a few late rows do not turn an oldest-first file around', () => {
    const rows = slots(10, 200);
    for (let i = 5; i < rows.length; i += 20) [rows[i], rows[i + 1]] = [rows[i + 1] as SplitStep, rows[i] as SplitStep];
    expect(splitRowsRunNewestFirst(rows)).toBe(false);
  });

  it('a file grouped by location (each location oldest first) is not newest first', () => {
    expect(splitRowsRunNewestFirst([...slots(1, 500), ...slots(1, 500), ...slots(1, 500)])).toBe(false);
  });

  it('one row, or rows all in one slot, are not newest first', () => {
    expect(splitRowsRunNewestFirst(slots(5, 1))).toBe(false);
    expect(splitRowsRunNewestFirst(slots(5, 1, 10))).toBe(false);
  });
});
