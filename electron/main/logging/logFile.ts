/**
 * The app's log file: `logs/main.log` in the user data folder, written by electron-log. When it
 * passes 1 MB it is rotated into numbered generations (main.1.log is the newest old one) and the
 * oldest beyond three is deleted, so a long-running session never fills the disk and the last few
 * megabytes of history survive for a bug report. electron-log's own rotation keeps only one old
 * file, hence the rotation function below.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, parse } from 'node:path';
import type { LogFile, FileTransport } from 'electron-log';

export const LOG_MAX_BYTES = 1024 * 1024;
export const LOG_OLD_GENERATIONS = 3;

export function logFilePath(dataDir: string): string {
  return join(dataDir, 'logs', 'main.log');
}

/** `main.log` → `main.1.log`, `main.1.log` → `main.2.log`, … ; the one past `keep` is deleted. */
export function rotateLogFiles(path: string, keep: number): void {
  const { dir, name, ext } = parse(path);
  const generation = (n: number): string => join(dir, `${name}.${n}${ext}`);
  rmSync(generation(keep), { force: true });
  for (let n = keep - 1; n >= 1; n -= 1) {
    if (existsSync(generation(n))) renameSync(generation(n), generation(n + 1));
  }
  renameSync(path, generation(1));
}

export function configureLogFile(transport: FileTransport, path: string, maxBytes = LOG_MAX_BYTES, keep = LOG_OLD_GENERATIONS): void {
  transport.resolvePathFn = () => path;
  transport.maxSize = maxBytes;
  transport.archiveLogFn = (file: LogFile) => {
    try {
      rotateLogFiles(file.path, keep);
    } catch {
      // Rotation failed (a file held open elsewhere on Windows): start afresh rather than grow without bound.
      file.clear();
    }
  };
}
