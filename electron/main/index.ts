/**
 * The desktop shell: window, menu, dialogs, remembered state and a relay to the engine, which runs
 * in a worker thread so a full-speed replay never stalls window handling.
 */
import { access } from 'node:fs/promises';
import log from 'electron-log/main';
import { app, dialog, ipcMain, Menu, nativeTheme, screen, shell, type BrowserWindow } from 'electron';
import { IPC_EVENT_CHANNEL, type MenuAction, type ViewUpdate } from '../../shared/contract';
import { EngineWorkerHost } from '../engine/client';
import { csvPathFromArgv } from './files/csvPathFromArgv';
import { openRequestedFile, type OpenSource } from './files/fileOpenRequests';
import { withoutRecentFile, withRecentFile } from './files/recentFiles';
import { SessionTracker } from './files/sessionTracker';
import { forwardEngineEvents, registerEngineRelay } from './ipcRelay';
import { PathGrants } from './security/pathGrants';
import { configureLogFile, logFilePath } from './logging/logFile';
import { createMainWindow, DEFAULT_WINDOW_SIZE, installSecurityPolicy, MINIMUM_WINDOW_SIZE, rendererUrl } from './mainWindow';
import { aboutPanelOptions, appMenuTemplate } from './menu/appMenuTemplate';
import { chooseAnalysisExportPath, chooseCsvPath, chooseNetworkPath, choosePredictExportPath, chooseRejectedRowsPath, chooseSqlExportPath } from './nativeDialogs';
import { engineWorkerPath, sampleCsvPath, type AppLayout } from './resourcePaths';
import { keychainAvailable, safeStorageCipher } from './safeStorageCipher';
import { externalLinkOpeners } from './security/externalLinkOpeners';
import { applyWebContentsPolicy } from './security/webContentsPolicy';
import { ShellState } from './settings/shellState';
import { loadShellSettings, ShellSettingsFile } from './settings/shellSettingsFile';
import { restoreWindowBounds } from './window/windowBounds';
import { keepWindowState } from './window/windowStateKeeper';

const layout: AppLayout = { isPackaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath };
const dataDir = app.getPath('userData');
configureLogFile(log.transports.file, logFilePath(dataDir));
log.errorHandler.startCatching({ showDialog: false });

const ENGINE_STOP_TIMEOUT_MS = 3000;
/** Created once the app is ready: only then can safeStorage say whether a keychain exists. */
let engine: EngineWorkerHost | null = null;
let mainWindow: BrowserWindow | null = null;
let state: ShellState | null = null;
const tracker = new SessionTracker((path) => rememberOpenedFile(path));
/** A file the OS handed over before the window existed ("Open with" at launch, macOS open-file). */
let pendingOpen: string | null = csvPathFromArgv(process.argv, app.isPackaged);

function startEngine(): EngineWorkerHost {
  const keychain = keychainAvailable();
  const host = new EngineWorkerHost(
    engineWorkerPath(layout),
    { sampleCsvPath: sampleCsvPath(layout), dataDir, secretStorage: keychain ? 'os-keychain' : 'file' },
    keychain ? safeStorageCipher : null,
    // The engine's own log (dead workers, restarts) goes to the log file with the shell's.
    { log: (line) => log.error(line) },
  );
  host.start();
  return host;
}

function rememberOpenedFile(path: string): void {
  if (!state) return;
  // The sample has its own menu item; it reopens at launch but does not crowd the recent list.
  if (path === sampleCsvPath(layout)) {
    state.update({ lastFile: path });
    return;
  }
  app.addRecentDocument(path);
  state.update({ lastFile: path, recentFiles: withRecentFile(state.get().recentFiles, path) });
}

function openFile(path: string, source: OpenSource): Promise<unknown> {
  const host = engine;
  if (!host || !state) {
    pendingOpen = path;
    return Promise.resolve();
  }
  // macOS: a file dropped on the dock icon with every window closed opens a window for it.
  const window = mainWindow ?? openMainWindow();
  const shellState = state;
  return openRequestedFile(path, source, {
    fileExists: (candidate) => access(candidate).then(() => true, () => false),
    activeReplay: () => tracker.activeReplay(),
    confirmSwitch: async ({ title, message, detail }) => {
      const answer = await dialog.showMessageBox(window, { type: 'question', title, message, detail, buttons: ['Open the New File', 'Keep Replaying'], defaultId: 1, cancelId: 1 });
      return answer.response === 0;
    },
    report: async ({ title, message, detail }) => {
      await dialog.showMessageBox(window, { type: 'warning', title, message, detail, buttons: ['OK'] });
    },
    stopReplay: () => host.invoke('replay:stop', {}),
    // The sample reopens with its road network, as "Try the sample" opened it.
    openInEngine: (target) => (target === sampleCsvPath(layout) ? host.invoke('file:openSample', {}) : host.invoke('file:open', { path: target })),
    forgetRecent: (missing) => {
      const current = shellState.get();
      shellState.update({ recentFiles: withoutRecentFile(current.recentFiles, missing), lastFile: current.lastFile === missing ? null : current.lastFile });
    },
    log: (line) => log.info(line),
  });
}

function installMenu(send: (action: MenuAction) => void): void {
  if (!state) return;
  const settings = state.get();
  const template = appMenuTemplate(
    { platform: process.platform, appName: app.getName(), recentFiles: settings.recentFiles, theme: settings.theme, developerTools: !app.isPackaged },
    {
      send,
      openRecent: (path) => void openFile(path, 'recent'),
      clearRecent: () => {
        app.clearRecentDocuments();
        state?.update({ recentFiles: [] });
      },
      revealLog: () => shell.showItemInFolder(logFilePath(dataDir)),
      openLink: (link) => void linkOpeners[link](),
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

const linkOpeners = externalLinkOpeners(shell);

function workAreas(): Electron.Rectangle[] {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map((display) => display.workArea);
}

/** The window: at start, and again on macOS when the dock icon is clicked with none open. */
function openMainWindow(): BrowserWindow {
  const host = engine as EngineWorkerHost;
  const settings = (state as ShellState).get();
  const window = createMainWindow(restoreWindowBounds(settings.window, workAreas(), DEFAULT_WINDOW_SIZE, MINIMUM_WINDOW_SIZE), settings.zoomLevel);
  mainWindow = window;
  keepWindowState(window, (saved) => state?.update({ window: saved.window, zoomLevel: saved.zoomLevel }));
  const stopForwarding = forwardEngineEvents(host, window);
  window.on('closed', () => {
    stopForwarding();
    if (mainWindow === window) mainWindow = null;
  });
  return window;
}

/** A menu action for the page; with no window open (macOS), one is opened to receive it. */
function sendToPage(action: MenuAction): void {
  const send = (window: BrowserWindow): void => window.webContents.send(IPC_EVENT_CHANNEL, 'menu:action', { action });
  if (mainWindow) {
    send(mainWindow);
    return;
  }
  const window = openMainWindow();
  window.webContents.once('did-finish-load', () => send(window));
}

async function start(): Promise<void> {
  log.info(`Traffic Monitor ${app.getVersion()} starting (Electron ${process.versions.electron}, ${process.platform})`);
  const loaded = await loadShellSettings(dataDir);
  state = new ShellState(loaded.settings, new ShellSettingsFile(dataDir), (error) => log.error(`could not save the shell settings: ${error.message}`));
  const settings = state.get();
  nativeTheme.themeSource = settings.theme;
  app.setAboutPanelOptions(aboutPanelOptions(app.getName(), app.getVersion()));
  installSecurityPolicy((line) => log.warn(line));

  const host = startEngine();
  engine = host;
  const grants = new PathGrants();
  host.onEvent((name, payload) => {
    if (name !== 'view:update') return;
    tracker.observe(payload as ViewUpdate);
    // What the engine shows the page, the page may send back (e.g. a remembered history file).
    grants.grantShown(payload as ViewUpdate);
  });
  registerEngineRelay(
    ipcMain,
    host,
    {
      chooseCsvPath: () => chooseCsvPath(mainWindow),
      chooseRejectedRowsPath: () => chooseRejectedRowsPath(mainWindow),
      chooseSqlExportPath: () => chooseSqlExportPath(mainWindow),
      choosePredictExportPath: (what) => choosePredictExportPath(mainWindow, what),
      chooseAnalysisExportPath: (what) => chooseAnalysisExportPath(mainWindow, what),
      chooseNetworkPath: () => chooseNetworkPath(mainWindow),
      setTheme: (theme) => {
        nativeTheme.themeSource = theme;
        state?.update({ theme });
      },
      logRefusal: (reason) => log.warn(`refused: ${reason}`),
    },
    rendererUrl(),
    grants,
  );

  installMenu(sendToPage);
  // Rebuilt only when what it shows changes, not on every window move that is saved.
  let shown = { recent: settings.recentFiles, theme: settings.theme };
  state.onChange((changed) => {
    if (changed.recentFiles === shown.recent && changed.theme === shown.theme) return;
    shown = { recent: changed.recentFiles, theme: changed.theme };
    installMenu(sendToPage);
  });

  const window = openMainWindow();
  if (loaded.problem) {
    log.warn(`shell settings: ${loaded.problem}`);
    window.once('ready-to-show', () => {
      void dialog.showMessageBox(window, {
        type: 'warning',
        title: 'Settings reset',
        message: 'Some of your settings could not be read, so their defaults are used.',
        detail: `The settings file: ${loaded.problem}.${loaded.backupPath ? ` The file as it was is kept at ${loaded.backupPath}.` : ''}`,
      });
    });
  }

  // An "Open with" file wins over the last session's file; nothing runs yet, so nothing is asked.
  const first = pendingOpen;
  pendingOpen = null;
  if (first) void openFile(first, 'association');
  else if (settings.lastFile) void openFile(settings.lastFile, 'restore');
}

if (!app.requestSingleInstanceLock()) {
  // A second launch ("Open with" while the app runs) hands its command line to the first and quits.
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    const path = csvPathFromArgv(argv, app.isPackaged);
    if (path) void openFile(path, 'association');
  });

  // macOS hands files over with an event, possibly before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void openFile(path, 'association');
  });

  app.on('web-contents-created', (_event, contents) => {
    applyWebContentsPolicy(contents, { trustedUrl: rendererUrl(), openLink: (link) => void linkOpeners[link](), log: (line) => log.warn(line) });
  });

  void app.whenReady().then(start).catch((error: unknown) => {
    log.error(`start-up failed: ${(error as Error).stack ?? String(error)}`);
    dialog.showErrorBox('Traffic Monitor could not start', (error as Error).message);
    app.quit();
  });

  // macOS apps stay in the dock with no window open; elsewhere closing the window quits.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && engine && !mainWindow) openMainWindow();
  });

  // The engine closes its Kafka connections and files before the process ends.
  let engineStopped = false;
  app.on('will-quit', (event) => {
    if (engineStopped || !engine) return;
    event.preventDefault();
    log.info('quitting');
    // A stuck engine must not keep the app from quitting: give it a few seconds.
    const stopped = Promise.race([engine.stop(), new Promise((resolve) => setTimeout(resolve, ENGINE_STOP_TIMEOUT_MS))]);
    void stopped.finally(() => {
      engineStopped = true;
      app.quit();
    });
  });
}
