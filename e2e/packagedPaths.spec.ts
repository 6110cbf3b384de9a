/**
 * After `electron-vite build` (the e2e command builds first): every path electron-builder.yml
 * packages exists, so an installer built elsewhere finds its workers, its wasm and the sample city.
 * No browser is needed; this runs here because these tests run after the build.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { expect, test } from '@playwright/test';

const ROOT = resolve(__dirname, '..');

test('every file electron-builder.yml packages exists after the build', async () => {
  const config = (await getConfig(ROOT, null, null)) as unknown as { asarUnpack: string[]; extraResources: { from: string }[]; main?: string };
  for (const entry of config.asarUnpack) {
    if (entry.endsWith('/**')) {
      const folder = join(ROOT, entry.slice(0, -'/**'.length));
      expect(existsSync(folder) && readdirSync(folder).length > 0, `${entry} has files`).toBe(true);
    } else {
      expect(existsSync(join(ROOT, entry)), entry).toBe(true);
    }
  }
  for (const { from } of config.extraResources) expect(existsSync(join(ROOT, from)), from).toBe(true);
  // package.json's "main" is what Electron starts in the installed app.
  expect(existsSync(join(ROOT, 'out', 'main', 'index.js'))).toBe(true);
  expect(existsSync(join(ROOT, 'out', 'preload', 'index.js')) || existsSync(join(ROOT, 'out', 'preload', 'index.mjs'))).toBe(true);
  expect(existsSync(join(ROOT, 'out', 'renderer', 'index.html'))).toBe(true);
});
