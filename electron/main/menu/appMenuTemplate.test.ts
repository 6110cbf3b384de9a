import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { aboutPanelOptions, appMenuTemplate, type MenuState } from './appMenuTemplate';

type Item = MenuItemConstructorOptions;

function record() {
  const calls: string[] = [];
  return {
    calls,
    commands: {
      send: (action: string) => calls.push(`send:${action}`),
      openRecent: (path: string) => calls.push(`recent:${path}`),
      clearRecent: () => calls.push('clearRecent'),
      revealLog: () => calls.push('revealLog'),
      openLink: (link: string) => calls.push(`link:${link}`),
    },
  };
}

const base: MenuState = { platform: 'linux', appName: 'Traffic Monitor', recentFiles: [], theme: 'system', developerTools: false };

function menu(label: string, template: Item[]): Item[] {
  const found = template.find((entry) => entry.label?.replace('&', '') === label || entry.role === label);
  if (!found || !Array.isArray(found.submenu)) throw new Error(`no ${label} menu`);
  return found.submenu;
}

function entry(label: string, items: Item[]): Item {
  const found = items.find((item) => item.label?.replaceAll('&', '') === label);
  if (!found) throw new Error(`no ${label} item in ${items.map((item) => item.label ?? item.role).join(', ')}`);
  return found;
}

const click = (item: Item): void => (item.click as () => void)();

describe('the application menu', () => {
  it('File → Open is Ctrl+O on Linux and Windows, registered by the menu itself', () => {
    const { commands, calls } = record();
    const open = entry('Open…', menu('File', appMenuTemplate(base, commands)));
    expect(open).toMatchObject({ accelerator: 'CmdOrCtrl+O', registerAccelerator: true });
    click(open);
    expect(calls).toEqual(['send:open']);
  });

  it('Replay / Pause shows Space but leaves the key to the page, so typing a space in the SQL editor never pauses', () => {
    const { commands, calls } = record();
    const replay = menu('Replay', appMenuTemplate(base, commands));
    expect(entry('Replay / Pause', replay)).toMatchObject({ accelerator: 'Space', registerAccelerator: false });
    expect(entry('Stop', replay)).toMatchObject({ accelerator: 'CmdOrCtrl+.', registerAccelerator: true });
    click(entry('Replay / Pause', replay));
    click(entry('Stop', replay));
    expect(calls).toEqual(['send:replayOrPause', 'send:stop']);
  });

  it('recent files: newest first, each opens its path; clearing is offered; an empty list says so', () => {
    const { commands, calls } = record();
    const recent = entry('Open Recent', menu('File', appMenuTemplate({ ...base, recentFiles: ['/data/june.csv', '/data/R&D/may.csv'] }, commands))).submenu as Item[];
    expect(recent.map((item) => item.label ?? item.type)).toEqual(['june.csv  —  /data', 'may.csv  —  /data/R&&D', 'separator', 'Clear Recent Files']);
    click(recent[1] as Item);
    click(recent[3] as Item);
    expect(calls).toEqual(['recent:/data/R&D/may.csv', 'clearRecent']);
    const empty = entry('Open Recent', menu('File', appMenuTemplate(base, commands))).submenu as Item[];
    expect(empty).toEqual([{ label: 'No Recent Files', enabled: false }]);
  });

  it('View: panel toggles with their page shortcuts, the three themes with the current one checked, zoom', () => {
    const { commands, calls } = record();
    const view = menu('View', appMenuTemplate({ ...base, theme: 'dark' }, commands));
    expect(entry('Toggle Side Panels', view)).toMatchObject({ accelerator: 'CmdOrCtrl+B', registerAccelerator: false });
    expect(entry('Toggle Analysis Panels', view)).toMatchObject({ accelerator: 'CmdOrCtrl+J', registerAccelerator: false });
    const themes = entry('Theme', view).submenu as Item[];
    expect(themes.map((item) => [item.label, item.type, item.checked])).toEqual([
      ['Use System Setting', 'radio', false],
      ['Light', 'radio', false],
      ['Dark', 'radio', true],
    ]);
    click(themes[1] as Item);
    expect(calls).toEqual(['send:themeLight']);
    expect(view.map((item) => item.role).filter(Boolean)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('the developer tools and reload exist only in development builds', () => {
    const { commands } = record();
    const roles = (developerTools: boolean): unknown[] => menu('View', appMenuTemplate({ ...base, developerTools }, commands)).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('Help: Reveal Log File, the two reference links, and About on Windows and Linux', () => {
    const { commands, calls } = record();
    for (const platform of ['linux', 'win32'] as const) {
      const help = menu('Help', appMenuTemplate({ ...base, platform }, commands));
      expect(entry('About Traffic Monitor', help).role).toBe('about');
      expect(help.at(-1)?.role).toBe('about');
    }
    const help = menu('Help', appMenuTemplate(base, commands));
    click(entry('Reveal Log File', help));
    click(entry('SQL Syntax Reference', help));
    expect(calls).toEqual(['revealLog', 'link:sqliteSyntax']);
  });

  it('macOS: an app menu with About and Quit first, File ends with Close, no mnemonics, About not repeated in Help', () => {
    const { commands } = record();
    const template = appMenuTemplate({ ...base, platform: 'darwin' }, commands);
    const appMenu = template[0]?.submenu as Item[];
    expect(template[0]?.label).toBe('Traffic Monitor');
    expect(appMenu[0]).toMatchObject({ role: 'about', label: 'About Traffic Monitor' });
    expect(appMenu.at(-1)?.role).toBe('quit');
    expect(menu('File', template).at(-1)?.role).toBe('close');
    expect(template.map((item) => item.label ?? item.role).join(' ')).not.toContain('&');
    expect(menu('Help', template).map((item) => item.role)).not.toContain('about');
  });

  it('Windows and Linux: File ends with Exit', () => {
    const { commands } = record();
    expect(menu('File', appMenuTemplate(base, commands)).at(-1)).toMatchObject({ role: 'quit', label: 'E&xit' });
  });

  it('About shows the version from package.json', async () => {
    const { version, productName } = (await import('../../../package.json')).default;
    expect(aboutPanelOptions(productName, version)).toMatchObject({ applicationName: 'Traffic Monitor', applicationVersion: version });
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
