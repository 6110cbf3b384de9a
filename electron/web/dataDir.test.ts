import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from './dataDir';

describe('the web host data folder', () => {
  it('is where Electron puts userData on Linux, honouring XDG_CONFIG_HOME', () => {
    expect(defaultDataDir({ platform: 'linux', env: {}, home: '/home/ann' })).toBe('/home/ann/.config/Traffic Monitor');
    expect(defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/xdg' }, home: '/home/ann' })).toBe('/xdg/Traffic Monitor');
    // A relative XDG_CONFIG_HOME is invalid by the XDG rule and ignored, as Electron does.
    expect(defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: 'rel' }, home: '/home/ann' })).toBe('/home/ann/.config/Traffic Monitor');
  });

  it('is under Application Support on macOS and APPDATA on Windows', () => {
    expect(defaultDataDir({ platform: 'darwin', env: {}, home: '/Users/ann' })).toBe('/Users/ann/Library/Application Support/Traffic Monitor');
    const windows = defaultDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, home: 'C:\\Users\\ann' });
    expect(windows.replace(/\\/g, '/')).toBe('C:/Users/ann/AppData/Roaming/Traffic Monitor');
  });

  it('is overridden by --data-dir, then by TRAFFIC_MONITOR_DATA_DIR', () => {
    const context = { platform: 'linux' as const, env: { TRAFFIC_MONITOR_DATA_DIR: '/env/dir' }, home: '/home/ann' };
    expect(resolveDataDir('/flag/dir', context)).toBe('/flag/dir');
    expect(resolveDataDir(undefined, context)).toBe('/env/dir');
    expect(resolveDataDir(undefined, { ...context, env: {} })).toBe('/home/ann/.config/Traffic Monitor');
  });
});
