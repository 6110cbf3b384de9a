/** Test-only: busy time per row of the slowed analysis and SQL workers (slowAnalysisWorker.ts, slowSqlWorker.ts), in microseconds. */
export const SLOW_ROW_US = 40;
