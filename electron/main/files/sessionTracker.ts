/**
 * What the shell needs to know about the session, read from the engine's own view updates as they
 * pass through to the window: which file is open (for the recent list and the next launch) and
 * whether a replay is in progress (so opening another file can ask first).
 */
import type { ViewUpdate } from '../../../shared/contract';

export class SessionTracker {
  private filePath: string | null = null;
  private fileName: string | null = null;
  private replayState: ViewUpdate['replay']['state'] = 'idle';

  constructor(private readonly onFileOpened: (path: string) => void) {}

  observe(view: ViewUpdate): void {
    this.replayState = view.replay.state;
    // Absent: the same file as the update before.
    if (view.file === undefined) return;
    const path = view.file?.path ?? null;
    this.fileName = view.file?.name ?? null;
    if (path !== null && path !== this.filePath) this.onFileOpened(path);
    this.filePath = path;
  }

  /** A replay the user would lose by switching files: running or paused. */
  activeReplay(): { fileName: string } | null {
    if (this.replayState !== 'running' && this.replayState !== 'paused') return null;
    return { fileName: this.fileName ?? 'the current file' };
  }
}
