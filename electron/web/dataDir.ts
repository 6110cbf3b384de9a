/**
 * Where the web host keeps what it remembers (column roles, SQL history and saved queries, Kafka
 * profiles, layout): the folder the desktop app uses, so both share one memory and a restart of
 * `npm run web` forgets nothing. Computed here without Electron, as Electron computes `userData`:
 * the platform's application-data folder plus the product name.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** package.json's productName: Electron names the userData folder after it. */
export const PRODUCT_NAME = 'Traffic Monitor';
export const DATA_DIR_ENV = 'TRAFFIC_MONITOR_DATA_DIR';

export interface DataDirContext {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
}

const current = (): DataDirContext => ({ platform: process.platform, env: process.env, home: homedir() });

/** Electron's `app.getPath('appData')`: the per-user folder applications keep their data in. */
export function appDataDir({ platform, env, home }: DataDirContext = current()): string {
  if (platform === 'win32') return env.APPDATA || join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  // Electron follows the XDG base-directory rule; a relative XDG_CONFIG_HOME is invalid by that rule.
  const xdg = env.XDG_CONFIG_HOME;
  return xdg && xdg.startsWith('/') ? xdg : join(home, '.config');
}

/** Electron's `app.getPath('userData')` for this app. */
export function defaultDataDir(context: DataDirContext = current()): string {
  return join(appDataDir(context), PRODUCT_NAME);
}

/** `--data-dir` first, then TRAFFIC_MONITOR_DATA_DIR, else the desktop app's folder. */
export function resolveDataDir(option: string | undefined, context: DataDirContext = current()): string {
  const chosen = option || context.env[DATA_DIR_ENV];
  return chosen ? resolve(chosen) : defaultDataDir(context);
}
