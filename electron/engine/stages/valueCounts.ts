/**
 * How often each value of one numeric column occurred. It answers "how many rows pass
 * `value > t`" for any t over every row seen so far, so dragging the threshold slider recounts
 * the whole replay instantly instead of only the rows that arrive afterwards. Traffic counts have
 * few distinct values; past a bound, values are rounded to 3 significant digits and the answer is
 * flagged approximate, which keeps memory bounded on any data.
 */
import type { ThresholdOperator } from '../../../shared/records';
import { passesThreshold } from '../../../shared/records';

const MAX_EXACT_DISTINCT = 20_000;

function bucket(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(3));
}

export class ValueCounts {
  private counts = new Map<number, number>();
  total = 0;
  min: number | null = null;
  max: number | null = null;
  approximate = false;

  add(value: number): void {
    this.total++;
    if (this.min === null || value < this.min) this.min = value;
    if (this.max === null || value > this.max) this.max = value;
    const key = this.approximate ? bucket(value) : value;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (!this.approximate && this.counts.size > MAX_EXACT_DISTINCT) this.switchToBuckets();
  }

  private switchToBuckets(): void {
    const exact = this.counts;
    this.counts = new Map();
    this.approximate = true;
    for (const [value, count] of exact) {
      const key = bucket(value);
      this.counts.set(key, (this.counts.get(key) ?? 0) + count);
    }
  }

  countPassing(operator: ThresholdOperator, threshold: number): number {
    let passing = 0;
    for (const [value, count] of this.counts) if (passesThreshold(value, operator, threshold)) passing += count;
    return passing;
  }

  get distinct(): number {
    return this.counts.size;
  }
}
