/**
 * Lowers the calling worker thread's CPU priority, for workers that keep up with rows in the
 * background (the analysis and prediction workers). On a two-core laptop a full-speed replay keeps
 * the engine and the window busy; a background worker at the same priority takes a core's share
 * from them and the replay slows by a quarter. At a lower priority it uses the time they leave and
 * catches up afterwards; the engine bounds how far behind it may fall (RowSink.behind), so memory
 * stays bounded and no row is skipped.
 *
 * Linux only: a thread has its own id there (/proc/thread-self) and setpriority applies to it. On
 * macOS and Windows the call would lower the whole app, so nothing is done; the workers then run
 * at normal priority, as before.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { engineLog } from './engineLog';

/** Ten nice steps below the thread that started the worker (0 → 10): well below the engine and the window, still above idle work (19). */
export const BACKGROUND_NICE = 10;
const LOWEST = 19;

/** True when the priority was lowered. */
export function lowerThisThreadPriority(name: string): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(threadId) || threadId <= 0) return false;
    // Relative, so an app the user already started with `nice` stays below its own threads too.
    setPriority(threadId, Math.min(LOWEST, getPriority(threadId) + BACKGROUND_NICE));
    return true;
  } catch (error) {
    // A container without /proc or a seccomp rule against setpriority: the worker still works, at normal priority.
    engineLog(name, `runs at normal priority: ${(error as Error).message}`);
    return false;
  }
}
