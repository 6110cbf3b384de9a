/**
 * Where the window reopens. Saved bounds are trusted only as far as today's screens allow: a
 * monitor may have been unplugged or the resolution lowered since, and a window restored off
 * screen is a window the user cannot reach. (electron-window-state exists, but it throws the saved
 * position away instead of moving the window onto a screen, and it cannot be tested without
 * Electron; this is the pure part, tested on its own.)
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface SavedBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface RestoredBounds {
  /** With x and y the window goes exactly there; without, the OS centres it. */
  bounds: Rect | Size;
  maximized: boolean;
}

/** How much of the window must be on a screen to be left where it was: enough to grab its title bar. */
const MIN_VISIBLE = { width: 120, height: 40 };

/**
 * @param workAreas each display's work area (screen minus task bar / dock / menu bar), primary first.
 */
export function restoreWindowBounds(saved: SavedBounds | null, workAreas: readonly Rect[], defaults: Size, minimum: Size): RestoredBounds {
  const primary = workAreas[0];
  if (!saved || !primary) return { bounds: primary ? fitSize(defaults, primary, minimum) : defaults, maximized: false };
  const size = { width: saved.width, height: saved.height };
  if (saved.x === undefined || saved.y === undefined) return { bounds: fitSize(size, largest(workAreas), minimum), maximized: saved.maximized };

  const rect = { x: saved.x, y: saved.y, ...size };
  const best = workAreas.reduce((a, b) => (overlapArea(rect, b) > overlapArea(rect, a) ? b : a));
  const overlap = intersection(rect, best);
  const display = overlap && overlap.width >= MIN_VISIBLE.width && overlap.height >= MIN_VISIBLE.height && rect.y >= best.y ? best : nearest(rect, workAreas);
  const fitted = fitSize(size, display, minimum);
  return {
    bounds: {
      x: clamp(rect.x, display.x, display.x + display.width - fitted.width),
      y: clamp(rect.y, display.y, display.y + display.height - fitted.height),
      ...fitted,
    },
    maximized: saved.maximized,
  };
}

function fitSize(size: Size, area: Rect, minimum: Size): Size {
  return {
    width: clamp(size.width, Math.min(minimum.width, area.width), area.width),
    height: clamp(size.height, Math.min(minimum.height, area.height), area.height),
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}

function intersection(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const width = Math.min(a.x + a.width, b.x + b.width) - x;
  const height = Math.min(a.y + a.height, b.y + b.height) - y;
  return width > 0 && height > 0 ? { x, y, width, height } : null;
}

function overlapArea(a: Rect, b: Rect): number {
  const overlap = intersection(a, b);
  return overlap ? overlap.width * overlap.height : 0;
}

function largest(areas: readonly Rect[]): Rect {
  return areas.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
}

/** The screen whose centre is closest to the window's centre: where the user last saw it. */
function nearest(rect: Rect, areas: readonly Rect[]): Rect {
  const centre = (r: Rect): [number, number] => [r.x + r.width / 2, r.y + r.height / 2];
  const [cx, cy] = centre(rect);
  const distance = (r: Rect): number => {
    const [x, y] = centre(r);
    return (x - cx) ** 2 + (y - cy) ** 2;
  };
  return areas.reduce((a, b) => (distance(b) < distance(a) ? b : a));
}
