/**
 * librdkafka's mock cluster, served by the `kcat` tool, for tests and the bench: a real Kafka
 * protocol endpoint on 127.0.0.1 with no JVM. kcat runs as a consumer of a dummy topic with the mock
 * enabled and prints the mock's bootstrap address in its debug log; it serves until killed.
 *
 * Known limits of the mock (librdkafka 2.0): it names broker 0 as the controller although its
 * brokers are 1..n, so kafkajs cannot run admin CreateTopics or initialise an idempotent producer
 * against it; topics are auto-created with 4 partitions; each partition keeps only its newest
 * messages (tens of thousands).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

export interface MockCluster {
  brokers: string[];
  /** Kills kcat; every connection to the cluster drops. */
  stop(): Promise<void>;
  /**
   * Freezes the cluster (SIGSTOP): connections stay open but nothing answers, as a broker behind a
   * network partition. `thaw` lets it answer again, queued requests included.
   */
  freeze(): void;
  thaw(): void;
}

const BOOTSTRAP_PATTERN = /bootstrap\.servers=(127\.0\.0\.1:\d+(?:,127\.0\.0\.1:\d+)*)/;

export function kcatAvailable(): boolean {
  return spawnSync('kcat', ['-V'], { stdio: 'ignore' }).status === 0;
}

/** Brokers of a real cluster the tests should use instead of the mock, from KAFKA_BROKERS. */
export function externalBrokers(): string[] | null {
  const value = process.env['KAFKA_BROKERS'];
  return value ? value.split(',').map((broker) => broker.trim()).filter(Boolean) : null;
}

export function startMockCluster(options: { brokers?: number; timeoutMs?: number } = {}): Promise<MockCluster> {
  const child = spawn('kcat', ['-b', 'localhost:1', '-X', `test.mock.num.brokers=${options.brokers ?? 3}`, '-C', '-t', 'keepalive', '-d', 'mock', '-E'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // A test or bench that dies without stopping the cluster must not leave kcat running.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  return new Promise((resolve, reject) => {
    let log = '';
    let found = false;
    const timer = setTimeout(() => fail(new Error(`kcat printed no mock bootstrap address within ${options.timeoutMs ?? 10_000} ms`)), options.timeoutMs ?? 10_000);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.on('error', (error) => fail(new Error(`kcat could not start (${error.message}); install the Debian package kcat`)));
    child.on('exit', (code) => {
      if (!found) fail(new Error(`kcat exited (${String(code)}) before the mock cluster was up: ${log.slice(-500)}`));
    });
    // The debug log never stops; it must keep being read or kcat blocks on a full pipe.
    child.stderr?.on('data', (chunk: Buffer) => {
      if (found) return;
      log += chunk.toString('utf8');
      const match = BOOTSTRAP_PATTERN.exec(log);
      if (!match?.[1]) return;
      found = true;
      log = '';
      clearTimeout(timer);
      resolve({
        brokers: match[1].split(','),
        stop: () => stopChild(child),
        freeze: () => child.kill('SIGSTOP'),
        thaw: () => child.kill('SIGCONT'),
      });
    });
  });
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

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
    child.kill('SIGCONT'); // a frozen process dies only once it runs again
  });
}
