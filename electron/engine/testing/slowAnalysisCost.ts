/** Test-only: busy time per row of the slowed analysis, SQL and prediction workers (slow*Worker.ts), in microseconds. */
export const SLOW_ROW_US = 40;

/** Spends SLOW_ROW_US of busy time per row: a worker that is slow, not one that sleeps. */
export function spendRowTime(rows: number): void {
  const until = performance.now() + (rows * SLOW_ROW_US) / 1000;
  while (performance.now() < until) {
    // busy
  }
}
