/**
 * kcat (Debian's package, librdkafka) as a Kafka client no one here wrote: what a third-party
 * producer writes and a third-party consumer reads.
 */
import { spawn, spawnSync } from 'node:child_process';

export function kcatAvailable(): boolean {
  return spawnSync('kcat', ['-V'], { stdio: 'ignore' }).status === 0;
}

/** Writes each line as one message with kcat, as another program feeding the topic would; `options` are kcat's own (`-K :` for keys). */
export function produceWithKcat(brokers: string[], topic: string, lines: readonly string[], options: readonly string[] = []): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('kcat', ['-b', brokers.join(','), '-P', '-t', topic, ...options], { stdio: ['pipe', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`kcat -P exited ${String(code)}: ${errors}`))));
    child.stdin?.end(`${lines.join('\n')}\n`);
  });
}

/** One message as `kcat -C -J` prints it: librdkafka's view, not kafkajs's. */
export interface KcatMessage {
  partition: number;
  offset: number;
  /** Milliseconds, as stamped by the producer (CreateTime). */
  ts: number;
  key: string | null;
  payload: string | null;
  /** Header names and values as kcat pairs them. */
  headers: Record<string, string>;
}

interface KcatJson {
  partition: number;
  offset: number;
  ts: number;
  key: string | null;
  payload: string | null;
  headers?: string[];
}

/** Reads a topic from its start to its current end with kcat, and exits. */
export function consumeWithKcat(brokers: string[], topic: string, timeoutMs = 60_000): Promise<KcatMessage[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('kcat', ['-b', brokers.join(','), '-C', '-t', topic, '-o', 'beginning', '-e', '-J', '-q'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let errors = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`kcat -C exited ${signal ?? String(code)}: ${errors.slice(-500)}`));
      const lines = Buffer.concat(out).toString('utf8').split('\n').filter((line) => line.trim() !== '');
      resolvePromise(
        lines.map((line) => {
          const message = JSON.parse(line) as KcatJson;
          const headers: Record<string, string> = {};
          const pairs = message.headers ?? [];
          for (let i = 0; i + 1 < pairs.length; i += 2) headers[pairs[i] as string] = pairs[i + 1] as string;
          return { partition: message.partition, offset: message.offset, ts: message.ts, key: message.key, payload: message.payload, headers };
        }),
      );
    });
  });
}
