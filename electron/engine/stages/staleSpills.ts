/**
 * Rejected-row files of processes that are gone. A running app deletes its own file when a replay
 * is replaced and when it stops, but an app that was killed (task manager, shutdown, a crash)
 * cannot, and a bad multi-gigabyte file can reject millions of rows: those files stayed in the
 * data folder for ever. Each file is named after its process id (rejectSpill.ts), so the next
 * start removes the files of processes that no longer run and leaves those of one still running
 * (a second host on the same data folder) alone.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isProcessRunning } from '../supervision';

const SPILL_FILE = /^rejected-(\d+)-\d+\.csv$/;

/** Removes the spill files in `dir` whose process is gone; returns what it removed. */
export async function sweepStaleSpills(dir: string, running: (pid: number) => boolean = isProcessRunning): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((name) => {
    const match = SPILL_FILE.exec(name);
    return match !== null && Number(match[1]) !== process.pid && !running(Number(match[1]));
  });
  const removed = stale.map((name) => join(dir, name));
  await Promise.all(removed.map((path) => rm(path, { force: true })));
  return removed;
}
