/**
 * The rejected-row file of an app that was killed (it can be gigabytes) used to stay in the data
 * folder for ever; the next start removes it, and leaves alone the files of a process still running.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { TempDir } from '../testing/trafficFixture';
import { sweepStaleSpills } from './staleSpills';

const temp = new TempDir();
afterAll(() => temp.cleanup());

/** Far above any pid_max: no process has it. */
const GONE = 4_194_999;

function spillFolder(): { dir: string; stale: string; running: string; own: string; other: string } {
  const dir = join(mkdtempSync(join(temp.path, 'data-')), 'rejected');
  mkdirSync(dir, { recursive: true });
  const files = {
    stale: join(dir, `rejected-${GONE}-3.csv`),
    running: join(dir, `rejected-1-1.csv`),
    own: join(dir, `rejected-${process.pid}-1.csv`),
    other: join(dir, 'notes.txt'),
  };
  for (const path of Object.values(files)) writeFileSync(path, 'line,reason,text\n');
  return { dir, ...files };
}

describe('rejected-row files of processes that are gone', () => {
  it('are removed; those of running processes, this one and other files stay', async () => {
    const { dir, stale, running, own, other } = spillFolder();
    expect(await sweepStaleSpills(dir)).toEqual([stale]);
    expect(existsSync(stale)).toBe(false);
    for (const kept of [running, own, other]) expect(existsSync(kept)).toBe(true);
  });

  it('go when an engine starts on the data folder', async () => {
    const { dir, stale } = spillFolder();
    const engine = new Engine({ sampleCsvPath: '', dataDir: join(dir, '..'), onViewUpdate: () => undefined });
    try {
      const deadline = Date.now() + 10_000;
      while (existsSync(stale) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(existsSync(stale)).toBe(false);
    } finally {
      engine.stop();
    }
  });
});
