/**
 * `npm run icons`: renders resources/icon.svg into every icon file of iconTargets.ts and writes
 * them into resources/. Run it after editing the svg and commit the results; icons.test.ts fails
 * while any of them is missing or differs from a fresh render.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ICON_TARGETS, LINUX_ICON_DIR, SOURCE_SVG } from './iconTargets';
import { renderTarget } from './renderIcon';

// process.argv[1] rather than import.meta or __dirname: works whether the package is ESM or CommonJS.
const ROOT = resolve(dirname(resolve(process.argv[1] ?? 'scripts/icons/renderIcons.ts')), '..', '..');

async function main(): Promise<void> {
  const svg = readFileSync(join(ROOT, SOURCE_SVG));
  for (const target of ICON_TARGETS) {
    const bytes = await renderTarget(svg, target);
    const file = join(ROOT, target.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    process.stdout.write(`${target.path} ${bytes.length} bytes\n`);
  }
  // electron-builder takes every NxN.png in the Linux folder, so a size dropped from the table must go.
  const wanted = new Set(ICON_TARGETS.map((target) => target.path));
  for (const name of readdirSync(join(ROOT, LINUX_ICON_DIR))) {
    const path = `${LINUX_ICON_DIR}/${name}`;
    if (!wanted.has(path)) {
      rmSync(join(ROOT, path));
      process.stdout.write(`${path} removed\n`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
