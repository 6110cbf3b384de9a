/**
 * kcat (Debian's package, librdkafka) as a Kafka client no one here wrote: what a third-party
 * producer writes and a third-party consumer reads.
 */
import { spawn, spawnSync } from 'node:child_process';

export function kcatAvailable(): boolean {
  return spawnSync('kcat', ['-V'], { stdio: 'ignore' }).status === 0;
}

/** Writes each line as one message with kcat, as another program feeding the topic would. */
export function produceWithKcat(brokers: string[], topic: string, lines: readonly string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('kcat', ['-b', brokers.join(','), '-P', '-t', topic], { stdio: ['pipe', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`kcat -P exited ${String(code)}: ${errors}`))));
    child.stdin?.end(`${lines.join('\n')}\n`);
  });
}
