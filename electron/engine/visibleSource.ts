/**
 * Where the rows on screen come from: the open file's replay, or a watched topic (monitor mode),
 * which then hides the file without closing it. Commands that act on "what is shown" (pause,
 * threshold, feed filters, roles) go to whichever is visible; replay-only commands say why not
 * while a topic is watched. The open panels follow the visible session's stages.
 */
import { defaultPaceFor, type FileInfo } from '../../shared/contract';
import { CommandError } from '../../shared/envelope';
import type { MonitorRequest } from '../../shared/kafka/busContract';
import type { SchemaOverrides } from '../../shared/schema';
import type { BusSwitch } from './busSwitch';
import { MonitorSession } from './monitor';
import type { PanelFeeds } from './panelFeeds';
import type { StreamFile } from './predict';
import { ReplaySession, type OpenedFile } from './replay';
import type { SchemaMemory } from './settings';
import { openSniffedFile } from './source';
import { sniffCsv } from './source';
import { replayableFile } from './source';
import { openUnfolded, type UnfoldedFile } from './source';
import { engineLog } from './supervision';
import type { PipelineStages } from './stages';
import type { RejectSpill } from './stages';

export interface VisibleSourceOptions {
  bus: BusSwitch;
  panels: PanelFeeds;
  schemaMemory: SchemaMemory;
  /** Where a replay's rejected rows go for "Save rejected rows"; null: not kept. */
  spill: RejectSpill | null;
  /** The whole-file scan's worker script; null scans in the engine's thread. */
  scanWorkerPath: string | null;
  changed: () => void;
}

export class VisibleSource {
  private replaySession: ReplaySession | null = null;
  /** Set while watching a topic; the views then come from it. */
  private monitorSession: MonitorSession | null = null;
  /** The open file's unfolded working copy (a file with a column per time of day), if it has one. */
  private unfolded: UnfoldedFile | null = null;

  constructor(private readonly options: VisibleSourceOptions) {}

  get replay(): ReplaySession | null {
    return this.replaySession;
  }

  get monitor(): MonitorSession | null {
    return this.monitorSession;
  }

  /** The session on screen; without a file open nor a topic watched, NO_FILE. */
  visible(): ReplaySession | MonitorSession {
    return this.monitorSession ?? this.requireFile();
  }

  /** The stages of the session on screen (threshold, feed, rejects). */
  stages(): PipelineStages {
    return this.visible().stages;
  }

  requireFile(): ReplaySession {
    if (!this.replaySession) throw new CommandError('NO_FILE', 'Open a CSV file first.');
    return this.replaySession;
  }

  /** Replay commands make no sense while watching a topic; say so instead of acting on a hidden file. */
  requireReplay(): ReplaySession {
    if (this.monitorSession) {
      throw new CommandError('BAD_STATE', `Watching topic ${this.monitorSession.topic}: stop monitoring to replay a file.`);
    }
    return this.requireFile();
  }

  /** Opens a CSV file (a watched topic stops); roles remembered for its header apply when they fit. */
  async openFile(path: string): Promise<FileInfo> {
    await this.stopMonitoring();
    const sniffed = await sniffCsv(path);
    const remembered = await this.options.schemaMemory.recall(sniffed.headerKey);
    let opened;
    try {
      opened = await openSniffedFile(sniffed, remembered);
    } catch (error) {
      // Roles remembered for this header may not fit this file's values; fall back to inference.
      if (!(error instanceof CommandError) || remembered === null) throw error;
      opened = await openSniffedFile(sniffed, null);
    }
    // A column per time of day is read through a copy with a record per interval.
    const unfolded = await openUnfolded(opened, (headerKey) => this.options.schemaMemory.recall(headerKey));
    if (unfolded) opened = unfolded.opened;
    this.replaceReplay(this.newReplay(opened));
    this.keepUnfolded(unfolded);
    // Not in replaceReplay: new roles for the same file (reopen) keep the user's route and junction.
    this.options.panels.graph.forgetChoices();
    return opened.info;
  }

  /** The user's roles for what is shown; `remember`: for every file or topic with the same columns. */
  async applySchema(overrides: SchemaOverrides, remember: boolean): Promise<FileInfo> {
    const { schemaMemory } = this.options;
    const monitor = this.monitorSession;
    if (monitor) {
      if (remember) await schemaMemory.remember(monitor.sampleHeader, overrides);
      return monitor.applySchema(overrides);
    }
    const session = this.requireFile();
    const info = await this.reopen(overrides, session);
    if (remember) await schemaMemory.remember(session.file.sniffed.headerKey, overrides);
    return info;
  }

  /** Back to the inferred roles, forgetting the remembered ones. */
  async resetSchema(): Promise<FileInfo> {
    const { schemaMemory } = this.options;
    const monitor = this.monitorSession;
    if (monitor) {
      await schemaMemory.remember(monitor.sampleHeader, null);
      return monitor.applySchema(null);
    }
    const session = this.requireFile();
    await schemaMemory.remember(session.file.sniffed.headerKey, null);
    return this.reopen(null, session);
  }

  /** New roles for the open file; a replay in progress carries on from the same row under them. */
  private async reopen(overrides: SchemaOverrides | null, previous: ReplaySession): Promise<FileInfo> {
    const reread = await openSniffedFile(previous.file.sniffed, overrides); // throws INVALID_SCHEMA before anything changes
    // An unfolded file is still shown as the user's file, with the note on how it was unfolded.
    const opened = this.unfolded ? this.unfolded.present(reread) : reread;
    const session = this.newReplay(opened);
    const wasActive = previous.isActive;
    const position = previous.currentPosition;
    const pace = previous.currentPace;
    const limits = previous.currentLimits;
    this.replaceReplay(session);
    // A pace by the data's clock needs a timestamp; without one the file's default pace applies.
    const paceNow = pace.mode === 'event' && !opened.schema.time ? defaultPaceFor(opened.info) : pace;
    if (wasActive) session.start(paceNow, limits, position > 0 ? { kind: 'row', row: position } : null);
    return opened.info;
  }

  /** The bus changed: a replay in progress stops and the open file is replayed on the new bus from now on. */
  rebindReplay(): void {
    const session = this.replaySession;
    if (!session) return;
    if (session.isActive) session.stop();
    this.replaceReplay(this.newReplay(session.file));
  }

  /** Stops what is shown: a watched topic is left, a replay stops where it is. */
  async stop(): Promise<void> {
    if (this.monitorSession) await this.stopMonitoring();
    else this.requireFile().stop();
  }

  /** Watches a topic others write. A replay in progress stops; the file stays open underneath for later. */
  async startMonitoring(request: MonitorRequest): Promise<void> {
    const source = await this.options.bus.monitorSource(request);
    await this.stopMonitoring();
    if (this.replaySession?.isActive) this.replaySession.stop();
    let monitor: MonitorSession;
    try {
      monitor = await MonitorSession.open(source, null, this.options.changed);
    } catch (error) {
      throw new CommandError('KAFKA_UNAVAILABLE', `Could not watch ${request.topic}: ${(error as Error).message}`);
    }
    const remembered = await this.options.schemaMemory.recall(monitor.sampleHeader);
    if (remembered) {
      try {
        monitor.applySchema(remembered);
      } catch {
        // Roles remembered for these columns do not fit these messages: keep what was inferred.
      }
    }
    this.monitorSession = monitor;
    this.options.panels.feedFrom(monitor.stages, null);
    this.options.changed();
  }

  /** Back to the open file (if any), whose panels start over as they were before the topic was watched. */
  async stopMonitoring(): Promise<void> {
    const monitor = this.monitorSession;
    if (!monitor) return;
    this.monitorSession = null;
    const session = this.replaySession;
    this.options.panels.feedFrom(session?.stages ?? null, session ? streamFileOf(session.file) : null);
    session?.stages.feed.requestReset();
    session?.stages.rejects.clear();
    this.options.changed();
    await monitor.dispose();
  }

  private newReplay(opened: OpenedFile): ReplaySession {
    const { bus, changed, spill, scanWorkerPath } = this.options;
    return new ReplaySession(opened, bus.bindingFor(opened), changed, spill, scanWorkerPath);
  }

  private replaceReplay(session: ReplaySession): void {
    this.replaySession?.stages.detachSinks();
    this.replaySession?.dispose();
    this.replaySession = session;
    if (!this.monitorSession) this.options.panels.feedFrom(session.stages, streamFileOf(session.file));
    this.options.changed();
  }

  /** The copy of the file now open (or none); the previous file's copy goes, as its replay has. */
  private keepUnfolded(unfolded: UnfoldedFile | null): void {
    const previous = this.unfolded;
    this.unfolded = unfolded;
    previous?.remove().catch((error: Error) => engineLog('engine', `Could not remove an unfolded working copy: ${error.message}`));
  }

  dispose(): void {
    this.replaySession?.dispose();
    this.replaySession = null;
    this.keepUnfolded(null);
    void this.monitorSession?.dispose();
    this.monitorSession = null;
  }
}

/** What the prediction worker needs to read a replayed file's first days as history. */
function streamFileOf(file: OpenedFile): StreamFile {
  // With its replay order: a file grouped by location or written newest first has its first days
  // scattered through it, not at its top.
  return { ...replayableFile(file), timeRange: file.info.timeRange };
}
