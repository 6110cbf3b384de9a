import { describe, expect, it } from 'vitest';
import { restoreWindowBounds, type Rect } from './windowBounds';

const defaults = { width: 1280, height: 820 };
const minimum = { width: 800, height: 560 };
const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
/** A second monitor to the right of the laptop. */
const external: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('restoring the window onto a visible screen', () => {
  it('first launch: the default size, centred by the OS', () => {
    expect(restoreWindowBounds(null, [laptop], defaults, minimum)).toEqual({ bounds: defaults, maximized: false });
  });

  it('a window that fits where it was stays exactly there, maximised or not', () => {
    const saved = { x: 100, y: 80, width: 1400, height: 900, maximized: true };
    expect(restoreWindowBounds(saved, [laptop], defaults, minimum)).toEqual({ bounds: { x: 100, y: 80, width: 1400, height: 900 }, maximized: true });
  });

  it('a window on a monitor that was unplugged comes back onto the remaining screen, same size', () => {
    const saved = { x: 2500, y: 200, width: 1400, height: 900, maximized: false };
    const restored = restoreWindowBounds(saved, [laptop], defaults, minimum).bounds as Rect;
    // Moved left onto the laptop and up just enough for its bottom edge to clear the task bar.
    expect(restored).toEqual({ x: 1920 - 1400, y: 1040 - 900, width: 1400, height: 900 });
  });

  it('a window on the second monitor stays on it while it is connected', () => {
    const saved = { x: 2500, y: 200, width: 1400, height: 900, maximized: false };
    expect(restoreWindowBounds(saved, [laptop, external], defaults, minimum).bounds).toEqual({ x: 2500, y: 200, width: 1400, height: 900 });
  });

  it('a window bigger than the screen (resolution lowered) shrinks to fit it', () => {
    const small: Rect = { x: 0, y: 0, width: 1366, height: 728 };
    const saved = { x: 0, y: 0, width: 2400, height: 1300, maximized: false };
    expect(restoreWindowBounds(saved, [small], defaults, minimum).bounds).toEqual({ x: 0, y: 0, width: 1366, height: 728 });
  });

  it('only a sliver on screen is not enough: the window is pulled fully into view', () => {
    const saved = { x: 1900, y: 500, width: 1000, height: 700, maximized: false };
    expect(restoreWindowBounds(saved, [laptop], defaults, minimum).bounds).toEqual({ x: 920, y: 340, width: 1000, height: 700 });
  });

  it('a title bar above the top of the screen is brought down so the window can be dragged', () => {
    const saved = { x: 200, y: -300, width: 1000, height: 700, maximized: false };
    expect(restoreWindowBounds(saved, [laptop], defaults, minimum).bounds).toEqual({ x: 200, y: 0, width: 1000, height: 700 });
  });

  it('a work area that starts below a menu bar keeps the window under it', () => {
    const mac: Rect = { x: 0, y: 25, width: 1440, height: 875 };
    const saved = { x: 10, y: 0, width: 1200, height: 800, maximized: false };
    expect(restoreWindowBounds(saved, [mac], defaults, minimum).bounds).toEqual({ x: 10, y: 25, width: 1200, height: 800 });
  });

  it('a saved size below the minimum is raised to it', () => {
    const saved = { x: 10, y: 10, width: 200, height: 100, maximized: false };
    expect(restoreWindowBounds(saved, [laptop], defaults, minimum).bounds).toEqual({ x: 10, y: 10, width: 800, height: 560 });
  });
});
