/**
 * The panels that take rows from the visible session's stages. The SQL console's live table and the
 * Predictions model, each in its own worker, are fed only once their panel was opened (filling them
 * costs CPU a replay nobody looks at should not pay). The Junction graph's loads are counted always:
 * a few additions per row on this thread, and a graph first opened after a replay must show that
 * replay's loads, not wait for the next one; only its drawing and analytics wait for the panel. The
 * analysis stage (data quality, profiles, alarms) is fed always, in its own worker: the live feed
 * and the graph show its statuses. When the visible session changes, the fed panels move to its
 * stages and start over under its columns.
 */
import type { SqlTableView } from '../../shared/sql/sqlContract';
import { AnalysisFeed } from './analysis';
import { JunctionGraphFeed } from './graph';
import { PredictionFeed } from './predict';
import type { StreamFile } from './predict';
import { GraphSettingsFile } from './settings';
import { PredictSettingsFile } from './settings';
import { SqlLibraryStore } from './settings';
import { LiveTable } from './sql';
import type { PipelineStages } from './stages';
import { logFailure } from './supervision';
import type { WorkerScripts } from './workerScripts';

/** The stages whose rows are on screen, and the replayed file behind them (null: a watched topic). */
interface Feeder {
  stages: PipelineStages;
  file: StreamFile | null;
}

export class PanelFeeds {
  /** The SQL console's table: every row the visible session's stages accept, in its own worker. */
  readonly liveTable: LiveTable;
  readonly sqlLibrary: SqlLibraryStore;
  /** Whether an SQL console was opened; once opened it stays on. */
  private sqlOpen = false;
  /** The Predictions panel's model, in its own worker. */
  readonly predictions: PredictionFeed;
  readonly predictSettings: PredictSettingsFile;
  /** The Junction graph panel's loads, network and analytics. */
  readonly graph: JunctionGraphFeed;
  readonly graphSettings: GraphSettingsFile;
  /** Data quality, profiles and alarms: always fed, in their own worker (analysisFeed.ts). */
  readonly analysis: AnalysisFeed;
  private feeder: Feeder | null = null;

  constructor(
    dataDir: string | null,
    scripts: WorkerScripts,
    /** Tells the engine the view changed. */
    private readonly changed: () => void,
  ) {
    this.sqlLibrary = new SqlLibraryStore(dataDir);
    this.liveTable = new LiveTable({ onChange: changed, worker: { workerPath: scripts.sql, wasmPath: scripts.sqlWasm } });
    // Every panel starts on the session's main measure (the schema's), as the threshold does.
    const measure = (): string | null => this.feeder?.stages.mainMeasure ?? null;
    this.predictions = new PredictionFeed({ onChange: changed, workerPath: scripts.predict, measure });
    this.predictSettings = new PredictSettingsFile(dataDir);
    this.graph = new JunctionGraphFeed({ onChange: changed, workerPath: scripts.graph, measure });
    this.graphSettings = new GraphSettingsFile(dataDir);
    this.analysis = new AnalysisFeed({
      onChange: changed,
      workerPath: scripts.analysis,
      measure,
      network: () => this.graph.network?.parsed ?? null,
    });
    const keepDefaults = (): void => undefined; // unreadable settings: the defaults stay
    void this.graphSettings.load().then((settings) => this.graph.configure(settings), keepDefaults);
    void this.predictSettings.load().then((settings) => this.predictions.configure(settings), keepDefaults);
    void this.sqlLibrary.settings().then((settings) => this.liveTable.configure(settings), keepDefaults);
  }

  /** Moves every open panel to `stages` (null: nothing visible); they start empty under its columns. */
  feedFrom(stages: PipelineStages | null, file: StreamFile | null): void {
    this.feeder?.stages.detachSinks();
    this.feeder = stages ? { stages, file } : null;
    if (!stages) return;
    stages.attachSink(this.analysis);
    stages.attachSink(this.graph);
    if (this.sqlOpen) stages.attachSink(this.liveTable);
    if (this.predictions.isOpen) {
      this.predictions.useFile(file);
      stages.attachSink(this.predictions);
    }
  }

  /** The table starts empty under the visible session's columns and takes its rows from now on. */
  openSql(): void {
    if (this.sqlOpen) return;
    this.sqlOpen = true;
    this.feeder?.stages.attachSink(this.liveTable);
    this.changed();
  }

  /** The model starts learning from the visible session's next run; once opened it stays on. */
  openPredictions(): void {
    if (this.predictions.isOpen) return;
    this.predictions.open();
    if (this.feeder) {
      this.predictions.useFile(this.feeder.file);
      this.feeder.stages.attachSink(this.predictions);
    }
    this.changed();
  }

  /**
   * The graph is drawn from the loads counted so far (they are counted whether or not it is open;
   * attaching it again here would restart them); once opened it stays on.
   */
  openGraph(): void {
    if (this.graph.isOpen) return;
    this.graph.open();
    this.changed();
  }

  /**
   * The main measure the user chose in Edit roles is the one every panel uses: the threshold starts
   * on it (the session's stages), the graph sums it as load and predictions forecast it, as if it
   * had been picked in each panel. Null (engine's choice) leaves the panels' own choices alone.
   */
  async followMainMeasure(measure: string | null): Promise<void> {
    if (measure === null) return;
    const graph = { ...this.graph.currentSettings, measure };
    const predict = { ...this.predictions.currentSettings, target: measure };
    this.graph.configure(graph);
    this.predictions.configure(predict);
    // Remembering is a convenience: a full disk must not undo the change on screen.
    await Promise.all([this.graphSettings.save(graph), this.predictSettings.save(predict)]).catch(logFailure('settings', 'could not save the graph and prediction settings'));
  }

  sqlView(): SqlTableView {
    const view = this.liveTable.view();
    if (this.sqlOpen || view.state === 'failed') return view;
    return { ...view, state: 'off', message: 'The live table fills from the moment an SQL console is open.' };
  }

  dispose(): void {
    void this.liveTable.dispose();
    void this.predictions.dispose();
    this.graph.dispose();
  }
}
