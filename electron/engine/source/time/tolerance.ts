/**
 * How many disagreeing samples a column may hold and still be given a type or format: at most 5 %
 * of the non-empty samples, or a single one in a small sample, and always fewer than agree. The few
 * that disagree are later rejected row by row with a reason, which is more useful to a user than
 * silently demoting the whole column. (The same rule as `inferSchema`, so a column it calls time
 * also gets a time format.)
 */
export const TOLERATED_SHARE = 0.05;

/** True when `matching` of `total` non-empty samples is enough to accept a type or format. */
export function mostlyMatches(matching: number, total: number): boolean {
  const others = total - matching;
  return matching > others && others <= Math.max(1, Math.floor(total * TOLERATED_SHARE));
}
