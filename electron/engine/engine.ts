/**
 * The pipeline's front door: validates every command, owns the bus and the current session, and
 * emits batched view updates. Plain Node: it never imports Electron, so the desktop shell, the web
 * host, the tests and the benchmark all run exactly this code.
 */
import type { CommandArgs, CommandName, CommandResult, FileInfo, ViewUpdate } from '../../shared/contract';
import { CommandError, parseCommandArgs } from '../../shared/envelope';
import type { TrafficRecord } from '../../shared/records';
import { EmbeddedBus } from './bus/embeddedBus';
import { ReplaySession } from './replay/replaySession';
import { sniffCsv } from './source/sniffCsv';
import { FEED_CAPACITY } from './stages/feedWindow';
import { REJECT_LOG_CAPACITY } from './stages/rejectLog';
import { ViewUpdateScheduler } from './viewUpdateScheduler';

export interface EngineOptions {
  /** The bundled sample CSV ("Try the sample"). */
  sampleCsvPath: string;
  /** Called at most 20 times a second with the latest view. */
  onViewUpdate: (update: ViewUpdate) => void;
}

type Handlers = { [K in CommandName]: (args: CommandArgs<K>) => Promise<CommandResult<K>> | CommandResult<K> };

const OK = { ok: true } as const;

export class Engine {
  private readonly bus = new EmbeddedBus<TrafficRecord>();
  private session: ReplaySession | null = null;
  private readonly scheduler: ViewUpdateScheduler;

  constructor(private readonly options: EngineOptions) {
    this.scheduler = new ViewUpdateScheduler(() => options.onViewUpdate(this.view(false)));
  }

  /** Validates untrusted arguments, then runs the command; throws CommandError on failure. */
  async handle<K extends CommandName>(name: K, rawArgs: unknown): Promise<CommandResult<K>> {
    const handler = this.handlers[name] as ((args: CommandArgs<K>) => Promise<CommandResult<K>> | CommandResult<K>) | undefined;
    if (!handler) throw new CommandError('UNKNOWN_COMMAND', `Unknown command: ${String(name)}`);
    return handler(parseCommandArgs(name, rawArgs));
  }

  private readonly handlers: Handlers = {
    'file:open': ({ path }) => this.open(path),
    'file:openSample': () => this.open(this.options.sampleCsvPath),
    'file:showOpenDialog': () => {
      throw new CommandError('NOT_SUPPORTED', 'The file dialog exists only in the desktop app; upload the file instead.');
    },
    'replay:start': ({ rowsPerSecond }) => {
      this.requireSession().start(rowsPerSecond);
      return OK;
    },
    'replay:setRate': ({ rowsPerSecond }) => {
      this.requireSession().setRate(rowsPerSecond);
      return OK;
    },
    'replay:pause': () => {
      this.requireSession().pause();
      return OK;
    },
    'replay:resume': () => {
      this.requireSession().resume();
      return OK;
    },
    'replay:stop': () => {
      this.requireSession().stop();
      return OK;
    },
    'threshold:set': (settings) => {
      try {
        this.requireSession().setThreshold(settings);
      } catch (error) {
        if (error instanceof CommandError) throw error;
        throw new CommandError('INVALID_ARGS', (error as Error).message);
      }
      return OK;
    },
    'feed:setOnlyPassing': ({ onlyPassing }) => {
      this.requireSession().setOnlyPassing(onlyPassing);
      return OK;
    },
    'session:snapshot': () => this.view(true),
  };

  private requireSession(): ReplaySession {
    if (!this.session) throw new CommandError('NO_FILE', 'Open a CSV file first.');
    return this.session;
  }

  private async open(path: string): Promise<FileInfo> {
    const sniffed = await sniffCsv(path);
    this.session?.dispose();
    this.session = new ReplaySession(sniffed, this.bus, () => this.scheduler.markDirty());
    this.scheduler.markDirty();
    return sniffed.info;
  }

  /** `full` is for a window that (re)connects: lists come whole instead of as deltas. */
  view(full: boolean): ViewUpdate {
    const session = this.session;
    if (!session) return emptyView();
    return {
      file: session.file.info,
      replay: session.progress(),
      threshold: session.thresholdView(),
      feed: session.feedView(full),
      rejected: session.rejectedView(full),
    };
  }

  stop(): void {
    this.session?.dispose();
    this.session = null;
    this.scheduler.dispose();
  }
}

function emptyView(): ViewUpdate {
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
      targetRowsPerSecond: null,
      message: null,
    },
    threshold: { settings: null, numericColumns: [], observedMin: null, observedMax: null, passing: 0, evaluated: 0, approximate: false },
    feed: { reset: true, onlyPassing: false, rows: [], skipped: 0, capacity: FEED_CAPACITY },
    rejected: { reset: true, total: 0, rows: [], capacity: REJECT_LOG_CAPACITY },
  };
}
