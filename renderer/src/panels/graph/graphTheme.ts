/**
 * The canvas cannot use CSS variables, so the theme's colours are read from the page (the same
 * variables the feed uses: a passing junction is marked in the feed's passing colour) and the
 * stylesheet is rebuilt when the theme flips: the system's, or the one chosen in Settings.
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
  /** Data quality's "suspect" and "bad" halos, and alarmed junctions. */
  warn?: string;
  danger?: string;
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
    warn: read('--warn', '#9a6700'),
    danger: read('--danger', '#b42318'),
  };
}

/**
 * Calls back when the page's colours may have changed: the system switched between light and dark,
 * or the app's theme changed. The latter is watched on the root's `data-theme` rather than in the
 * appearance store, so the callback runs after the attribute (and with it the variables) changed,
 * whatever order store listeners run in. Returns the unsubscribe.
 */
export function onThemeChange(callback: () => void, root: HTMLElement = document.documentElement): () => void {
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  query.addEventListener('change', callback);
  const observer = new MutationObserver(callback);
  observer.observe(root, { attributes: true, attributeFilter: ['data-theme'] });
  return () => {
    query.removeEventListener('change', callback);
    observer.disconnect();
  };
}
