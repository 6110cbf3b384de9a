/**
 * The desktop shell: window, menu, dialogs and a relay to the engine, which runs in a worker
 * thread so a full-speed replay never stalls window handling.
 */
import type { BrowserWindow} from 'electron';
import { app, dialog, Menu } from 'electron';
import { IPC_EVENT_CHANNEL, type MenuAction } from '../../shared/contract';
import { EngineWorkerHost } from '../engine/host/engineWorkerHost';
import { buildAppMenu } from './appMenu';
import { forwardEngineEvents, registerEngineRelay } from './ipcRelay';
import { createMainWindow, installSecurityPolicy, rendererUrl } from './mainWindow';
import { engineWorkerPath, sampleCsvPath, type AppLayout } from './resourcePaths';
import { keychainAvailable, safeStorageCipher } from './safeStorageCipher';

const layout: AppLayout = { isPackaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath };
/** Created once the app is ready: only then can safeStorage say whether a keychain exists. */
let engine: EngineWorkerHost | null = null;

function startEngine(): EngineWorkerHost {
  const keychain = keychainAvailable();
  const host = new EngineWorkerHost(
    engineWorkerPath(layout),
    { sampleCsvPath: sampleCsvPath(layout), dataDir: app.getPath('userData'), secretStorage: keychain ? 'os-keychain' : 'file' },
    keychain ? safeStorageCipher : null,
  );
  host.start();
  return host;
}

async function chooseCsvPath(window: BrowserWindow | null): Promise<string | null> {
  const options = {
    title: 'Open traffic CSV',
    properties: ['openFile' as const],
    filters: [
      { name: 'CSV files', extensions: ['csv', 'tsv', 'txt'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function chooseRejectedRowsPath(window: BrowserWindow | null): Promise<string | null> {
  const options = {
    title: 'Save rejected rows',
    defaultPath: 'rejected-rows.csv',
    filters: [{ name: 'CSV files', extensions: ['csv'] }],
  };
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled ? null : (result.filePath ?? null);
}

async function chooseSqlExportPath(window: BrowserWindow | null): Promise<string | null> {
  const options = {
    title: 'Export query result',
    defaultPath: 'query-result.csv',
    filters: [{ name: 'CSV files', extensions: ['csv'] }],
  };
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled ? null : (result.filePath ?? null);
}

async function chooseNetworkPath(window: BrowserWindow | null): Promise<string | null> {
  const options = {
    title: 'Load road network',
    properties: ['openFile' as const],
    filters: [
      { name: 'Road networks (JSON, CSV)', extensions: ['json', 'csv', 'txt'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

void app.whenReady().then(() => {
  installSecurityPolicy();
  const host = startEngine();
  engine = host;
  const window = createMainWindow();
  const shell = {
    chooseCsvPath: () => chooseCsvPath(window),
    chooseRejectedRowsPath: () => chooseRejectedRowsPath(window),
    chooseSqlExportPath: () => chooseSqlExportPath(window),
    chooseNetworkPath: () => chooseNetworkPath(window),
  };
  registerEngineRelay(host, shell, rendererUrl());
  forwardEngineEvents(host, window);
  const send = (action: MenuAction): void => window.webContents.send(IPC_EVENT_CHANNEL, 'menu:action', { action });
  Menu.setApplicationMenu(buildAppMenu(send));
});

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.on('window-all-closed', () => {
  void (engine?.stop() ?? Promise.resolve()).then(() => app.quit());
});
