/**
 * A real Apache Kafka broker for a test file or suite: one KRaft node (scripts/kafka/kraftBroker.ts)
 * in a temporary log directory on a free 127.0.0.1 port, or a given port and directory for restart
 * tests. It is stopped by its own pid only. With KAFKA_BROKERS set, `kafkaForTests` hands out that
 * cluster instead and starts nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureKafkaJars, type KafkaJars } from '../../../../scripts/kafka/kafkaJars';
import { startKraftBroker, type KraftBroker } from '../../../../scripts/kafka/kraftBroker';

export interface LocalKafkaOptions {
  /** Reuse this log directory (kept on stop); a fresh temporary one when left out (removed on stop). */
  dataDir?: string;
  port?: number;
  controllerPort?: number;
  heapMb?: number;
  properties?: Record<string, string>;
  formatArgs?: string[];
}

export interface LocalKafkaBroker {
  brokers: string[];
  port: number;
  dataDir: string;
  /** The JVM's pid while it runs. */
  pid(): number;
  /** The cluster id the storage tool wrote into the log directory: what the broker tells clients. */
  clusterId(): string;
  /** Milliseconds from spawning the JVM to "Kafka Server started" on the latest start. */
  startMs(): number;
  /** Controlled shutdown; removes the log directory when the fixture made it. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash or a power cut; the log directory stays for `restart`. */
  kill(): Promise<void>;
  /** Starts the broker again on the same ports and log directory. */
  restart(): Promise<void>;
  /** Starts it again with the same log directory on another client port: the cluster moved. */
  restartOnNewPort(): Promise<void>;
  /** SIGSTOP: connections stay open but nothing answers, as behind a network partition. */
  freeze(): void;
  thaw(): void;
}

let jars: KafkaJars | null = null;

/** Brokers of a cluster the tests should use instead of starting their own, from KAFKA_BROKERS. */
export function externalBrokers(): string[] | null {
  const value = process.env['KAFKA_BROKERS'];
  return value ? value.split(',').map((broker) => broker.trim()).filter(Boolean) : null;
}

/** Java is there, and the Kafka jars are cached or Maven can fetch them. */
export function localKafkaAvailable(): boolean {
  if (spawnSync('java', ['-version'], { stdio: 'ignore' }).status !== 0) return false;
  try {
    jars ??= ensureKafkaJars();
    return true;
  } catch {
    return false;
  }
}

/**
 * For the hooks that start and stop a broker: a JVM start takes 3 – 6 s alone and several times that
 * when other test files start theirs on the same two cores; vitest's default of 10 s is too short.
 */
export const BROKER_HOOK_TIMEOUT_MS = 120_000;

export const WHY_NO_KAFKA = 'needs Java 17 and the Kafka jars (npx tsx scripts/kafka/kafkaJars.ts fetches them with Maven), or KAFKA_BROKERS';

export async function startLocalKafka(options: LocalKafkaOptions = {}): Promise<LocalKafkaBroker> {
  jars ??= ensureKafkaJars();
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kafka-test-'));
  const launch = async (port?: number, controllerPort?: number): Promise<{ broker: KraftBroker; ms: number }> => {
    const started = Date.now();
    const broker = await startKraftBroker({ jars: jars as KafkaJars, dataDir, port, controllerPort, heapMb: options.heapMb ?? 256, properties: options.properties, formatArgs: options.formatArgs });
    return { broker, ms: Date.now() - started };
  };
  let current = await launch(options.port, options.controllerPort);
  const { controllerPort } = current.broker;
  return {
    get brokers() {
      return [`127.0.0.1:${current.broker.port}`];
    },
    get port() {
      return current.broker.port;
    },
    dataDir,
    pid: () => current.broker.pid,
    startMs: () => current.ms,
    clusterId: () => /^cluster\.id=(.+)$/m.exec(readFileSync(join(dataDir, 'log', 'meta.properties'), 'utf8'))?.[1]?.trim() ?? '',
    stop: async () => {
      await current.broker.stop();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
    kill: () => current.broker.kill(),
    restart: async () => {
      await current.broker.kill();
      current = await launch(current.broker.port, controllerPort);
    },
    restartOnNewPort: async () => {
      await current.broker.kill();
      current = await launch(undefined, controllerPort);
    },
    freeze: () => process.kill(current.broker.pid, 'SIGSTOP'),
    thaw: () => process.kill(current.broker.pid, 'SIGCONT'),
  };
}

export interface TestCluster {
  brokers: string[];
  /** The local broker, null when the tests run against KAFKA_BROKERS. */
  local: LocalKafkaBroker | null;
  stop(): Promise<void>;
}

/** KAFKA_BROKERS's cluster, or a local broker of this test file's own. */
export async function kafkaForTests(options: LocalKafkaOptions = {}): Promise<TestCluster> {
  const external = externalBrokers();
  if (external) return { brokers: external, local: null, stop: async () => undefined };
  const local = await startLocalKafka(options);
  return { brokers: local.brokers, local, stop: () => local.stop() };
}

export function kafkaTestsCanRun(): boolean {
  return externalBrokers() !== null || localKafkaAvailable();
}
