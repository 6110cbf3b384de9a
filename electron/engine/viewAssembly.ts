/**
 * Builds the ViewUpdate the page is sent: progress, threshold, feed and rejects from the visible
 * session, the Kafka panel from the monitor or the bus, and the panels' own views. The file's
 * description (as wide as the file, with its preview rows) is sent only when it changed.
 */
import type { FileInfo, ViewUpdate } from '../../shared/contract';
import type { BusSwitch } from './busSwitch';
import type { PanelFeeds } from './panelFeeds';
import { DEFAULT_LIMITS } from './replay';
import { FEED_CAPACITY } from './stages';
import { REJECT_LOG_CAPACITY } from './stages';
import type { VisibleSource } from './visibleSource';

export class ViewAssembly {
  /** The file description the last view update carried (undefined: none sent yet). */
  private fileSent: FileInfo | null | undefined = undefined;

  constructor(
    private readonly source: VisibleSource,
    private readonly bus: BusSwitch,
    private readonly panels: PanelFeeds,
  ) {}

  /**
   * `full` is for a window that (re)connects: lists come whole instead of as deltas, and the file's
   * description comes whether or not it changed. Otherwise the description comes only when it
   * changed since the last update sent.
   */
  view(full: boolean): ViewUpdate {
    const view = this.wholeView(full);
    const file = view.file;
    const changed = file !== this.fileSent;
    if (!full) this.fileSent = file;
    if (!full && !changed) delete view.file;
    return view;
  }

  private wholeView(full: boolean): ViewUpdate {
    const { panels } = this;
    const { monitor, replay } = this.source;
    const session = monitor ?? replay;
    if (!session) return { ...emptyView(), bus: this.bus.view(), sql: panels.sqlView(), predict: panels.predictions.view(full), graph: panels.graph.view(full, null), analysis: panels.analysis.view(full) };
    const threshold = session.stages.thresholdView();
    const progress = session.progress();
    return {
      file: session.fileInfo,
      replay: progress,
      threshold,
      feed: session.stages.feedView(full, progress.state !== 'running'),
      rejected: session.stages.rejectedView(full),
      // A watched topic has its own Kafka panel; a replay shows the bus it runs on.
      bus: monitor ? monitor.busView() : this.bus.view(replay?.busCounters()),
      sql: panels.sqlView(),
      predict: panels.predictions.view(full),
      graph: panels.graph.view(full, threshold.settings),
      analysis: panels.analysis.view(full),
    };
  }
}

function emptyView(): Omit<ViewUpdate, 'bus' | 'sql' | 'predict' | 'graph' | 'analysis'> {
  return {
    file: null,
    replay: {
      state: 'idle',
      rowsRead: 0,
      rowsAccepted: 0,
      rowsRejected: 0,
      rowsConsumed: 0,
      totalRows: null,
      totalExact: false,
      bytesRead: 0,
      bytesTotal: 0,
      rowsPerSecond: 0,
      elapsedMs: 0,
      pace: { mode: 'fast' },
      limits: DEFAULT_LIMITS,
      loop: 0,
      run: 0,
      eventTime: null,
      position: 0,
      seekedTo: null,
      rowsSkipped: 0,
      etaSeconds: null,
      message: null,
    },
    threshold: { settings: null, numericColumns: [], observedMin: null, observedMax: null, passing: 0, evaluated: 0, approximate: false },
    feed: { reset: true, onlyPassing: false, location: null, rows: [], skipped: 0, capacity: FEED_CAPACITY },
    rejected: { reset: true, total: 0, rows: [], capacity: REJECT_LOG_CAPACITY },
  };
}
