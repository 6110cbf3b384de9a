/**
 * `npm run kafka:local [-- --port 9092] [--data-dir DIR] [--fresh]`: a local Apache Kafka without
 * Docker. Fetches the broker once with Maven (cached in .cache/kafka/), starts one KRaft node on
 * 127.0.0.1 and prints `bootstrap.servers=…` for the app's Kafka profile. Ctrl+C stops it cleanly.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureKafkaJars, KAFKA_CACHE, MissingToolError, requireJava } from './kafkaJars';
import { freePort, startKraftBroker, type KraftBroker } from './kraftBroker';

const say = (line: string): void => void process.stderr.write(`${line}\n`);

async function portOrFree(wanted: string | undefined): Promise<number> {
  if (wanted) return Number(wanted);
  // Kafka's usual port when it is free, so profiles saved earlier keep working; any other when not.
  const probe = await import('node:net');
  const free = await new Promise<boolean>((resolve) => {
    const server = probe.createServer();
    server.once('error', () => resolve(false));
    server.listen(9092, '127.0.0.1', () => server.close(() => resolve(true)));
  });
  return free ? 9092 : freePort();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, fresh: { type: 'boolean' }, 'heap-mb': { type: 'string' } },
  });
  requireJava();
  const jars = ensureKafkaJars(say);
  const dataDir = values['data-dir'] ?? join(KAFKA_CACHE, 'local');
  if (values.fresh) rmSync(dataDir, { recursive: true, force: true });
  const port = await portOrFree(values.port);
  say(`Starting Apache Kafka ${jars.version} (data in ${dataDir})…`);
  const started = Date.now();
  const broker: KraftBroker = await startKraftBroker({
    jars,
    dataDir,
    port,
    controllerPort: await freePort(),
    heapMb: values['heap-mb'] ? Number(values['heap-mb']) : 512,
    onLog: (line) => (/ (WARN|ERROR|FATAL) /.test(line) ? say(line) : undefined),
  });
  say(`Kafka is up after ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${broker.pid}). Ctrl+C stops it.`);
  process.stdout.write(`bootstrap.servers=${broker.bootstrap}\n`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    say('Stopping Kafka…');
    void broker.stop().then(() => {
      say('Kafka stopped.');
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await broker.exited;
  if (!stopping) {
    say('Kafka exited on its own; see the lines above for why.');
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  say(error instanceof MissingToolError ? error.message : `Could not start the local Kafka: ${(error as Error).message}`);
  process.exit(1);
});
