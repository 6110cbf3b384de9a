/**
 * The installer configuration, checked where installers cannot be built (electron-builder downloads
 * Electron): `electron-builder.yml` must pass electron-builder's own schema, and every script and
 * resource it packages must be one the build makes or the repository holds. A worker left out of
 * `asarUnpack` would fail only in the installed app, where worker threads cannot load from app.asar.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');

interface BuilderYaml {
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
  directories: { buildResources: string };
  linux: { icon: string };
  win: { icon: string };
  mac: { icon: string };
}

/** The configuration as electron-builder reads it (electron-builder.yml merged with package.json). */
let config: Awaited<ReturnType<typeof getConfig>>;
let yaml: BuilderYaml;

beforeAll(async () => {
  config = await getConfig(ROOT, null, null);
  yaml = config as unknown as BuilderYaml;
});

/** Main-process entries of electron.vite.config.ts: name → source file. */
function viteMainEntries(): Map<string, string> {
  const text = readFileSync(join(ROOT, 'electron.vite.config.ts'), 'utf8');
  const main = text.slice(text.indexOf('main:'), text.indexOf('preload:'));
  return new Map([...main.matchAll(/(\w+): resolve\(__dirname, '([^']+)'\)/g)].map((match) => [match[1] as string, match[2] as string]));
}

/** Every string set under a key ending in `icon` (icon, installerIcon, …), anywhere in the configuration. */
function iconPaths(value: unknown, key = ''): { key: string; path: string }[] {
  if (typeof value === 'string') return /icon$/i.test(key) ? [{ key, path: value }] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([name, child]) => iconPaths(child, key === '' ? name : `${key}.${name}`));
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own configuration schema, and the schema does reject a wrong key", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, asarUnpacked: [] } as typeof config, new DebugLogger(false))).rejects.toThrow(/asarUnpacked/);
  });

  it('unpacks every worker script the engine starts, each built from a source file that exists', () => {
    const entries = viteMainEntries();
    for (const [name, source] of entries) expect(existsSync(join(ROOT, source)), `${name}: ${source}`).toBe(true);
    // The engine worker starts the scripts builtWorkerScripts names beside itself.
    const engine = readFileSync(join(ROOT, 'electron/engine/worker.ts'), 'utf8');
    expect(engine).toContain('builtWorkerScripts(__dirname)');
    const scripts = readFileSync(join(ROOT, 'electron/engine/workerScripts.ts'), 'utf8');
    const started = [...scripts.matchAll(/join\(dir, '(\w+)\.js'\)/g)].map((match) => match[1] as string);
    expect(started.length).toBeGreaterThanOrEqual(5);
    for (const worker of ['engineWorker', ...started]) {
      expect(entries.has(worker), `${worker} is an electron-vite entry`).toBe(true);
      expect(yaml.asarUnpack, `${worker}.js is unpacked`).toContain(`out/main/${worker}.js`);
    }
    for (const path of yaml.asarUnpack.filter((entry) => entry.startsWith('out/main/') && entry.endsWith('.js'))) {
      expect(entries.has(path.slice('out/main/'.length, -'.js'.length)), `${path} is built`).toBe(true);
    }
  });

  it('packages the sample city and resources that exist', () => {
    for (const { from } of yaml.extraResources) expect(existsSync(join(ROOT, from)), from).toBe(true);
    const samples = yaml.extraResources.map((resource) => resource.to);
    expect(samples).toEqual(expect.arrayContaining(['sample-data/traffic-sample.csv', 'sample-data/junction-network.json']));
    for (const path of yaml.asarUnpack.filter((entry) => entry.startsWith('node_modules/'))) expect(existsSync(join(ROOT, path)), path).toBe(true);
  });

  it('gives each installer an icon, and every icon path in the configuration exists', () => {
    expect(yaml.linux.icon, 'linux: a folder of NxN.png files').toBe('resources/icons');
    expect(yaml.win.icon, 'win: a multi-size .ico').toMatch(/\.ico$/);
    expect(yaml.mac.icon, 'mac: a PNG electron-builder turns into .icns').toMatch(/\.png$/);
    const icons = iconPaths(config);
    expect(icons.map((icon) => icon.key)).toEqual(expect.arrayContaining(['linux.icon', 'win.icon', 'mac.icon']));
    // electron-builder looks for a resource in the build resources folder first, then in the project.
    const resources = join(ROOT, yaml.directories.buildResources);
    for (const { key, path } of icons) expect(existsSync(join(resources, path)) || existsSync(join(ROOT, path)), `${key}: ${path}`).toBe(true);
  });
});
