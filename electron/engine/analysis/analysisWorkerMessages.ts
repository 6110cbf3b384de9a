/** What the engine and the analysis worker say to each other (analysisFeed.ts ⇄ analysisWorker.ts). */
import type { AnalysisExport, AnalysisSettings, AnalysisView } from '../../../shared/analysis/analysisContract';
import type { ColumnInfo } from '../../../shared/schema';
import type { NetworkLinks } from '../alarms';
import type { AnalysisBatch } from './analysisBatch';

export type ToAnalysisWorker =
  /** A new run or new columns: everything starts over; `run` numbers it for the `checked` replies. */
  | { kind: 'restart'; run: number; columns: ColumnInfo[]; measure: string | null; network: NetworkLinks | null }
  | { kind: 'rows'; batch: AnalysisBatch }
  | { kind: 'configure'; settings: AnalysisSettings }
  | { kind: 'select'; heatmap: string | null; typical: string | null }
  /** Writes every flag or alarm to `path` (a file the host chose); answered by `exported`. */
  | { kind: 'export'; id: number; what: AnalysisExport; path: string };

export type FromAnalysisWorker =
  /**
   * The view changed (sent at most every VIEW_INTERVAL_MS), for run `run`: the worker goes on
   * checking the last run's rows after the engine started another (a new file, a new run), and a
   * view of those must not replace the new run's "waiting".
   */
  | { kind: 'view'; run: number; view: AnalysisView }
  /** Rows of run `run` checked so far (the engine's measure of how far behind this worker is). */
  | { kind: 'checked'; run: number; rows: number }
  | { kind: 'exported'; id: number; ok: true; rows: number }
  | { kind: 'exported'; id: number; ok: false; error: string };
