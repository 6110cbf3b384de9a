/**
 * The paths the page may name in the desktop app: those the user picked in a native dialog, and
 * those the engine itself showed the page (the open file, a remembered history file), which the
 * page may send back unchanged. Any other path from the page is refused (shared/commandPaths.ts),
 * so a compromised page cannot make the app read or write a file the user never chose.
 */
import type { ViewUpdate } from '../../../shared/contract';

/** A person picks a handful of files a session; the oldest grants go past this many. */
const MAX_GRANTS = 256;

export class PathGrants {
  private readonly granted = new Set<string>();

  grant(path: string | null | undefined): void {
    if (!path) return;
    this.granted.delete(path);
    this.granted.add(path);
    if (this.granted.size > MAX_GRANTS) this.granted.delete(this.granted.values().next().value as string);
  }

  has(path: string): boolean {
    return this.granted.has(path);
  }

  /** The paths a view update shows the page: the open file and the history file forecasts train on. */
  grantShown(view: Partial<ViewUpdate> | null | undefined): void {
    this.grant(view?.file?.path);
    const history = view?.predict?.settings.history;
    if (history?.kind === 'csv') this.grant(history.path);
  }
}
