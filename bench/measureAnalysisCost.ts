/**
 * What issue 23's views cost a full-speed replay: the embedded 1M-row replay through the web host
 * with data quality, profiles and alarms on against off, and everything on (those plus two SQL
 * windows, with the SQL console open since windows live there) against everything off (the console
 * open, no windows, no checks). Each pair runs alternately PAIRS times, each run in a fresh process,
 * and the figure is the median of the pairs' ratios: on two shared cores one run's rate varies by
 * ±15 %, more than the difference measured.
 */
import { measureInChildProcess, type MeasurementKind } from './inChildProcess';
import type { ReplayMeasurement } from './measureReplay';

const PAIRS = 3;

export interface PairedRatio {
  /** Median rows/s with the features on, and off. */
  on: number;
  off: number;
  /** Median of the pairs' on ÷ off. */
  ratio: number;
  ratios: number[];
  /** Median time after the replay's end until the checks had every row. */
  caughtUpMs: number;
  /** With the SQL console open (with the features on): median time after the end until the live table held every row, and the most rows it was behind; null with the console closed. */
  sqlCaughtUpMs: number | null;
  sqlMostWaiting: number | null;
}

export interface AnalysisCostMeasurement {
  analysis: PairedRatio;
  everything: PairedRatio;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

async function paired(on: MeasurementKind, off: MeasurementKind, csvPath: string, root: string): Promise<PairedRatio> {
  const ons: ReplayMeasurement[] = [];
  const offs: ReplayMeasurement[] = [];
  for (let pair = 0; pair < PAIRS; pair++) {
    offs.push(await measureInChildProcess<ReplayMeasurement>(off, csvPath, root));
    ons.push(await measureInChildProcess<ReplayMeasurement>(on, csvPath, root));
  }
  const ratios = ons.map((run, i) => run.rowsPerSecond / (offs[i] as ReplayMeasurement).rowsPerSecond);
  return {
    on: median(ons.map((run) => run.rowsPerSecond)),
    off: median(offs.map((run) => run.rowsPerSecond)),
    ratio: median(ratios),
    ratios,
    caughtUpMs: median(ons.map((run) => run.analysisCaughtUpMs ?? Number.NaN)),
    sqlCaughtUpMs: ons[0]?.sqlCaughtUpMs === null ? null : median(ons.map((run) => run.sqlCaughtUpMs ?? Number.NaN)),
    sqlMostWaiting: ons[0]?.sqlMostWaiting === null ? null : Math.max(...ons.map((run) => run.sqlMostWaiting ?? 0)),
  };
}

export async function measureAnalysisCost(csvPath: string, root: string): Promise<AnalysisCostMeasurement> {
  return {
    analysis: await paired('replay', 'replay-no-analysis', csvPath, root),
    everything: await paired('replay-everything', 'replay-sql-no-analysis', csvPath, root),
  };
}
