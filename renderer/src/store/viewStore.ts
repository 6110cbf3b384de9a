/**
 * What the page shows, as the engine last described it. The store only applies view updates
 * (feed and rejected lists arrive as deltas or resets); it never computes analytics itself.
 */
import { create } from 'zustand';
import type { FeedRow, FileInfo, RejectedRow, ReplayProgress, ThresholdView, ViewUpdate } from '../../../shared/contract';
import type { AnalysisView } from '../../../shared/analysis/analysisContract';
import type { GraphView } from '../../../shared/graph/graphContract';
import type { BusView } from '../../../shared/kafka/busContract';
import type { PredictView } from '../../../shared/predict/predictContract';
import type { SqlTableView } from '../../../shared/sql/sqlContract';
import { keptGraph } from './graphKeep';
import { keptSeries } from './predictSeries';

export interface ViewState {
  connected: boolean;
  file: FileInfo | null;
  replay: ReplayProgress | null;
  threshold: ThresholdView | null;
  /** Newest first. */
  feedRows: FeedRow[];
  feedOnlyPassing: boolean;
  /** The one location the feed shows (chosen from the Junction graph); null shows every row. */
  feedLocation: string | null;
  /**
   * The user's latest "only passing" choice until the engine confirms it: updates already in
   * flight still carry the old value and must not flip the checkbox back.
   */
  onlyPassingRequest: boolean | null;
  feedCapacity: number;
  /** Rows that arrived too fast to be shown in the feed, since the last reset. */
  feedSkipped: number;
  rejectedRows: RejectedRow[];
  rejectedTotal: number;
  rejectedCapacity: number;
  /** The bus the pipeline runs on, its health, and (on Kafka) partitions and lag. */
  bus: BusView | null;
  /** The live SQL table: rows held and evicted, its columns, the newest query's progress. */
  sqlTable: SqlTableView | null;
  /** The Predictions panel's view; its series is the last one the engine sent for the shown location (see keptSeries). */
  predict: PredictView | null;
  /** The Junction graph's view; topology and loads are the last ones sent for the current topology (see keptGraph). */
  graph: GraphView | null;
  /** Data quality, profiles and alarms: the last view the engine sent (it sends one only when it changed). */
  analysis: AnalysisView | null;
  /** The last failed action, shown until dismissed or the next success. */
  error: string | null;
  setConnected(connected: boolean): void;
  setError(error: string | null): void;
  applyUpdate(update: ViewUpdate): void;
}

const rowKey = (row: FeedRow): string => `${row.partition}:${row.offset}`;

/**
 * A window that just fetched a snapshot may then get a delta overlapping it; rows it already
 * holds are dropped so none shows twice. Only the newest held rows can overlap a delta.
 */
function withoutHeld(fresh: FeedRow[], held: FeedRow[]): FeedRow[] {
  if (held.length === 0) return fresh;
  const recent = new Set(held.slice(0, fresh.length).map(rowKey));
  return fresh.filter((row) => !recent.has(rowKey(row)));
}

export const useView = create<ViewState>()((set) => ({
  connected: false,
  file: null,
  replay: null,
  threshold: null,
  feedRows: [],
  feedOnlyPassing: false,
  feedLocation: null,
  onlyPassingRequest: null,
  feedCapacity: 0,
  feedSkipped: 0,
  rejectedRows: [],
  rejectedTotal: 0,
  rejectedCapacity: 0,
  bus: null,
  sqlTable: null,
  predict: null,
  graph: null,
  analysis: null,
  error: null,
  setConnected: (connected) => set({ connected }),
  setError: (error) => set({ error }),
  applyUpdate: (update) =>
    set((state) => {
      const fresh = update.feed.rows.slice().reverse();
      const feedRows = update.feed.reset ? fresh : withoutHeld(fresh, state.feedRows).concat(state.feedRows).slice(0, update.feed.capacity);
      const rejectedRows = update.rejected.reset ? update.rejected.rows : state.rejectedRows.concat(update.rejected.rows);
      return {
        // Absent: the file is the one the last update described.
        file: update.file === undefined ? state.file : update.file,
        replay: update.replay,
        threshold: update.threshold,
        feedRows,
        feedOnlyPassing: update.feed.onlyPassing,
        feedLocation: update.feed.location,
        onlyPassingRequest: state.onlyPassingRequest === update.feed.onlyPassing ? null : state.onlyPassingRequest,
        feedCapacity: update.feed.capacity,
        feedSkipped: update.feed.reset ? 0 : state.feedSkipped + update.feed.skipped,
        rejectedRows,
        rejectedTotal: update.rejected.total,
        rejectedCapacity: update.rejected.capacity,
        bus: update.bus,
        sqlTable: update.sql,
        predict: { ...update.predict, series: keptSeries(state.predict, update.predict) },
        graph: keptGraph(state.graph, update.graph),
        analysis: update.analysis ?? state.analysis,
      };
    }),
}));
