import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SHELL_SETTINGS, migrateShellSettings, type ShellSettings } from './shellSettings';
import { loadShellSettings, SHELL_SETTINGS_FILE, ShellSettingsFile } from './shellSettingsFile';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'shell-settings-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const saved: ShellSettings = {
  version: 1,
  window: { x: 40, y: 30, width: 1400, height: 900, maximized: false },
  theme: 'dark',
  zoomLevel: 1,
  recentFiles: ['/data/a.csv', '/data/b.csv'],
  lastFile: '/data/a.csv',
};

describe('shell settings on disk', () => {
  it('first launch (no file): defaults, no problem, nothing written', async () => {
    const loaded = await loadShellSettings(dataDir);
    expect(loaded).toEqual({ settings: DEFAULT_SHELL_SETTINGS, problem: null, backupPath: null });
  });

  it('what was saved is what the next launch reads', async () => {
    await new ShellSettingsFile(dataDir).save(saved);
    expect((await loadShellSettings(dataDir)).settings).toEqual(saved);
  });

  it('the last of several quick saves wins', async () => {
    const file = new ShellSettingsFile(dataDir);
    await Promise.all([file.save({ ...saved, theme: 'light' }), file.save({ ...saved, theme: 'dark', zoomLevel: 2 })]);
    expect((await loadShellSettings(dataDir)).settings).toMatchObject({ theme: 'dark', zoomLevel: 2 });
  });

  it('a corrupt file: defaults, a plain reason, and the original kept byte for byte as .bak', async () => {
    const path = join(dataDir, SHELL_SETTINGS_FILE);
    await writeFile(path, '{"theme": "dark", "window": {');
    const loaded = await loadShellSettings(dataDir);
    expect(loaded.settings).toEqual(DEFAULT_SHELL_SETTINGS);
    expect(loaded.problem).toMatch(/not valid JSON/);
    expect(loaded.backupPath).toBe(`${path}.bak`);
    expect(await readFile(`${path}.bak`, 'utf8')).toBe('{"theme": "dark", "window": {');
  });

  it('a hand-edited file with one bad value keeps every other value and names the bad one', async () => {
    const path = join(dataDir, SHELL_SETTINGS_FILE);
    const edited = { ...saved, theme: 'purple' };
    await writeFile(path, JSON.stringify(edited));
    const loaded = await loadShellSettings(dataDir);
    expect(loaded.settings).toEqual({ ...saved, theme: 'system' });
    expect(loaded.problem).toMatch(/"theme" had an unusable value/);
    expect(JSON.parse(await readFile(`${path}.bak`, 'utf8'))).toEqual(edited);
  });

  it('a file that is not an object resets everything and says so', async () => {
    await writeFile(join(dataDir, SHELL_SETTINGS_FILE), '[1, 2, 3]');
    const loaded = await loadShellSettings(dataDir);
    expect(loaded.settings).toEqual(DEFAULT_SHELL_SETTINGS);
    expect(loaded.problem).toMatch(/not hold a settings object/);
  });
});

describe('migration', () => {
  it('a file from before versioning (no version, fewer fields) is upgraded, missing fields get defaults', () => {
    const { settings, problems } = migrateShellSettings({ theme: 'light', recentFiles: ['/x.csv'] });
    expect(problems).toEqual([]);
    expect(settings).toEqual({ ...DEFAULT_SHELL_SETTINGS, theme: 'light', recentFiles: ['/x.csv'] });
  });

  it('a file from a newer version keeps what this version understands and drops the rest', () => {
    const { settings, problems } = migrateShellSettings({ ...saved, version: 7, sidebarWidth: 300 });
    expect(problems).toEqual([]);
    expect(settings).toEqual(saved);
    expect(settings).not.toHaveProperty('sidebarWidth');
  });

  it('an absurd window size or a too-long recent list is refused, not trusted', () => {
    const { settings, problems } = migrateShellSettings({
      window: { width: -5, height: 900, maximized: false },
      recentFiles: Array.from({ length: 50 }, (_, i) => `/f${i}.csv`),
    });
    expect(settings.window).toBeNull();
    expect(settings.recentFiles).toEqual([]);
    expect(problems).toHaveLength(2);
  });
});
