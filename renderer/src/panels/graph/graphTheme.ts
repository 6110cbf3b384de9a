/**
 * The canvas cannot use CSS variables, so the theme's colours are read from the page (the same
 * variables the feed uses: a passing junction is marked in the feed's passing colour) and the
 * stylesheet is rebuilt when the system theme flips.
 */
export interface GraphTheme {
  text: string;
  muted: string;
  surface: string;
  accent: string;
  /** The feed's mark for a passing row. */
  passMark: string;
  /** The highlighted route. */
  path: string;
}

const FALLBACK: GraphTheme = { text: '#1b1f24', muted: '#5b6573', surface: '#ffffff', accent: '#1f6feb', passMark: '#1a7f37', path: '#a21caf' };

export function readGraphTheme(element: Element = document.documentElement): GraphTheme {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  return {
    text: read('--text', FALLBACK.text),
    muted: read('--muted', FALLBACK.muted),
    surface: read('--surface', FALLBACK.surface),
    accent: read('--accent', FALLBACK.accent),
    passMark: read('--pass-mark', FALLBACK.passMark),
    path: read('--graph-path', FALLBACK.path),
  };
}

/** Calls back when the system switches between light and dark; returns the unsubscribe. */
export function onThemeChange(callback: () => void): () => void {
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  query.addEventListener('change', callback);
  return () => query.removeEventListener('change', callback);
}
