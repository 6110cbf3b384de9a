/**
 * The layer rule in eslint.config.mjs, checked with ESLint itself on imports a newcomer might
 * write: each forbidden one must be reported, each allowed one must pass. Should the rule be
 * switched off or its element patterns stop matching the folders, this fails.
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

/** The boundary errors ESLint reports for `code` as if it were the file at `path`. */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);
}

/** The import plus a use of its name, so no other rule has anything to say about it. */
function withUse(importLine: string): string {
  return `${importLine}\nexport const used = [${/\{ (\w+) \}/.exec(importLine)?.[1]}];\n`;
}

describe('layer boundaries', () => {
  it.each([
    ['the engine reaching into the shell', 'electron/engine/graph/probe.ts', "import { x } from '../../main/index';"],
    ['the engine reaching into the web host', 'electron/engine/sql/probe.ts', "import { x } from '../../web/webHost';"],
    ['an engine folder past another folder’s entry file', 'electron/engine/graph/probe.ts', "import { sniffCsv } from '../source/sniffCsv';"],
    ['the shell past engine/client', 'electron/main/probe.ts', "import { SchemaMemory } from '../engine/settings';"],
    ['the web host into the engine’s command table', 'electron/web/probe.ts', "import { Engine } from '../engine/engine';"],
    ['the page into the engine', 'renderer/src/probe.ts', "import { Engine } from '../../electron/engine/engine';"],
    ['the contract into the page', 'shared/probe.ts', "import { useView } from '../renderer/src/store/viewStore';"],
  ])('reports %s', async (_, path, code) => {
    expect(await boundaryErrors(path, withUse(code))).toHaveLength(1);
  });

  it.each([
    ['an engine folder through another folder’s entry file', 'electron/engine/graph/probe.ts', "import { mainMeasure } from '../source';"],
    ['a file inside its own engine folder', 'electron/engine/bus/kafka/probe.ts', "import { waitUntil } from '../waitUntil';"],
    ['the web host through engine/client', 'electron/web/probe.ts', "import { EngineWorkerHost } from '../engine/client';"],
    ['the page through the contract', 'renderer/src/probe.ts', "import { passesThreshold } from '../../shared/records';"],
  ])('allows %s', async (_, path, code) => {
    expect(await boundaryErrors(path, withUse(code))).toEqual([]);
  });
});
