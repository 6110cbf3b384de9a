import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runUploadFolder, sweepStaleUploads } from './uploadSweep';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('uploads left by a host that did not stop cleanly', () => {
  it('are removed at the next start; those of running hosts and other files stay', async () => {
    root = mkdtempSync(join(tmpdir(), 'tm-sweep-'));
    // A process that has exited: its pid is (for now) nobody's.
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const dead = runUploadFolder(root, gone);
    const mine = runUploadFolder(root);
    const parent = runUploadFolder(root, process.ppid);
    for (const folder of [dead, mine, parent]) {
      mkdirSync(join(folder, 'upload-x'), { recursive: true });
      writeFileSync(join(folder, 'upload-x', 'big.csv'), 'a,b\n');
    }
    writeFileSync(join(root, 'notes.txt'), 'not an upload folder');

    expect(await sweepStaleUploads(root)).toEqual([dead]);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(mine) && existsSync(parent) && existsSync(join(root, 'notes.txt'))).toBe(true);
  });

  it('does nothing when there is no uploads folder yet', async () => {
    root = mkdtempSync(join(tmpdir(), 'tm-sweep-'));
    expect(await sweepStaleUploads(join(root, 'uploads'))).toEqual([]);
  });
});
