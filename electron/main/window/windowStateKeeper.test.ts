/**
 * Saving the window's state. Electron cannot run here, so the BrowserWindow is a fake (an
 * EventEmitter with the few getters the keeper reads); the timing is real.
 */
import { EventEmitter } from 'node:events';
import type { BrowserWindow } from 'electron';
import { describe, expect, it } from 'vitest';
import type { SavedWindow } from '../settings/shellSettings';
import { keepWindowState } from './windowStateKeeper';

class FakeWindow extends EventEmitter {
  bounds = { x: 10, y: 20, width: 1200, height: 800 };
  maximized = false;
  zoom = 0;
  destroyed = false;
  readonly webContents = Object.assign(new EventEmitter(), { getZoomLevel: () => this.zoom });
  getNormalBounds(): typeof this.bounds {
    return { ...this.bounds };
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

function keep(): { window: FakeWindow; saves: Array<{ window: SavedWindow; zoomLevel: number }> } {
  const window = new FakeWindow();
  const saves: Array<{ window: SavedWindow; zoomLevel: number }> = [];
  keepWindowState(window as unknown as BrowserWindow, (state) => saves.push(state));
  return { window, saves };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 700));

describe('remembering the window (fake BrowserWindow: Electron cannot run here)', () => {
  it('a burst of moves and resizes is saved once, shortly after, with the final bounds', async () => {
    const { window, saves } = keep();
    for (let i = 0; i < 10; i++) {
      window.bounds = { ...window.bounds, x: 10 + i * 5 };
      window.emit(i % 2 ? 'move' : 'resize');
    }
    expect(saves).toEqual([]);
    await settle();
    expect(saves).toEqual([{ window: { x: 55, y: 20, width: 1200, height: 800, maximized: false }, zoomLevel: 0 }]);
  });

  it('maximising keeps the normal bounds to return to, and the flag', async () => {
    const { window, saves } = keep();
    window.maximized = true;
    window.emit('maximize');
    await settle();
    expect(saves.at(-1)?.window).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: true });
  });

  it('closing saves at once, zoom included, and a pending save does not run after', async () => {
    const { window, saves } = keep();
    window.zoom = 2;
    window.webContents.emit('zoom-changed');
    window.emit('close');
    expect(saves).toEqual([{ window: { x: 10, y: 20, width: 1200, height: 800, maximized: false }, zoomLevel: 2 }]);
    window.destroyed = true;
    await settle();
    expect(saves).toHaveLength(1);
  });
});
