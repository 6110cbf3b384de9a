/** Test-only: busy time per row of the slowed analysis worker (slowAnalysisWorker.ts), in microseconds. */
export const SLOW_ROW_US = 40;
