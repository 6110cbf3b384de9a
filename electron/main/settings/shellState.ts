/** The shell settings in memory: every change is saved at once (atomically) and announced. */
import type { ShellSettings } from './shellSettings';
import type { ShellSettingsFile } from './shellSettingsFile';

export class ShellState {
  private listeners: Array<(settings: ShellSettings) => void> = [];

  constructor(
    private current: ShellSettings,
    private readonly file: ShellSettingsFile,
    private readonly onSaveError: (error: Error) => void,
  ) {}

  get(): ShellSettings {
    return this.current;
  }

  update(patch: Partial<Omit<ShellSettings, 'version'>>): void {
    this.current = { ...this.current, ...patch };
    this.file.save(this.current).catch((error: unknown) => this.onSaveError(error as Error));
    for (const listener of this.listeners) listener(this.current);
  }

  onChange(listener: (settings: ShellSettings) => void): void {
    this.listeners.push(listener);
  }
}
