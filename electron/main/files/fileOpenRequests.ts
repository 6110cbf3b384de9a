/**
 * Files the shell itself asks to open: a recent file from the menu, a CSV handed over by the OS
 * ("Open with Traffic Monitor", a double click, the dock), and the last file at launch. Each one
 * is checked before the running session is touched: a file that is gone is reported and dropped
 * from the recent list, and a replay in progress is only replaced when the user agrees.
 */
import { basename } from 'node:path';
import type { Envelope } from '../../../shared/envelope';

export type OpenSource = 'recent' | 'association' | 'restore';
export type OpenOutcome = 'opened' | 'missing' | 'declined' | 'failed';

export interface FileOpenDeps {
  fileExists(path: string): Promise<boolean>;
  /** The replay in progress (running or paused), or null when none would be interrupted. */
  activeReplay(): { fileName: string } | null;
  /** Asks whether to stop the replay and open the new file; true means switch. */
  confirmSwitch(question: { title: string; message: string; detail: string }): Promise<boolean>;
  /** Tells the user something went wrong, in a sentence that names the file. */
  report(problem: { title: string; message: string; detail: string }): Promise<void>;
  stopReplay(): Promise<Envelope<unknown>>;
  openInEngine(path: string): Promise<Envelope<unknown>>;
  forgetRecent(path: string): void;
  log(line: string): void;
}

export async function openRequestedFile(path: string, source: OpenSource, deps: FileOpenDeps): Promise<OpenOutcome> {
  if (!(await deps.fileExists(path))) {
    deps.forgetRecent(path);
    deps.log(`open (${source}): ${path} no longer exists`);
    await deps.report({
      title: 'File not found',
      message: `"${basename(path)}" no longer exists.`,
      detail: `It was at ${path}. It may have been moved, renamed or deleted${source === 'association' ? '' : ', so it was removed from the recent files'}.`,
    });
    return 'missing';
  }
  const active = source === 'restore' ? null : deps.activeReplay();
  if (active) {
    const switchFile = await deps.confirmSwitch({
      title: 'Replay in progress',
      message: `Stop the replay of "${active.fileName}" and open "${basename(path)}"?`,
      detail: 'The live panels will start again with the new file.',
    });
    if (!switchFile) {
      deps.log(`open (${source}): ${path} declined, the replay of ${active.fileName} goes on`);
      return 'declined';
    }
    await deps.stopReplay();
  }
  const opened = await deps.openInEngine(path);
  if (!opened.ok) {
    deps.log(`open (${source}): ${path} failed: ${opened.error.message}`);
    await deps.report({ title: 'Could not open the file', message: `"${basename(path)}" could not be opened.`, detail: opened.error.message });
    return 'failed';
  }
  deps.log(`open (${source}): ${path}`);
  return 'opened';
}
