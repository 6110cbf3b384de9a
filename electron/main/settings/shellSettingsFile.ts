/**
 * The shell settings on disk (`shell-settings.json` in the user data folder). A missing file means
 * a first launch; a corrupt or partly unusable one is copied to `.bak` before anything is written,
 * so the user's hand edits are never lost, and the app starts with the defaults for what it could
 * not read.
 */
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JSON_FILE_MAX_BYTES, JsonFileWriter, readCappedText } from '../../engine/client';
import { DEFAULT_SHELL_SETTINGS, migrateShellSettings, type ShellSettings } from './shellSettings';

export const SHELL_SETTINGS_FILE = 'shell-settings.json';

export interface LoadedShellSettings {
  settings: ShellSettings;
  /** Why some or all settings were reset, for the user; null when the file was read whole (or absent). */
  problem: string | null;
  /** Where the unreadable file was kept; null when nothing had to be kept. */
  backupPath: string | null;
}

export async function loadShellSettings(dataDir: string): Promise<LoadedShellSettings> {
  const path = join(dataDir, SHELL_SETTINGS_FILE);
  let text: string;
  try {
    text = await readCappedText(path, JSON_FILE_MAX_BYTES);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: { ...DEFAULT_SHELL_SETTINGS }, problem: null, backupPath: null };
    return { settings: { ...DEFAULT_SHELL_SETTINGS }, problem: `it could not be read (${(error as Error).message})`, backupPath: null };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const backupPath = await keepBackup(path);
    return { settings: { ...DEFAULT_SHELL_SETTINGS }, problem: `it is not valid JSON (${(error as Error).message})`, backupPath };
  }
  const { settings, problems } = migrateShellSettings(raw);
  if (problems.length === 0) return { settings, problem: null, backupPath: null };
  return { settings, problem: problems.join('; '), backupPath: await keepBackup(path) };
}

async function keepBackup(path: string): Promise<string | null> {
  const backupPath = `${path}.bak`;
  return copyFile(path, backupPath).then(
    () => backupPath,
    () => null,
  );
}

/** Saves are serialised and atomic: the last one wins and a crash mid-write keeps the previous file. */
export class ShellSettingsFile {
  private readonly writer: JsonFileWriter;

  constructor(dataDir: string) {
    this.writer = new JsonFileWriter(join(dataDir, SHELL_SETTINGS_FILE));
  }

  save(settings: ShellSettings): Promise<void> {
    return this.writer.write(settings);
  }
}
