/**
 * Test-only: worker threads load JavaScript, but under vitest a worker's script is still
 * TypeScript. This writes a small CommonJS entry that registers tsx and then loads the .ts file,
 * so a test can start the real worker script.
 */
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Writes `<dir>/<script name>Entry.cjs` for `workerScript` (an absolute .ts path) and returns its path. */
export function writeTsWorkerEntry(dir: string, workerScript: string): string {
  const entry = join(dir, `${basename(workerScript, '.ts')}Entry.cjs`);
  writeFileSync(entry, `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register();\nrequire(${JSON.stringify(workerScript)});\n`);
  return entry;
}
