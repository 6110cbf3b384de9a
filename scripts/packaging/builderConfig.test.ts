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
  linux: { icon: string };
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

describe('electron-builder.yml', () => {
  it("passes electron-builder's own configuration schema, and the schema does reject a wrong key", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, asarUnpacked: [] } as typeof config, new DebugLogger(false))).rejects.toThrow(/asarUnpacked/);
  });

  it('unpacks every worker script the engine starts, each built from a source file that exists', () => {
    const entries = viteMainEntries();
    for (const [name, source] of entries) expect(existsSync(join(ROOT, source)), `${name}: ${source}`).toBe(true);
    const engine = readFileSync(join(ROOT, 'electron/engine/worker.ts'), 'utf8');
    const started = [...engine.matchAll(/join\(__dirname, '(\w+)\.js'\)/g)].map((match) => match[1] as string);
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
    expect(existsSync(join(ROOT, yaml.linux.icon))).toBe(true);
    for (const path of yaml.asarUnpack.filter((entry) => entry.startsWith('node_modules/'))) expect(existsSync(join(ROOT, path)), path).toBe(true);
  });
});
