// Builds the app when the sources are newer than the last build, so `npm start` and `npm run web`
// work on a fresh clone without a separate build step and start at once after that.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const SOURCES = ['electron', 'renderer', 'shared', 'electron.vite.config.ts', 'package.json'];
const OUTPUTS = ['out/main/index.js', 'out/main/engineWorker.js', 'out/main/webServer.js', 'out/preload/index.js', 'out/renderer/index.html'];

function newestMtime(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function buildIfStale() {
  const outputs = OUTPUTS.map((file) => join(root, file));
  const built = outputs.every((file) => existsSync(file));
  const builtAt = built ? Math.min(...outputs.map((file) => statSync(file).mtimeMs)) : 0;
  const changedAt = Math.max(...SOURCES.map((source) => newestMtime(join(root, source))));
  if (built && builtAt >= changedAt) return;
  console.log('Building the app (electron-vite build)…');
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
