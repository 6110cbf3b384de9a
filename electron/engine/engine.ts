/**
 * The pipeline's front door: validates every command and dispatches it from one table. What the
 * commands act on lives beside it: the visible session (visibleSource.ts), the bus (busSwitch.ts),
 * the panels fed from the stages (panelFeeds.ts) and the view sent to the page (viewAssembly.ts).
 * Plain Node: it never imports Electron, so the desktop shell, the web host, the tests and the
 * benchmark all run exactly this code.
 */
import { dirname, join } from 'node:path';
import type { CommandArgs, CommandResult, EngineCommandName, ViewUpdate } from '../../shared/contract';
import { CommandError, parseCommandArgs } from '../../shared/envelope';
import { describeKafkaError } from './bus';
import { BusSwitch } from './busSwitch';
import { createGraphHandlers, loadNetworkFile } from './graph';
import { listTopics } from './kafka';
import { defaultSecretStore } from './kafka';
import { kafkaConfigFor } from './kafka';
import { createKafkaProfileHandlers } from './kafka';
import { KafkaProfileStore } from './kafka';
import type { SecretStore } from './kafka';
import { PanelFeeds } from './panelFeeds';
import { createAnalysisHandlers } from './analysis';
import { createPredictHandlers } from './predict';
import { SchemaMemory } from './settings';
import { createSqlHandlers } from './sql';
import { RejectSpill, sweepStaleSpills } from './stages';
import { logFailure } from './supervision';
import { ViewAssembly } from './viewAssembly';
import { ViewUpdateScheduler } from './viewUpdateScheduler';
import { VisibleSource } from './visibleSource';
import { resolveWorkerScripts, type WorkerScripts } from './workerScripts';

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
  /** The helper threads' scripts (file scan, Kafka producer, SQL, predictions, graph); one left out runs without its thread (see workerScripts.ts). */
  workerScripts?: Partial<WorkerScripts>;
}

type Handlers = { [K in EngineCommandName]: (args: CommandArgs<K>) => Promise<CommandResult<K>> | CommandResult<K> };

const OK = { ok: true } as const;

export class Engine {
  private readonly scheduler: ViewUpdateScheduler;
  private readonly spill: RejectSpill | null;
  private readonly bus: BusSwitch;
  /** The SQL console, Predictions and Junction graph panels, fed from the visible session. */
  private readonly panels: PanelFeeds;
  /** The open file's replay, or the watched topic that hides it. */
  private readonly source: VisibleSource;
  private readonly assembly: ViewAssembly;
  /** Kafka connection profiles and their passwords (Settings → Kafka); the Kafka bus reads them via kafkaConfigFor. */
  readonly kafkaProfiles: KafkaProfileStore;
  readonly kafkaSecrets: SecretStore;

  constructor(private readonly options: EngineOptions) {
    const changed = (): void => this.scheduler.markDirty();
    const scripts = resolveWorkerScripts(options.workerScripts);
    this.scheduler = new ViewUpdateScheduler(() => options.onViewUpdate(this.view(false)));
    this.spill = options.dataDir ? new RejectSpill(join(options.dataDir, 'rejected')) : null;
    // A killed app cannot delete its rejected-row file (it can be gigabytes); the next start does.
    if (options.dataDir) void sweepStaleSpills(join(options.dataDir, 'rejected')).catch(logFailure('rejected rows', 'could not remove the rejected-row files of an app that was killed'));
    this.kafkaSecrets = options.secretStore ?? defaultSecretStore(options.dataDir);
    this.kafkaProfiles = new KafkaProfileStore(options.dataDir, this.kafkaSecrets);
    this.panels = new PanelFeeds(options.dataDir, scripts, changed);
    this.bus = new BusSwitch({
      dataDir: options.dataDir,
      profiles: this.kafkaProfiles,
      secrets: this.kafkaSecrets,
      producerWorkerPath: scripts.kafkaProducer,
      changed,
      rebind: () => this.source.rebindReplay(),
    });
    const schemaMemory = new SchemaMemory(options.dataDir);
    this.source = new VisibleSource({ bus: this.bus, panels: this.panels, schemaMemory, spill: this.spill, scanWorkerPath: scripts.fileScan, changed });
    this.assembly = new ViewAssembly(this.source, this.bus, this.panels);
  }

  /** Comes back on the bus chosen last time; a Kafka cluster that is away shows as retrying, never blocks start-up. */
  restoreBus(): Promise<void> {
    return this.bus.restore();
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
      const info = await this.source.openFile(path);
      // The sample city's roads belong to the sample; a network the user loaded stays for their files.
      if (this.panels.graph.networkIsSample) this.panels.graph.useNetwork(null);
      return info;
    },
    'file:openSample': async () => {
      const info = await this.source.openFile(this.options.sampleCsvPath);
      const networkPath = this.options.sampleNetworkPath ?? join(dirname(this.options.sampleCsvPath), 'junction-network.json');
      // Without its network the sample still shows every junction, only without roads.
      this.panels.graph.useNetwork(await loadNetworkFile(networkPath, true).catch(() => null));
      return info;
    },
    'schema:apply': async ({ overrides, remember }) => {
      const info = await this.source.applySchema(overrides, remember);
      await this.panels.followMainMeasure(overrides.measure ?? null);
      return info;
    },
    'schema:reset': () => this.source.resetSchema(),
    'replay:start': ({ pace, limits }) => {
      this.source.requireReplay().start(pace, limits);
      return OK;
    },
    'replay:setPace': ({ pace }) => {
      this.source.requireReplay().setPace(pace);
      return OK;
    },
    'replay:seek': ({ target }) => {
      this.source.requireReplay().seek(target);
      return OK;
    },
    'replay:pause': () => {
      this.source.visible().pause();
      return OK;
    },
    'replay:resume': () => {
      this.source.visible().resume();
      return OK;
    },
    'replay:stop': async () => {
      await this.source.stop();
      return OK;
    },
    'threshold:set': (settings) => {
      try {
        this.source.stages().setThreshold(settings);
      } catch (error) {
        if (error instanceof CommandError) throw error;
        throw new CommandError('INVALID_ARGS', (error as Error).message);
      }
      return OK;
    },
    'feed:setOnlyPassing': ({ onlyPassing }) => {
      this.source.stages().setOnlyPassing(onlyPassing);
      return OK;
    },
    'feed:setLocation': ({ location }) => {
      this.source.stages().setLocation(location);
      return OK;
    },
    'rejected:save': async ({ path }) => {
      try {
        return { rows: await this.source.requireFile().saveRejected(path) };
      } catch (error) {
        if (error instanceof CommandError) throw error;
        throw new CommandError('FILE_UNREADABLE', `Could not save the rejected rows to ${path}: ${(error as Error).message}`);
      }
    },
    'session:snapshot': () => this.view(true),
    'bus:select': async ({ selection }) => {
      await this.bus.select(selection, true);
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
      await this.source.startMonitoring(request);
      return OK;
    },
    'monitor:stop': async () => {
      await this.source.stopMonitoring();
      return OK;
    },
    // A function: this map is built before the constructor has created the stores.
    ...this.profileHandlers,
    // An edited profile that the bus is using takes effect at once: the bus reconnects and a replay carries on.
    'kafkaProfile:save': async (args) => {
      const saved = await this.profileHandlers['kafkaProfile:save'](args);
      await this.bus.applyEditedProfile(saved.id);
      return saved;
    },
    ...createSqlHandlers(() => ({ table: this.panels.liveTable, library: this.panels.sqlLibrary, open: () => this.panels.openSql() })),
    ...createPredictHandlers(() => ({ feed: this.panels.predictions, settingsFile: this.panels.predictSettings, open: () => this.panels.openPredictions() })),
    ...createGraphHandlers(() => ({ feed: this.panels.graph, settingsFile: this.panels.graphSettings, open: () => this.panels.openGraph() })),
    ...createAnalysisHandlers(() => this.panels.analysis),
  };

  /** The view for the page; `full` for a window that (re)connects (see ViewAssembly). */
  view(full: boolean): ViewUpdate {
    return this.assembly.view(full);
  }

  stop(): void {
    this.source.dispose();
    this.scheduler.dispose();
    void this.spill?.dispose();
    this.bus.close();
    this.panels.dispose();
  }
}
