/**
 * electron-builder.yml turns off rebuilding native modules (npmRebuild: false). That is right only
 * while nothing the installed app loads is native: this test walks every production dependency and
 * fails, naming it, when one brings a binding.gyp or a compiled .node file.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');

/**
 * Prebuilt Node-API binaries, which load in any Node and Electron of their platform unrebuilt:
 * @node-rs/crc32, an optional speed-up of @platformatic/kafka, which computes CRC-32C in
 * WebAssembly when the binary is absent or cannot load.
 */
const NODE_API_PREBUILT = /^node_modules[\\/]@node-rs[\\/]crc32(-[a-z0-9-]+)?$/;

function productionPackages(): string[] {
  const output = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8' });
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && line !== ROOT);
}

function nativeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return []; // nested packages are listed on their own
    if (statSync(path).isDirectory()) return nativeFiles(path);
    return name === 'binding.gyp' || name.endsWith('.node') ? [path] : [];
  });
}

describe('what the installer packages', () => {
  it('has no native module that needs rebuilding for Electron', () => {
    const packages = productionPackages();
    expect(packages.length).toBeGreaterThan(5);
    expect(packages.map((path) => relative(ROOT, path))).toEqual(expect.arrayContaining([join('node_modules', 'kafkajs'), join('node_modules', 'sql.js')]));
    const needRebuilding = packages.filter((path) => !NODE_API_PREBUILT.test(relative(ROOT, path)));
    expect(needRebuilding.flatMap(nativeFiles).map((path) => relative(ROOT, path))).toEqual([]);
  });

  it('electron-builder.yml skips the rebuild', () => {
    expect(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')).toMatch(/^npmRebuild: false$/m);
  });
});
