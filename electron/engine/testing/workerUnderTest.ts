/**
 * Test-only: a test file that runs the engine with one real helper worker, started from its
 * TypeScript source. It gets a scratch folder and the worker's entry script for the whole file, and
 * every engine it tracks is stopped after each test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Engine } from '../engine';
import { writeTsWorkerEntry } from './tsWorkerEntry';

/** A replay flat out, with no limits. */
export const FLAT_OUT = { pace: { mode: 'fast' }, limits: { durationSeconds: null, rows: null, loop: false } } as const;

export interface WorkerUnderTest {
  /** The file's scratch folder, removed after its last test. */
  readonly dir: string;
  /** The worker's entry script, for EngineOptions.workerScripts. */
  readonly script: string;
  /** A fresh data folder inside `dir`. */
  dataDir(): string;
  /** Stops `engine` after the current test; returns it. */
  track(engine: Engine): Engine;
}

/** Registers the hooks; `prefix` names the scratch folder, `workerSource` is the worker's .ts path. */
export function useWorkerForThisFile(prefix: string, workerSource: string): WorkerUnderTest {
  let dir = '';
  let script = '';
  const engines: Engine[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
    script = writeTsWorkerEntry(dir, workerSource);
  });
  afterEach(() => {
    for (const engine of engines.splice(0)) engine.stop();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    get dir() {
      return dir;
    },
    get script() {
      return script;
    },
    dataDir: () => mkdtempSync(join(dir, 'data-')),
    track: (engine) => {
      engines.push(engine);
      return engine;
    },
  };
}
