/**
 * How many rows a location has at one timestamp. Most files have one; a file with a row per
 * direction or lane has two or three, every time, and those are not duplicates. The first
 * LEARN_TIMES timestamps of a location teach its number: when they all hold the same count, that
 * is the location's; otherwise it is one. Rows beyond the number at one timestamp are duplicates;
 * those met while learning are held and judged once the number is known, so none is missed.
 */

/** Timestamps a location's rows-per-time is learnt from. */
export const LEARN_TIMES = 4;
/** More rows than this at one time are never a layout, whatever the first timestamps say. */
const MAX_ROWS_PER_TIME = 8;

export interface Extra<T> {
  /** The row's place among the rows of its timestamp: 2 for the second. */
  nth: number;
  row: T;
}

export class RowsPerTime<T> {
  /** Rows at the current timestamp. */
  private atTime = 0;
  private readonly learnt: number[] = [];
  private held: Extra<T>[] = [];
  /** Null while learning. */
  private known: number | null = null;

  get usual(): number {
    return this.known ?? 1;
  }

  /**
   * A row at a new timestamp (`sameTime` false) or at the one before (true). Returns the rows now
   * judged duplicates: this one once the number is known and it exceeds it, or the held ones when
   * learning ends.
   */
  add(row: T, sameTime: boolean): Extra<T>[] {
    if (!sameTime) {
      const ended = this.endTime();
      this.atTime = 1;
      return ended;
    }
    this.atTime++;
    const extra = { nth: this.atTime, row };
    if (this.known === null) {
      this.held.push(extra);
      return [];
    }
    return this.atTime > this.known ? [extra] : [];
  }

  private endTime(): Extra<T>[] {
    if (this.known !== null || this.atTime === 0) return [];
    this.learnt.push(this.atTime);
    if (this.learnt.length < LEARN_TIMES) return [];
    const first = this.learnt[0] as number;
    this.known = first <= MAX_ROWS_PER_TIME && this.learnt.every((count) => count === first) ? first : 1;
    const known = this.known;
    const judged = this.held.filter((extra) => extra.nth > known);
    this.held = [];
    return judged;
  }
}
