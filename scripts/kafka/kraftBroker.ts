/**
 * One Apache Kafka node in KRaft mode (broker and controller in one JVM) on 127.0.0.1: writes its
 * config, formats the log directory once with Kafka's storage tool, starts `kafka.Kafka` with a
 * small heap and resolves when the broker says it has started. Used by `npm run kafka:local` and by
 * the tests' broker fixture. Only the JVM this module spawned is ever signalled, by its pid.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { KafkaJars } from './kafkaJars';

export interface KraftBrokerOptions {
  jars: KafkaJars;
  /** Holds the config and the log directory; reused as is when it was formatted before. */
  dataDir: string;
  /** Client port; a free one when left out. */
  port?: number;
  /** The controller's own port; a free one when left out. */
  controllerPort?: number;
  heapMb?: number;
  /** Extra server.properties lines (listeners for TLS/SASL, retention, …); they win over ours. */
  properties?: Record<string, string>;
  /** Extra arguments to the storage tool's format (e.g. `--add-scram` users). */
  formatArgs?: string[];
  /** Broker log lines at WARN and above (and the start line). */
  onLog?: (line: string) => void;
  readyTimeoutMs?: number;
}

export interface KraftBroker {
  port: number;
  controllerPort: number;
  bootstrap: string;
  pid: number;
  /** Controlled shutdown (SIGTERM), SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL: the broker dies as in a power cut; its log directory stays for a restart. */
  kill(): Promise<void>;
  /** Resolves when the JVM has exited, for whatever reason. */
  exited: Promise<void>;
}

const STARTED = /Kafka Server started/;
const LOG4J = `status = warn
appender.out.type = Console
appender.out.name = out
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d{HH:mm:ss,SSS}] %p %m (%c)%n
rootLogger.level = warn
rootLogger.appenderRef.out.ref = out
logger.started.name = kafka.server.KafkaRaftServer
logger.started.level = info
`;

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function serverProperties(options: KraftBrokerOptions, port: number, controllerPort: number, logDir: string): string {
  const lines: Record<string, string> = {
    'process.roles': 'broker,controller',
    'node.id': '1',
    'controller.quorum.voters': `1@127.0.0.1:${controllerPort}`,
    listeners: `PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_SSL:SASL_SSL,SASL_PLAINTEXT:SASL_PLAINTEXT',
    'log.dirs': logDir,
    // One node: every internal topic has one replica. One offsets partition loads at once, so a
    // group coordinator is ready a moment after start rather than after 50 partitions.
    'offsets.topic.replication.factor': '1',
    'offsets.topic.num.partitions': '1',
    'transaction.state.log.replication.factor': '1',
    'transaction.state.log.min.isr': '1',
    'transaction.state.log.num.partitions': '1',
    'share.coordinator.state.topic.replication.factor': '1',
    'share.coordinator.state.topic.min.isr': '1',
    'group.initial.rebalance.delay.ms': '0',
    'num.partitions': '1',
    'auto.create.topics.enable': 'true',
    ...options.properties,
  };
  return `${Object.entries(lines).map(([key, value]) => `${key}=${value}`).join('\n')}\n`;
}

/**
 * Kafka's cluster ids are 16 random bytes in unpadded base64url. One starting with "-" would be
 * read by the storage tool as an option (as Kafka's own Uuid.randomUuid avoids too).
 */
function clusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function javaArgs(options: KraftBrokerOptions, log4jPath: string): string[] {
  const heap = options.heapMb ?? 384;
  // SerialGC: one GC thread, since the broker shares two cores with the app and its tests.
  return [`-Xmx${heap}m`, `-Xms${Math.min(heap, 128)}m`, '-XX:+UseSerialGC', '-Djava.awt.headless=true', '-Dlog4j2.shutdownHookEnabled=false', `-Dlog4j2.configurationFile=${log4jPath}`, '-cp', options.jars.classPath];
}

function formatOnce(options: KraftBrokerOptions, configPath: string, logDir: string, log4jPath: string): void {
  if (existsSync(join(logDir, 'meta.properties'))) return;
  const result = spawnSync('java', [...javaArgs({ ...options, heapMb: 128 }, log4jPath), 'kafka.tools.StorageTool', 'format', '-t', clusterId(), '-c', configPath, '--ignore-formatted', ...(options.formatArgs ?? [])], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`Kafka's storage tool could not format ${logDir}: ${(result.stderr || result.stdout || String(result.error)).slice(-800)}`);
}

export async function startKraftBroker(options: KraftBrokerOptions): Promise<KraftBroker> {
  const fixedPorts = options.port !== undefined && options.controllerPort !== undefined;
  // A free port can be taken by someone else before the broker binds it; then try new ones.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options, options.port ?? (await freePort()), options.controllerPort ?? (await freePort()));
    } catch (error) {
      if (fixedPorts || attempt >= 3 || !(error instanceof PortInUseError)) throw error;
    }
  }
}

class PortInUseError extends Error {}

async function startOnce(options: KraftBrokerOptions, port: number, controllerPort: number): Promise<KraftBroker> {
  mkdirSync(options.dataDir, { recursive: true });
  const logDir = join(options.dataDir, 'log');
  const configPath = join(options.dataDir, 'server.properties');
  const log4jPath = join(options.dataDir, 'log4j2.properties');
  writeFileSync(configPath, serverProperties(options, port, controllerPort, logDir));
  writeFileSync(log4jPath, LOG4J);
  formatOnce(options, configPath, logDir, log4jPath);

  const child = spawn('java', [...javaArgs(options, log4jPath), 'kafka.Kafka', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  // A test or a script that dies without stopping its broker must not leave a JVM behind: on a
  // normal exit this handler kills it; a watchdog covers a parent killed outright (a test worker
  // torn down after a timeout), where no handler runs.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  if (child.pid !== undefined) watchParent(child.pid);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => process.off('exit', killOnExit));

  return new Promise<KraftBroker>((resolve, reject) => {
    let tail = '';
    let ready = false;
    const timeoutMs = options.readyTimeoutMs ?? 60_000;
    const timer = setTimeout(() => fail(new Error(`Kafka did not start within ${timeoutMs} ms on 127.0.0.1:${port}: ${tail.slice(-800)}`)), timeoutMs);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const onOutput = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      for (const line of text.split('\n')) if (line.trim()) options.onLog?.(line);
      if (ready) return;
      tail = (tail + text).slice(-4000);
      if (!STARTED.test(tail)) return;
      ready = true;
      clearTimeout(timer);
      resolve(handle(child, port, controllerPort, exited));
    };
    // Both pipes are read for the broker's whole life, or it blocks once a pipe is full.
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    child.on('error', (error) => fail(new Error(`java could not be started (${error.message})`)));
    child.on('exit', (code, signal) => {
      if (ready) return;
      const why = `Kafka exited (${signal ?? String(code)}) before it had started on 127.0.0.1:${port}: ${tail.slice(-1200)}`;
      fail(/Address already in use|BindException/.test(tail) ? new PortInUseError(why) : new Error(why));
    });
  });
}

/**
 * A detached shell that kills the JVM (by its pid) once this process is gone, and ends by itself
 * as soon as the JVM does.
 */
function watchParent(javaPid: number): void {
  const script = `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${javaPid} 2>/dev/null; do sleep 1; done; kill -0 ${process.pid} 2>/dev/null || kill -9 ${javaPid} 2>/dev/null`;
  const watchdog = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  watchdog.on('error', () => undefined); // without sh the exit handler above is all there is
  watchdog.unref();
}

function handle(child: ChildProcess, port: number, controllerPort: number, exited: Promise<void>): KraftBroker {
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  const signal = async (name: NodeJS.Signals): Promise<void> => {
    if (!alive()) return;
    child.kill(name);
    if (name === 'SIGKILL') child.kill('SIGCONT'); // a stopped process dies only once it runs again
    await exited;
  };
  return {
    port,
    controllerPort,
    bootstrap: `127.0.0.1:${port}`,
    pid: child.pid ?? -1,
    exited,
    kill: () => signal('SIGKILL'),
    stop: async (graceMs = 15_000) => {
      if (!alive()) return;
      const timer = setTimeout(() => void signal('SIGKILL'), graceMs);
      await signal('SIGTERM');
      clearTimeout(timer);
    },
  };
}
