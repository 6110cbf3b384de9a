/**
 * A background worker lowers its own thread's priority, not the app's: the engine's thread (here,
 * the test's) keeps its own. Read back from /proc, an independent view of the scheduler's state.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { BACKGROUND_NICE } from './backgroundPriority';

/** Field 19 of /proc/<pid>/task/<tid>/stat is the thread's nice value. */
function niceOf(statPath: string): number {
  const stat = readFileSync(statPath, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[16]);
}

const dir = mkdtempSync(join(tmpdir(), 'tm-priority-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(process.platform === 'linux')('a background worker thread', () => {
  it('runs BACKGROUND_NICE steps below the thread that started it, which keeps its priority', async () => {
    const entry = join(dir, 'entry.cjs');
    writeFileSync(
      entry,
      [
        `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register();`,
        `const { lowerThisThreadPriority } = require(${JSON.stringify(join(__dirname, 'backgroundPriority.ts'))});`,
        `const { parentPort } = require('node:worker_threads');`,
        `const lowered = lowerThisThreadPriority('test worker');`,
        `parentPort.postMessage({ lowered, stat: '/proc/' + require('node:fs').readlinkSync('/proc/thread-self') + '/stat' });`,
      ].join('\n'),
    );
    const before = niceOf('/proc/thread-self/stat');
    const worker = new Worker(entry);
    const reply = await new Promise<{ lowered: boolean; stat: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    const workerNice = niceOf(reply.stat);
    await worker.terminate();
    expect(reply.lowered).toBe(true);
    expect(workerNice).toBe(Math.min(19, before + BACKGROUND_NICE));
    expect(niceOf('/proc/thread-self/stat')).toBe(before);
  });
});
