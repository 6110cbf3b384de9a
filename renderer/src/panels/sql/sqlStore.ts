/**
 * The SQL console's state: the text being edited, the run in flight, the result on show with
 * the rows fetched so far, Live mode, chart settings and the query library. Only plain setters
 * live here; sqlActions talks to the engine.
 */
import { create } from 'zustand';
import type { SqlLibrary, SqlResult } from '../../../../shared/sql/sqlContract';
import type { ChartSettings } from './chartData';
import type { PageCache } from './pageCache';
import type { PageProgress, RowsResult } from './resultProgress';

export interface RunInFlight {
  /** Replies to older runs are dropped by comparing tokens. */
  token: number;
  sql: string;
  startedAt: number;
  /** Started by Live mode, not by the user: it must not clear what the user is reading. */
  live: boolean;
}

/** The last reply, for the messages under the editor; `sql` is what its error positions point into. */
export interface SqlOutcome {
  result: SqlResult;
  sql: string;
  live: boolean;
}

/** The rows on show: a Live re-run replaces them in place. */
export interface SqlGrid {
  result: RowsResult;
  sql: string;
  cache: PageCache;
}

export interface SqlNotice {
  kind: 'error' | 'info';
  text: string;
}

export type SqlResultView = 'grid' | 'chart';

export interface SqlState {
  text: string;
  running: RunInFlight | null;
  outcome: SqlOutcome | null;
  grid: SqlGrid | null;
  /** The furthest count a sql:page reply reported for the grid's query. */
  pageProgress: PageProgress | null;
  /** A failed command (engine unavailable, export failed) or an export's confirmation. */
  notice: SqlNotice | null;
  live: boolean;
  /** When the rows on show were computed (ms). */
  updatedAt: number | null;
  lastStartedAt: number | null;
  /** The table's version (rows in and out) when the last run started: Live waits for it to move. */
  versionAtRun: string | null;
  view: SqlResultView;
  chart: ChartSettings;
  library: SqlLibrary;
  setText(text: string): void;
  setView(view: SqlResultView): void;
  setChart(chart: Partial<ChartSettings>): void;
  setNotice(notice: SqlNotice | null): void;
}

export const useSqlStore = create<SqlState>()((set) => ({
  text: '',
  running: null,
  outcome: null,
  grid: null,
  pageProgress: null,
  notice: null,
  live: false,
  updatedAt: null,
  lastStartedAt: null,
  versionAtRun: null,
  view: 'grid',
  chart: { kind: 'bar', x: null, y: null },
  library: { history: [], saved: [] },
  setText: (text) => set({ text }),
  setView: (view) => set({ view }),
  setChart: (chart) => set((state) => ({ chart: { ...state.chart, ...chart } })),
  setNotice: (notice) => set({ notice }),
}));
