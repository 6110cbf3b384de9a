/**
 * Remembers the window: its normal (un-maximised) bounds, whether it was maximised, and the zoom.
 * Saved shortly after each move or resize, not only on close, so a crash or a killed process
 * still reopens the window where the user left it.
 */
import type { BrowserWindow } from 'electron';
import type { SavedWindow } from '../settings/shellSettings';

const SAVE_DELAY_MS = 500;

export function keepWindowState(window: BrowserWindow, save: (state: { window: SavedWindow; zoomLevel: number }) => void): void {
  let timer: NodeJS.Timeout | null = null;
  const saveNow = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    save({ window: { ...bounds, maximized: window.isMaximized() }, zoomLevel: window.webContents.getZoomLevel() });
  };
  const saveSoon = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(saveNow, SAVE_DELAY_MS);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event as 'resize', saveSoon);
  window.webContents.on('zoom-changed', saveSoon);
  window.on('close', saveNow);
}
