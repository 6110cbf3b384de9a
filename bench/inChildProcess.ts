/**
 * Runs one measurement in a fresh process, so each figure (peak memory above all) belongs to that
 * measurement alone and not to whatever the benchmark did before it.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export type MeasurementKind = 'replay' | 'replay-sql' | 'replay-no-analysis' | 'replay-sql-no-analysis' | 'replay-everything' | 'parse' | 'pacing' | 'kafka' | 'sql' | 'predict' | 'graph-fps' | 'windows';

/** `more`: further paths the measurement reads (graph-fps: the road network file). */
export function measureInChildProcess<T>(kind: MeasurementKind, csvPath: string, root: string, more: readonly string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench', 'measurementChild.ts'), kind, csvPath, ...more], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      const last = output.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`${kind} measurement failed (exit ${code}): ${output}`));
      resolve(JSON.parse(last) as T);
    });
  });
}
