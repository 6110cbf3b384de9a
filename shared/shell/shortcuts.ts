/**
 * Every keyboard shortcut, in one table read by both the desktop menu (which shows it) and the page
 * (which handles it). Accelerators use Electron's syntax; `page` says who reacts to the key:
 * - 'always': the page handles the key in both hosts, and the menu shows it without registering it,
 *   so a key typed into an editor never triggers it (Space must still type a space in the SQL editor);
 * - 'browser': the desktop menu registers the accelerator itself; only the browser page listens.
 */
import type { MenuAction } from './menuActions';

export interface Shortcut {
  action: MenuAction;
  accelerator: string;
  page: 'always' | 'browser';
}

export const SHORTCUTS = [
  { action: 'open', accelerator: 'CmdOrCtrl+O', page: 'browser' },
  { action: 'replayOrPause', accelerator: 'Space', page: 'always' },
  { action: 'stop', accelerator: 'CmdOrCtrl+.', page: 'browser' },
  { action: 'toggleSidePanels', accelerator: 'CmdOrCtrl+B', page: 'always' },
  { action: 'toggleDock', accelerator: 'CmdOrCtrl+J', page: 'always' },
] as const satisfies readonly Shortcut[];

export function shortcutFor(action: MenuAction): Shortcut | undefined {
  return SHORTCUTS.find((shortcut) => shortcut.action === action);
}
