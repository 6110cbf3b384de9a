/**
 * Lowers the calling worker thread's CPU priority, for workers that keep up with rows in the
 * background (the analysis worker). On a two-core laptop a full-speed replay keeps
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

/**
 * As low as a thread goes (0 → 19). At 10 the checks still took about a tenth of a core from a
 * full-speed replay with the SQL console and windows open, where both cores are busy: the replay
 * ran at 0.72–0.79 of its speed without them. At 19 they run in what the busy threads leave and
 * stay well within ANALYSIS_MAX_WAITING (measured: 49,000–97,000 rows behind at most, every row
 * checked 0.25 s after the end), and the replay keeps 0.80–0.86 of its speed (bench/results.md).
 */
export const BACKGROUND_NICE = 19;
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
