/**
 * The pipeline's front door: validates every command, owns the bus and the current session, and
 * emits batched view updates. Plain Node: it never imports Electron, so the desktop shell, the web
 * host, the tests and the benchmark all run exactly this code.
 */
import { dirname, join } from 'node:path';
import { defaultPaceFor, type CommandArgs, type EngineCommandName, type CommandResult, type FileInfo, type ViewUpdate } from '../../shared/contract';
import { CommandError, parseCommandArgs } from '../../shared/envelope';
import type { TrafficRecord } from '../../shared/records';
import type { SchemaOverrides } from '../../shared/schema';
import type { BusSelection, BusView, MonitorRequest } from '../../shared/kafka/busContract';
import type { SqlTableView } from '../../shared/sql/sqlContract';
import { EmbeddedBus } from './bus/embeddedBus';
import { describeKafkaError } from './bus/kafka/kafkaErrors';
import { KafkaLink } from './kafka/kafkaLink';
import { MonitorSession } from './monitor/monitorSession';
import { listTopics } from './kafka/listTopics';
import { kafkaConfigFor } from './kafka/profiles/kafkaConfig';
import { defaultSecretStore } from './kafka/profiles/defaultSecretStore';
import { createKafkaProfileHandlers } from './kafka/profiles/profileHandlers';
import { KafkaProfileStore } from './kafka/profiles/profileStore';
import type { SecretStore } from './kafka/profiles/secretStore';
import { embeddedBinding, REPLAY_TOPIC, STAGES_GROUP, type BusBinding } from './replay/busBinding';
import { DEFAULT_LIMITS } from './replay/replayLimits';
import { ReplaySession, type OpenedFile } from './replay/replaySession';
import { BusSettings } from './settings/busSettings';
import { PredictSettingsFile } from './settings/predictSettingsFile';
import { SqlLibraryStore } from './settings/sqlLibrary';
import { createGraphHandlers, loadNetworkFile } from './graph/graphHandlers';
import { JunctionGraphFeed } from './graph/junctionGraphFeed';
import { GraphSettingsFile } from './settings/graphSettingsFile';
import { createPredictHandlers } from './predict/predictHandlers';
import { PredictionFeed } from './predict/predictionFeed';
import type { StreamFile } from './predict/predictWorkerMessages';
import { LiveTable } from './sql/liveTable';
import { createSqlHandlers } from './sql/sqlHandlers';
import { SchemaMemory } from './settings/schemaMemory';
import { openSniffedFile } from './source/openFile';
import { sniffCsv, type SniffedCsv } from './source/sniffCsv';
import { FEED_CAPACITY } from './stages/feedWindow';
import type { PipelineStages } from './stages/pipelineStages';
import { REJECT_LOG_CAPACITY } from './stages/rejectLog';
import { RejectSpill } from './stages/rejectSpill';
import { ViewUpdateScheduler } from './viewUpdateScheduler';
import { handledElsewhere, logFailure } from './supervision/ignoredErrors';

export interface EngineOptions {
  /** The bundled sample CSV ("Try the sample"). */
  sampleCsvPath: string;
  /** The sample city's road network, shown with the sample; by default `junction-network.json` beside the CSV. */
  sampleNetworkPath?: string;
  /** Where settings (remembered schema roles) and the rejected-rows file live; null keeps them in memory only. */
  dataDir: string | null;
  /** Called at most 20 times a second with the latest view. */
  onViewUpdate: (update: ViewUpdate) => void;
  /** Where Kafka passwords go; by default an owner-only file in dataDir (memory without one). */
  secretStore?: SecretStore;
}

type Handlers = { [K in EngineCommandName]: (args: CommandArgs<K>) => Promise<CommandResult<K>> | CommandResult<K> };

const OK = { ok: true } as const;

export class Engine {
  private readonly embeddedBus = new EmbeddedBus<TrafficRecord>();
  /** Set while the bus is Kafka. */
  private kafka: KafkaLink | null = null;
  /** Set while watching a topic (monitor mode); the views then come from it. */
  private monitor: MonitorSession | null = null;
  private readonly busSettings: BusSettings;
  /** The SQL console's table: every row the visible session's stages accept, in its own worker. */
  private readonly liveTable: LiveTable;
  private readonly sqlLibrary: SqlLibraryStore;
  /**
   * Whether an SQL console was opened. Filling the table costs about a core at full speed, so a
   * replay nobody queries does not pay for it; once opened it stays on.
   */
  private sqlOpen = false;
  /** The Predictions panel's model, in its own worker; fed only once that panel was opened. */
  private readonly predictions: PredictionFeed;
  private readonly predictSettings: PredictSettingsFile;
  /** The Junction graph panel's loads, network and analytics; fed only once that panel was opened. */
  private readonly graph: JunctionGraphFeed;
  private readonly graphSettings: GraphSettingsFile;
  /** Serialises bus switches: a second switch waits for the first to finish closing connections. */
  private switching: Promise<unknown> = Promise.resolve();
  private session: ReplaySession | null = null;
  private readonly scheduler: ViewUpdateScheduler;
  /** The file description the last view update carried (undefined: none sent yet). */
  private fileSent: FileInfo | null | undefined = undefined;
  private readonly schemaMemory: SchemaMemory;
  private readonly spill: RejectSpill | null;
  /** Kafka connection profiles and their passwords (Settings → Kafka); the Kafka bus reads them via kafkaConfigFor. */
  readonly kafkaProfiles: KafkaProfileStore;
  readonly kafkaSecrets: SecretStore;

  constructor(private readonly options: EngineOptions) {
    this.scheduler = new ViewUpdateScheduler(() => options.onViewUpdate(this.view(false)));
    this.schemaMemory = new SchemaMemory(options.dataDir);
    this.spill = options.dataDir ? new RejectSpill(join(options.dataDir, 'rejected')) : null;
    this.kafkaSecrets = options.secretStore ?? defaultSecretStore(options.dataDir);
    this.kafkaProfiles = new KafkaProfileStore(options.dataDir, this.kafkaSecrets);
    this.busSettings = new BusSettings(options.dataDir);
    this.sqlLibrary = new SqlLibraryStore(options.dataDir);
    this.liveTable = new LiveTable({ onChange: () => this.scheduler.markDirty() });
    this.predictions = new PredictionFeed({ onChange: () => this.scheduler.markDirty() });
    this.predictSettings = new PredictSettingsFile(options.dataDir);
    this.graph = new JunctionGraphFeed({ onChange: () => this.scheduler.markDirty() });
    this.graphSettings = new GraphSettingsFile(options.dataDir);
    void this.graphSettings.load().then(
      (settings) => this.graph.configure(settings),
      () => undefined, // unreadable settings: the defaults stay
    );
    void this.predictSettings.load().then(
      (settings) => this.predictions.configure(settings),
      () => undefined, // unreadable settings: the defaults stay
    );
    void this.sqlLibrary.settings().then(
      (settings) => this.liveTable.configure(settings),
      () => undefined, // unreadable settings: the defaults stay
    );
  }

  /** Comes back on the bus chosen last time; a Kafka cluster that is away shows as retrying, never blocks start-up. */
  async restoreBus(): Promise<void> {
    const { selection } = await this.busSettings.load();
    if (selection.kind === 'kafka') await this.selectBus(selection, false).catch(logFailure('kafka', 'could not come back on the bus chosen last time'));
  }

  /** Validates untrusted arguments, then runs the command; throws CommandError on failure. */
  async handle<K extends EngineCommandName>(name: K, rawArgs: unknown): Promise<CommandResult<K>> {
    // Names come from other threads and processes: one outside the engine's map (a shell command included) is unknown here.
    const handler = (Object.prototype.hasOwnProperty.call(this.handlers, name) ? this.handlers[name] : undefined) as ((args: CommandArgs<K>) => Promise<CommandResult<K>> | CommandResult<K>) | undefined;
    if (!handler) throw new CommandError('UNKNOWN_COMMAND', `Unknown command: ${String(name)}`);
    return handler(parseCommandArgs(name, rawArgs));
  }

  private readonly profileHandlers = createKafkaProfileHandlers(() => ({ profiles: this.kafkaProfiles, secrets: this.kafkaSecrets }));

  private readonly handlers: Handlers = {
    'file:open': async ({ path }) => {
      await this.stopMonitoring();
      const info = await this.open(path);
      // The sample city's roads belong to the sample; a network the user loaded stays for their files.
      if (this.graph.networkIsSample) this.graph.useNetwork(null);
      return info;
    },
    'file:openSample': async () => {
      await this.stopMonitoring();
      const info = await this.open(this.options.sampleCsvPath);
      const networkPath = this.options.sampleNetworkPath ?? join(dirname(this.options.sampleCsvPath), 'junction-network.json');
      // Without its network the sample still shows every junction, only without roads.
      this.graph.useNetwork(await loadNetworkFile(networkPath, true).catch(() => null));
      return info;
    },
    'schema:apply': async ({ overrides, remember }) => {
      if (this.monitor) {
        if (remember) await this.schemaMemory.remember(this.monitor.sampleHeader, overrides);
        const info = this.monitor.applySchema(overrides);
        await this.followMainMeasure(overrides.measure ?? null);
        return info;
      }
      const session = this.requireSession();
      const info = await this.reopen(session.file.sniffed, overrides, session);
      if (remember) await this.schemaMemory.remember(session.file.sniffed.headerKey, overrides);
      await this.followMainMeasure(overrides.measure ?? null);
      return info;
    },
    'schema:reset': async () => {
      if (this.monitor) {
        await this.schemaMemory.remember(this.monitor.sampleHeader, null);
        return this.monitor.applySchema(null);
      }
      const session = this.requireSession();
      await this.schemaMemory.remember(session.file.sniffed.headerKey, null);
      return this.reopen(session.file.sniffed, null, session);
    },
    'replay:start': ({ pace, limits }) => {
      this.requireReplay().start(pace, limits);
      return OK;
    },
    'replay:setPace': ({ pace }) => {
      this.requireReplay().setPace(pace);
      return OK;
    },
    'replay:seek': ({ target }) => {
      this.requireReplay().seek(target);
      return OK;
    },
    'replay:pause': () => {
      (this.monitor ?? this.requireSession()).pause();
      return OK;
    },
    'replay:resume': () => {
      (this.monitor ?? this.requireSession()).resume();
      return OK;
    },
    'replay:stop': async () => {
      if (this.monitor) await this.stopMonitoring();
      else this.requireSession().stop();
      return OK;
    },
    'threshold:set': (settings) => {
      try {
        (this.monitor ?? this.requireSession()).stages.setThreshold(settings);
      } catch (error) {
        if (error instanceof CommandError) throw error;
        throw new CommandError('INVALID_ARGS', (error as Error).message);
      }
      return OK;
    },
    'feed:setOnlyPassing': ({ onlyPassing }) => {
      (this.monitor ?? this.requireSession()).stages.setOnlyPassing(onlyPassing);
      return OK;
    },
    'feed:setLocation': ({ location }) => {
      (this.monitor ?? this.requireSession()).stages.setLocation(location);
      return OK;
    },
    'rejected:save': async ({ path }) => {
      try {
        return { rows: await this.requireSession().saveRejected(path) };
      } catch (error) {
        if (error instanceof CommandError) throw error;
        throw new CommandError('FILE_UNREADABLE', `Could not save the rejected rows to ${path}: ${(error as Error).message}`);
      }
    },
    'session:snapshot': () => this.view(true),
    'bus:select': async ({ selection }) => {
      await this.selectBus(selection, true);
      return OK;
    },
    'kafka:listTopics': async ({ profileId }) => {
      const config = await kafkaConfigFor(this.kafkaProfiles, this.kafkaSecrets, profileId);
      try {
        return await listTopics(config);
      } catch (error) {
        throw new CommandError('KAFKA_UNAVAILABLE', `Could not list topics: ${describeKafkaError(error)}`);
      }
    },
    'monitor:start': async (request) => {
      await this.startMonitoring(request);
      return OK;
    },
    'monitor:stop': async () => {
      await this.stopMonitoring();
      return OK;
    },
    // A function: this map is built before the constructor has created the stores.
    ...this.profileHandlers,
    // An edited profile that the bus is using takes effect at once: the bus reconnects and a replay carries on.
    'kafkaProfile:save': async (args) => {
      const saved = await this.profileHandlers['kafkaProfile:save'](args);
      await this.applyEditedProfile(saved.id);
      return saved;
    },
    ...createSqlHandlers(() => ({ table: this.liveTable, library: this.sqlLibrary, open: () => this.openSql() })),
    ...createPredictHandlers(() => ({ feed: this.predictions, settingsFile: this.predictSettings, open: () => this.openPredictions() })),
    ...createGraphHandlers(() => ({ feed: this.graph, settingsFile: this.graphSettings, open: () => this.openGraph() })),
  };

  /** Replay commands make no sense while watching a topic; say so instead of acting on a hidden file. */
  private requireReplay(): ReplaySession {
    if (this.monitor) {
      throw new CommandError('BAD_STATE', `Watching topic ${this.monitor.topic}: stop monitoring to replay a file.`);
    }
    return this.requireSession();
  }

  /** Watches a topic others write. A replay in progress stops; the file stays open underneath for later. */
  private async startMonitoring(request: MonitorRequest): Promise<void> {
    const config = await kafkaConfigFor(this.kafkaProfiles, this.kafkaSecrets, request.profileId);
    const profile = await this.kafkaProfiles.get(request.profileId);
    await this.stopMonitoring();
    if (this.session?.isActive) this.session.stop();
    const source = { request, profileName: profile?.name ?? request.profileId, config, groupId: await this.busSettings.groupId() };
    let monitor: MonitorSession;
    try {
      monitor = await MonitorSession.open(source, null, () => this.scheduler.markDirty());
    } catch (error) {
      throw new CommandError('KAFKA_UNAVAILABLE', `Could not watch ${request.topic}: ${(error as Error).message}`);
    }
    const remembered = await this.schemaMemory.recall(monitor.sampleHeader);
    if (remembered) {
      try {
        monitor.applySchema(remembered);
      } catch {
        // Roles remembered for these columns do not fit these messages: keep what was inferred.
      }
    }
    this.monitor = monitor;
    this.session?.stages.detachSinks();
    this.attachSinks(monitor.stages, null);
    this.scheduler.markDirty();
  }

  private async stopMonitoring(): Promise<void> {
    const monitor = this.monitor;
    if (!monitor) return;
    this.monitor = null;
    monitor.stages.detachSinks();
    if (this.session) this.attachSinks(this.session.stages, streamFileOf(this.session.file));
    this.session?.stages.feed.requestReset();
    this.session?.stages.rejects.clear();
    this.scheduler.markDirty();
    await monitor.dispose();
  }

  private requireSession(): ReplaySession {
    if (!this.session) throw new CommandError('NO_FILE', 'Open a CSV file first.');
    return this.session;
  }

  private async open(path: string): Promise<FileInfo> {
    const sniffed = await sniffCsv(path);
    const remembered = await this.schemaMemory.recall(sniffed.headerKey);
    let opened;
    try {
      opened = await openSniffedFile(sniffed, remembered);
    } catch (error) {
      // Roles remembered for this header may not fit this file's values; fall back to inference.
      if (!(error instanceof CommandError) || remembered === null) throw error;
      opened = await openSniffedFile(sniffed, null);
    }
    this.replaceSession(this.newSession(opened));
    // Not in replaceSession: new roles for the same file (reopen) keep the user's route and junction.
    this.graph.forgetChoices();
    return opened.info;
  }

  /** New roles for the open file; a replay in progress carries on from the same row under them. */
  /**
   * The main measure the user chose in Edit roles is the one every panel uses: the threshold starts
   * on it (the session's stages), the graph sums it as load and predictions forecast it, as if it
   * had been picked in each panel. Null (engine's choice) leaves the panels' own choices alone.
   */
  private async followMainMeasure(measure: string | null): Promise<void> {
    if (measure === null) return;
    const graph = { ...this.graph.currentSettings, measure };
    const predict = { ...this.predictions.currentSettings, target: measure };
    this.graph.configure(graph);
    this.predictions.configure(predict);
    // Remembering is a convenience: a full disk must not undo the change on screen.
    await Promise.all([this.graphSettings.save(graph), this.predictSettings.save(predict)]).catch(logFailure('settings', 'could not save the graph and prediction settings'));
  }

  private async reopen(sniffed: SniffedCsv, overrides: SchemaOverrides | null, previous: ReplaySession): Promise<FileInfo> {
    const opened = await openSniffedFile(sniffed, overrides); // throws INVALID_SCHEMA before anything changes
    const session = this.newSession(opened);
    const wasActive = previous.isActive;
    const position = previous.currentPosition;
    const pace = previous.currentPace;
    const limits = previous.currentLimits;
    this.replaceSession(session);
    // A pace by the data's clock needs a timestamp; without one the file's default pace applies.
    const paceNow = pace.mode === 'event' && !opened.schema.time ? defaultPaceFor(opened.info) : pace;
    if (wasActive) session.start(paceNow, limits, position > 0 ? { kind: 'row', row: position } : null);
    return opened.info;
  }

  private binding(): BusBinding {
    return this.kafka ? this.kafka.binding() : embeddedBinding(this.embeddedBus);
  }

  private newSession(opened: OpenedFile): ReplaySession {
    this.kafka?.codec.useColumns(opened.schema.columns, opened.schema.time !== null);
    return new ReplaySession(opened, this.binding(), () => this.scheduler.markDirty(), this.spill);
  }

  /**
   * Switches the bus. A replay in progress stops (its rows stay on screen until the next replay);
   * the open file stays open on the new bus. Connecting happens in the background and shows in
   * the bus view, so an unreachable cluster never blocks the page.
   */
  /** An edited profile reaches the bus that runs on it at once, without stopping its replay (issue 19 #14). */
  private applyEditedProfile(profileId: string): Promise<void> {
    const next = this.switching.then(async () => {
      const link = this.kafka;
      if (!link || link.selection.profileId !== profileId) return;
      const config = await kafkaConfigFor(this.kafkaProfiles, this.kafkaSecrets, profileId);
      const profile = await this.kafkaProfiles.get(profileId);
      await link.reconfigure(config, profile?.name ?? profileId);
    });
    this.switching = next.catch(handledElsewhere);
    return next;
  }

  private selectBus(selection: BusSelection, persist: boolean): Promise<void> {
    // The same Kafka bus again (after its cluster came back, say): reconnect with its profile as it is now, keep the replay going.
    const current = this.kafka?.selection;
    if (current && persist && selection.kind === 'kafka' && JSON.stringify(current) === JSON.stringify(selection)) return this.applyEditedProfile(selection.profileId);
    const next = this.switching.then(async () => {
      let link: KafkaLink | null = null;
      if (selection.kind === 'kafka') {
        const config = await kafkaConfigFor(this.kafkaProfiles, this.kafkaSecrets, selection.profileId);
        const profile = await this.kafkaProfiles.get(selection.profileId);
        link = new KafkaLink(selection, profile?.name ?? selection.profileId, await this.busSettings.groupId(), config, () => this.scheduler.markDirty());
      }
      const session = this.session;
      if (session?.isActive) session.stop();
      const previous = this.kafka;
      this.kafka = link;
      if (session) this.replaceSession(this.newSession(session.file));
      if (persist) await this.busSettings.save(selection);
      this.scheduler.markDirty();
      await previous?.close();
    });
    this.switching = next.catch(handledElsewhere);
    return next;
  }

  private busView(): BusView {
    const counters = this.session?.busCounters() ?? { produced: 0, consumed: 0, duplicates: 0, foreign: 0, stale: 0, produceRetries: 0 };
    const link = this.kafka;
    const common = {
      produced: counters.produced,
      consumed: counters.consumed,
      duplicates: counters.duplicates,
      malformed: 0,
      produceRetries: counters.produceRetries,
      monitoring: false,
    };
    if (!link) {
      return {
        ...common,
        selection: { kind: 'embedded' },
        state: 'embedded',
        message: null,
        retryInSeconds: null,
        profileName: null,
        topic: REPLAY_TOPIC,
        groupId: STAGES_GROUP,
        producerMode: 'in-process log',
        partitions: [],
        maxLag: 0,
      };
    }
    return {
      ...common,
      selection: link.selection,
      state: link.state,
      message: link.message,
      retryInSeconds: link.retryInSeconds,
      profileName: link.profileName,
      topic: link.selection.topic,
      groupId: link.groupId,
      producerMode: link.bus.producerMode,
      partitions: link.partitions,
      maxLag: link.maxLag,
    };
  }

  /** The table starts empty under the visible session's columns and takes its rows from now on. */
  private openSql(): void {
    if (this.sqlOpen) return;
    this.sqlOpen = true;
    (this.monitor ?? this.session)?.stages.attachSink(this.liveTable);
    this.scheduler.markDirty();
  }

  /** The model starts learning from the visible session's next run; once opened it stays on. */
  private openPredictions(): void {
    if (this.predictions.isOpen) return;
    this.predictions.open();
    const stages = this.monitor ?? this.session;
    if (stages) {
      this.predictions.useFile(this.monitor || !this.session ? null : streamFileOf(this.session.file));
      stages.stages.attachSink(this.predictions);
    }
    this.scheduler.markDirty();
  }

  /** Loads are counted from the visible session's next rows; once opened it stays on. */
  private openGraph(): void {
    if (this.graph.isOpen) return;
    this.graph.open();
    (this.monitor ?? this.session)?.stages.attachSink(this.graph);
    this.scheduler.markDirty();
  }

  /** Hands the stages whose rows are on screen to every panel that was opened (SQL, Predictions). */
  private attachSinks(stages: PipelineStages, file: StreamFile | null): void {
    if (this.sqlOpen) stages.attachSink(this.liveTable);
    if (this.predictions.isOpen) {
      this.predictions.useFile(file);
      stages.attachSink(this.predictions);
    }
    if (this.graph.isOpen) stages.attachSink(this.graph);
  }

  private sqlView(): SqlTableView {
    const view = this.liveTable.view();
    if (this.sqlOpen || view.state === 'failed') return view;
    return { ...view, state: 'off', message: 'The live table fills from the moment an SQL console is open.' };
  }

  private replaceSession(session: ReplaySession): void {
    this.session?.stages.detachSinks();
    this.session?.dispose();
    this.session = session;
    if (!this.monitor) this.attachSinks(session.stages, streamFileOf(session.file));
    this.scheduler.markDirty();
  }

  /**
   * `full` is for a window that (re)connects: lists come whole instead of as deltas, and the file's
   * description comes whether or not it changed. Otherwise the description (as wide as the file,
   * with its preview rows) comes only when it changed since the last update sent.
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
    const monitor = this.monitor;
    if (monitor) {
      const threshold = monitor.stages.thresholdView();
      return {
        file: monitor.fileInfo,
        replay: monitor.progress(),
        threshold,
        feed: monitor.stages.feedView(full),
        rejected: monitor.stages.rejectedView(full),
        bus: monitor.busView(),
        sql: this.sqlView(),
        predict: this.predictions.view(full),
        graph: this.graph.view(full, threshold.settings),
      };
    }
    const session = this.session;
    if (!session) return { ...emptyView(), bus: this.busView(), sql: this.sqlView(), predict: this.predictions.view(full), graph: this.graph.view(full, null) };
    const threshold = session.stages.thresholdView();
    return {
      file: session.fileInfo,
      replay: session.progress(),
      threshold,
      feed: session.stages.feedView(full),
      rejected: session.stages.rejectedView(full),
      bus: this.busView(),
      sql: this.sqlView(),
      predict: this.predictions.view(full),
      graph: this.graph.view(full, threshold.settings),
    };
  }

  stop(): void {
    this.session?.dispose();
    this.session = null;
    this.scheduler.dispose();
    void this.spill?.dispose();
    void this.kafka?.close();
    this.kafka = null;
    void this.monitor?.dispose();
    this.monitor = null;
    void this.liveTable.dispose();
    void this.predictions.dispose();
    this.graph.dispose();
  }
}

/** What the prediction worker needs to read a replayed file's first days as history. */
function streamFileOf(file: OpenedFile): StreamFile {
  return { path: file.sniffed.path, dialect: file.sniffed.dialect, schema: file.schema, timeRange: file.info.timeRange };
}

function emptyView(): Omit<ViewUpdate, 'bus' | 'sql' | 'predict' | 'graph'> {
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
