/**
 * Where bundled files live. In development they sit in the project; in a packaged app the
 * sample data is an extra resource beside app.asar, and the worker script must be loaded from
 * the unpacked copy because worker threads cannot start from inside an asar archive.
 */
import { join } from 'node:path';

export interface AppLayout {
  isPackaged: boolean;
  /** app.getAppPath(): the project root in development, .../resources/app.asar when packaged. */
  appPath: string;
  /** process.resourcesPath */
  resourcesPath: string;
}

export function sampleCsvPath(layout: AppLayout): string {
  return layout.isPackaged
    ? join(layout.resourcesPath, 'sample-data', 'traffic-sample.csv')
    : join(layout.appPath, 'sample-data', 'traffic-sample.csv');
}

export function engineWorkerPath(layout: AppLayout): string {
  const appDir = layout.isPackaged ? layout.appPath.replace(/app\.asar$/, 'app.asar.unpacked') : layout.appPath;
  return join(appDir, 'out', 'main', 'engineWorker.js');
}
