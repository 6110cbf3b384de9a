/**
 * Runs one replay measurement in a fresh process, so each figure (peak memory above all) belongs
 * to that replay alone and not to whatever the benchmark did before it.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { ReplayMeasurement } from './measureReplay';

export function measureReplayInChildProcess(csvPath: string, root: string): Promise<ReplayMeasurement> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench', 'replayChild.ts'), csvPath], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      const last = output.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`replay measurement failed (exit ${code}): ${output}`));
      resolve(JSON.parse(last) as ReplayMeasurement);
    });
  });
}
