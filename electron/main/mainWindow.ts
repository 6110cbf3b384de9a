/** The app window, locked down: isolated, sandboxed, no Node, no navigation, no new windows. */
import { BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../web/contentSecurityPolicy';
import type { RestoredBounds, Size } from './window/windowBounds';

export const DEFAULT_WINDOW_SIZE: Size = { width: 1280, height: 820 };
export const MINIMUM_WINDOW_SIZE: Size = { width: 800, height: 560 };

export function rendererUrl(): string {
  const devServer = process.env['ELECTRON_RENDERER_URL'];
  return devServer ?? `file://${join(__dirname, '..', 'renderer', 'index.html')}`;
}

export function installSecurityPolicy(log: (line: string) => void): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // The app needs no camera, microphone, notifications, location or anything else a page may ask for.
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`refused permission request: ${permission}`);
    callback(false);
  });
  session.defaultSession.setPermissionCheckHandler(() => false);
}

export function createMainWindow(restored: RestoredBounds, zoomLevel: number): BrowserWindow {
  const window = new BrowserWindow({
    ...restored.bounds,
    minWidth: MINIMUM_WINDOW_SIZE.width,
    minHeight: MINIMUM_WINDOW_SIZE.height,
    title: 'Traffic Monitor',
    show: false,
    webPreferences: {
      preload: join(__dirname, '..', 'preload', 'index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => {
    if (restored.maximized) window.maximize();
    window.show();
  });
  window.webContents.on('did-finish-load', () => window.webContents.setZoomLevel(zoomLevel));
  void window.loadURL(rendererUrl());
  return window;
}
