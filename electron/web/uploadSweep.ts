/**
 * Uploads (and downloads being written) live in the data folder, which now outlasts the host. A host that stops cleanly removes
 * its uploads, but one that was killed or crashed cannot, and its copies (possibly gigabytes) would
 * stay forever. Each host therefore uploads into a folder named after its process id, and at start
 * removes the folders of hosts that no longer run. Folders of a host still running (a second
 * `npm run web` on another port with the same data folder) are left alone: it may have them open.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

const RUN_FOLDER = /^run-(\d+)$/;

/** The folder this process's uploads go into, under `root` (the data folder's `uploads`). */
export function runUploadFolder(root: string, pid: number = process.pid): string {
  return join(root, `run-${pid}`);
}

function isRunning(pid: number): boolean {
  try {
    // Signal 0 checks only that the process exists; EPERM means it exists under another user.
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the upload folders under `root` whose host process is gone; returns what it removed. */
export async function sweepStaleUploads(root: string, running: (pid: number) => boolean = isRunning): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const stale = entries.filter((entry) => {
    const match = RUN_FOLDER.exec(entry.name);
    return entry.isDirectory() && match !== null && Number(match[1]) !== process.pid && !running(Number(match[1]));
  });
  const removed = stale.map((entry) => join(root, entry.name));
  await Promise.all(removed.map((path) => rm(path, { recursive: true, force: true })));
  return removed;
}
