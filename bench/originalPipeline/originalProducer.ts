/**
 * Runs the original pipeline's producer (producer.py: pandas read_csv + iterrows + one JSON message
 * per row through confluent-kafka) in a virtual environment the bench makes once in bench/tmp/, with
 * both packages from PyPI. Null with a reason where Python or the packages cannot be had.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const VENV = resolve(__dirname, '..', 'tmp', 'original-pipeline-venv');
/**
 * The libraries' major versions as the tutorial ran them (pandas 2, confluent-kafka 2), so the
 * reference does not move with a new major release of either.
 */
const ORIGINAL_REQUIREMENTS = ['pandas>=2,<3', 'confluent-kafka>=2,<3'];
const PYTHON = join(VENV, 'bin', 'python');
const SCRIPT = join(__dirname, 'producer.py');

export interface OriginalProducerRun {
  rows: number;
  seconds: number;
}

/** The venv's python, made and filled on first use; or why it could not be. */
export function originalPipelinePython(): { python: string } | { skip: string } {
  if (existsSync(PYTHON) && spawnSync(PYTHON, ['-c', `import pandas, confluent_kafka; assert pandas.__version__.startswith('2.')`], { stdio: 'ignore' }).status === 0) return { python: PYTHON };
  const venv = spawnSync('python3', ['-m', 'venv', VENV], { encoding: 'utf8' });
  if (venv.status !== 0) return { skip: `python3 -m venv failed (${(venv.stderr || String(venv.error)).trim().slice(0, 200)}); on Debian: apt-get install python3-venv` };
  const pip = spawnSync(join(VENV, 'bin', 'pip'), ['install', '-q', ...ORIGINAL_REQUIREMENTS], { encoding: 'utf8' });
  if (pip.status !== 0) return { skip: `pip could not install pandas and confluent-kafka: ${(pip.stderr || '').trim().slice(-300)}` };
  return { python: PYTHON };
}

export function runOriginalProducer(python: string, bootstrap: string, topic: string, csvPath: string): OriginalProducerRun {
  const run = spawnSync(python, [SCRIPT, bootstrap, topic, csvPath], { encoding: 'utf8', maxBuffer: 1024 * 1024 });
  if (run.status !== 0) throw new Error(`the original pipeline's producer failed: ${(run.stderr || String(run.error)).slice(-500)}`);
  const last = run.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as OriginalProducerRun;
}
