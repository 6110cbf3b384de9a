/**
 * The application menu as plain data, so its contents can be tested without Electron. It follows
 * each platform's conventions: on macOS the app menu holds About and Quit and File ends with Close
 * Window; elsewhere File ends with Quit and About sits in Help. Shortcuts come from the shared
 * table: keys the page handles (Space must still type a space in the SQL editor) are only shown
 * here, not registered.
 */
import { basename, dirname } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from '../../../shared/shell/menuActions';
import { SHORTCUTS } from '../../../shared/shell/shortcuts';
import type { Theme } from '../../../shared/shell/theme';
import type { ExternalLinkName } from '../../../shared/shell/externalLinks';

export interface MenuState {
  platform: NodeJS.Platform;
  appName: string;
  recentFiles: readonly string[];
  theme: Theme;
  /** Reload and the developer tools, for development builds only. */
  developerTools: boolean;
}

export interface MenuCommands {
  send(action: MenuAction): void;
  openRecent(path: string): void;
  clearRecent(): void;
  revealLog(): void;
  openLink(link: ExternalLinkName): void;
}

export function appMenuTemplate(state: MenuState, commands: MenuCommands): MenuItemConstructorOptions[] {
  const isMac = state.platform === 'darwin';
  const item = (label: string, action: MenuAction): MenuItemConstructorOptions => {
    const shortcut = SHORTCUTS.find((entry) => entry.action === action);
    return {
      label,
      click: () => commands.send(action),
      ...(shortcut ? { accelerator: shortcut.accelerator, registerAccelerator: shortcut.page === 'browser' } : {}),
    };
  };
  const themeItem = (label: string, theme: Theme, action: MenuAction): MenuItemConstructorOptions => ({
    label,
    type: 'radio',
    checked: state.theme === theme,
    click: () => commands.send(action),
  });
  const about: MenuItemConstructorOptions = { role: 'about', label: `About ${state.appName}` };

  return [
    ...(isMac
      ? [{ label: state.appName, submenu: [about, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] } satisfies MenuItemConstructorOptions]
      : []),
    {
      label: isMac ? 'File' : '&File',
      submenu: [
        item(isMac ? 'Open…' : '&Open…', 'open'),
        { label: isMac ? 'Open Recent' : 'Open &Recent', submenu: recentSubmenu(state, commands) },
        item('Try the Sample', 'openSample'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: 'E&xit' },
      ],
    },
    {
      label: isMac ? 'Replay' : '&Replay',
      submenu: [item('Replay / Pause', 'replayOrPause'), item('Stop', 'stop')],
    },
    {
      label: isMac ? 'View' : '&View',
      submenu: [
        item('Toggle Side Panels', 'toggleSidePanels'),
        item('Toggle Analysis Panels', 'toggleDock'),
        { type: 'separator' },
        {
          label: 'Theme',
          submenu: [themeItem('Use System Setting', 'system', 'themeSystem'), themeItem('Light', 'light', 'themeLight'), themeItem('Dark', 'dark', 'themeDark')],
        },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(state.developerTools ? [{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] satisfies MenuItemConstructorOptions[] : []),
      ],
    },
    { role: 'windowMenu' },
    {
      label: isMac ? 'Help' : '&Help',
      role: 'help',
      submenu: [
        { label: 'SQL Syntax Reference', click: () => commands.openLink('sqliteSyntax') },
        { label: 'Kafka Security Documentation', click: () => commands.openLink('kafkaSecurity') },
        { type: 'separator' },
        { label: 'Reveal Log File', click: () => commands.revealLog() },
        ...(isMac ? [] : [{ type: 'separator' }, about] satisfies MenuItemConstructorOptions[]),
      ],
    },
  ];
}

function recentSubmenu(state: MenuState, commands: MenuCommands): MenuItemConstructorOptions[] {
  if (state.recentFiles.length === 0) return [{ label: 'No Recent Files', enabled: false }];
  // On Windows and Linux '&' marks a mnemonic; a file called "a&b.csv" must show its ampersand.
  const escape = (text: string): string => (state.platform === 'darwin' ? text : text.replaceAll('&', '&&'));
  return [
    ...state.recentFiles.map((path): MenuItemConstructorOptions => ({
      label: escape(`${basename(path)}  —  ${dirname(path)}`),
      click: () => commands.openRecent(path),
    })),
    { type: 'separator' },
    { label: 'Clear Recent Files', click: () => commands.clearRecent() },
  ];
}

/** What About shows: the name and version from package.json. */
export function aboutPanelOptions(appName: string, version: string): { applicationName: string; applicationVersion: string; version: string; copyright: string } {
  return { applicationName: appName, applicationVersion: version, version, copyright: 'MIT licence' };
}
