/**
 * The replay on the Kafka bus, end to end (CSV → the app's producer, @platformatic/kafka → a real
 * Apache Kafka broker → the app's kafkajs consumer group → threshold filter and feed), and two references measured in the same
 * run against the same cluster: `kcat` producing the file's raw lines (a C client, the ceiling) and
 * the app's producer alone (read, encode, produce; nothing consumes). The broker is one KRaft node
 * started here (scripts/kafka/kraftBroker.ts) and shares the machine's cores with the app; with
 * KAFKA_BROKERS set, the cluster named there is used instead.
 */
import { builtWorkerScripts } from '../electron/engine/workerScripts';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { TrafficRecord } from '../shared/records';
import { KafkaBus } from '../electron/engine/bus/kafka/kafkaBus';
import { RecordCodec } from '../electron/engine/bus/kafka/recordCodec';
import { Engine } from '../electron/engine/engine';
import { kafkaForTests } from '../electron/engine/kafka/testing/localKafkaBroker';
import { originalPipelinePython, runOriginalProducer } from './originalPipeline/originalProducer';
import { runSparkJob, sparkJobReady, type SparkJobRun } from './originalPipeline/sparkJob';
import { readCsvBatches } from '../electron/engine/source/csvBatchReader';
import { openSniffedFile } from '../electron/engine/source/openFile';
import { sniffCsv } from '../electron/engine/source/sniffCsv';

export interface KafkaMeasurement {
  rows: number;
  rowsPerSecond: number;
  passing: number;
  duplicates: number;
  /** Rows produced but not yet through the stages, sampled every 50 ms: the largest. */
  maxPipelineLag: number;
  /** The consumer group's lag as the Kafka panel shows it (committed offsets), the largest seen. */
  maxGroupLag: number;
  producerAloneRowsPerSecond: number;
  kcatRowsPerSecond: number;
  kcatRows: number;
  /** The same replay and producer with rows packed several to a message (Settings → Bus → Rows per message). */
  packed: PackedKafkaMeasurement;
  /** The original pipeline's producer (pandas + iterrows + confluent-kafka) on the same file and broker. */
  original: { rowsPerSecond: number; rows: number } | { skipped: string };
  /**
   * The topic the original producer filled, read start to end by the original pipeline's Spark
   * job (filter Total > 50 to the console) and by the app watching it (threshold Total > 50).
   */
  originalStreaming: SparkJobRun | { skipped: string };
  watching: WatchMeasurement | { skipped: string };
}

export interface WatchMeasurement {
  rows: number;
  passing: number;
  /** From asking to watch the topic: its first row in the feed, and every message read. */
  firstRowSeconds: number;
  seconds: number;
}

export interface PackedKafkaMeasurement {
  rowsPerMessage: number;
  rows: number;
  rowsPerSecond: number;
  passing: number;
  duplicates: number;
  maxPipelineLag: number;
  producerAloneRowsPerSecond: number;
}

/** What the packed measurement uses: the largest choice that still keeps a message small (≈ 6 KB of sample rows). */
export const BENCH_ROWS_PER_MESSAGE = 64;

const BATCH = 5000;

function kcatProduce(brokers: string[], topic: string, csvPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('kcat', ['-b', brokers.join(','), '-P', '-t', topic, '-X', 'linger.ms=5', '-l', csvPath], { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve((performance.now() - started) / 1000) : reject(new Error(`kcat -P failed: ${errors}`))));
  });
}

/** As in the app: the producer in its own thread (the built script; npm run bench builds first). */
const PRODUCER_WORKER = resolve(__dirname, '..', 'out', 'main', 'kafkaProducerWorker.js');

async function producerAlone(brokers: string[], csvPath: string, rowsPerMessage = 1): Promise<{ rows: number; seconds: number }> {
  const { sniffed, schema } = await openSniffedFile(await sniffCsv(csvPath), null);
  const codec = new RecordCodec();
  codec.useColumns(schema.columns, schema.time !== null);
  const bus = new KafkaBus<TrafficRecord>({ config: { clientId: 'bench-producer', brokers }, codec, rowsPerMessage, producerWorkerPath: PRODUCER_WORKER });
  const topic = `bench-producer-${Date.now()}`;
  await bus.createTopic(topic);
  const location = schema.columns.findIndex((column) => column.name === schema.location);
  let rows = 0;
  const started = performance.now();
  for await (const batch of readCsvBatches({ path: csvPath, dialect: sniffed.dialect, schema })) {
    for (let i = 0; i < batch.records.length; i += BATCH) {
      const slice = batch.records.slice(i, i + BATCH);
      await bus.produce(
        topic,
        slice.map((record) => ({ key: location >= 0 ? String(record.values[location]) : null, value: record, ...(record.time === null ? {} : { timestamp: record.time }) })),
      );
      rows += slice.length;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  await bus.close();
  return { rows, seconds };
}

async function endToEnd(brokers: string[], csvPath: string, rowsPerMessage = 1): Promise<Omit<KafkaMeasurement, 'producerAloneRowsPerSecond' | 'kcatRowsPerSecond' | 'kcatRows' | 'packed' | 'original' | 'originalStreaming' | 'watching'>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-kafka-'));
  const engine = new Engine({ sampleCsvPath: csvPath, dataDir, onViewUpdate: () => undefined, workerScripts: builtWorkerScripts(dirname(PRODUCER_WORKER)) });
  try {
    const profile = await engine.handle('kafkaProfile:save', {
      profile: { name: `Bench cluster ${rowsPerMessage}`, brokers, clientId: 'traffic-monitor-bench', tls: { enabled: false, ca: null, cert: null, key: null, rejectUnauthorized: true }, sasl: null },
    });
    await engine.handle('bus:select', {
      selection: { kind: 'kafka', profileId: profile.id, topic: `bench-replay-${Date.now()}`, createTopic: true, startFrom: { kind: 'latest' }, compression: 'none', rowsPerMessage },
    });
    await engine.handle('file:open', { path: csvPath });
    const deadline = Date.now() + 30_000;
    while (engine.view(false).bus.state !== 'connected') {
      if (Date.now() > deadline) throw new Error(`the Kafka bus did not connect: ${engine.view(false).bus.message ?? ''}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await engine.handle('threshold:set', { column: 'Total', operator: '>', value: 50 });
    let maxPipelineLag = 0;
    let maxGroupLag = 0;
    const started = performance.now();
    await engine.handle('replay:start', { pace: { mode: 'fast' }, limits: { durationSeconds: null, rows: null, loop: false } });
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      const view = engine.view(false);
      maxPipelineLag = Math.max(maxPipelineLag, view.replay.rowsAccepted - view.replay.rowsConsumed);
      maxGroupLag = Math.max(maxGroupLag, view.bus.maxLag);
      if (view.replay.state === 'failed') throw new Error(view.replay.message ?? 'the replay failed');
      if (view.replay.state === 'finished') break;
    }
    const seconds = (performance.now() - started) / 1000;
    const view = engine.view(true);
    return {
      rows: view.replay.rowsConsumed,
      rowsPerSecond: view.replay.rowsConsumed / seconds,
      passing: view.threshold.passing,
      duplicates: view.bus.duplicates,
      maxPipelineLag,
      maxGroupLag,
    };
  } finally {
    engine.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The app watching a topic other programs filled (monitor mode, from its first message, JSON), with
 * the threshold the original job applies: as the user would do it, from asking to watch the topic.
 */
async function watchTopic(brokers: string[], topic: string, rows: number, csvPath: string): Promise<WatchMeasurement> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-watch-'));
  const engine = new Engine({ sampleCsvPath: csvPath, dataDir, onViewUpdate: () => undefined, workerScripts: builtWorkerScripts(dirname(PRODUCER_WORKER)) });
  try {
    const profile = await engine.handle('kafkaProfile:save', {
      profile: { name: 'Bench cluster (watching)', brokers, clientId: 'traffic-monitor-bench', tls: { enabled: false, ca: null, cert: null, key: null, rejectUnauthorized: true }, sasl: null },
    });
    const started = performance.now();
    await engine.handle('monitor:start', { profileId: profile.id, topic, startFrom: { kind: 'earliest' }, format: 'json' });
    let firstRowSeconds: number | null = null;
    const deadline = Date.now() + 300_000;
    for (;;) {
      await new Promise((r) => setTimeout(r, 20));
      const view = engine.view(false);
      if (firstRowSeconds === null && view.replay.rowsRead > 0) {
        firstRowSeconds = (performance.now() - started) / 1000;
        // The columns are known from the first messages; the filter counts every row, those before it too.
        await engine.handle('threshold:set', { column: 'Total', operator: '>', value: 50 });
      }
      if (view.replay.rowsRead >= rows) break;
      if (Date.now() > deadline) throw new Error(`watching ${topic}: ${view.replay.rowsRead} of ${rows} rows after 5 minutes`);
    }
    const seconds = (performance.now() - started) / 1000;
    const view = engine.view(true);
    await engine.handle('monitor:stop', {});
    return { rows: view.replay.rowsRead, passing: view.threshold.passing, firstRowSeconds: firstRowSeconds ?? seconds, seconds };
  } finally {
    engine.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function measureKafka(csvPath: string): Promise<KafkaMeasurement> {
  // A larger heap than the tests' broker: a million rows go through it several times.
  const cluster = await kafkaForTests({ heapMb: 512 });
  const brokers = cluster.brokers;
  try {
    const kcatSeconds = await kcatProduce(brokers, `bench-kcat-${Date.now()}`, csvPath);
    const python = originalPipelinePython();
    const originalTopic = `bench-original-${Date.now()}`;
    const originalRun = 'python' in python ? runOriginalProducer(python.python, brokers.join(','), originalTopic, csvPath) : null;
    const original = originalRun ? { rows: originalRun.rows, rowsPerSecond: originalRun.rows / originalRun.seconds } : { skipped: 'skip' in python ? python.skip : '' };
    const noTopic = { skipped: "the original producer did not run, so there is no topic of its messages to read" };
    // BENCH_SPARK=0 leaves the Spark job out (its environment is half a gigabyte to make once).
    const sparkWanted = process.env['BENCH_SPARK'] !== '0';
    const spark = originalRun && sparkWanted ? sparkJobReady() : null;
    const originalStreaming = !sparkWanted ? { skipped: 'BENCH_SPARK=0' } : !originalRun || !spark ? noTopic : 'skip' in spark ? { skipped: spark.skip } : runSparkJob(spark, brokers.join(','), originalTopic, originalRun.rows);
    const watching = originalRun ? await watchTopic(brokers, originalTopic, originalRun.rows, csvPath) : noTopic;
    const alone = await producerAlone(brokers, csvPath);
    const e2e = await endToEnd(brokers, csvPath);
    const packedAlone = await producerAlone(brokers, csvPath, BENCH_ROWS_PER_MESSAGE);
    const packedE2e = await endToEnd(brokers, csvPath, BENCH_ROWS_PER_MESSAGE);
    const { rows, rowsPerSecond, passing, duplicates, maxPipelineLag } = packedE2e;
    return {
      ...e2e,
      producerAloneRowsPerSecond: alone.rows / alone.seconds,
      kcatRowsPerSecond: alone.rows / kcatSeconds,
      kcatRows: alone.rows,
      packed: { rowsPerMessage: BENCH_ROWS_PER_MESSAGE, rows, rowsPerSecond, passing, duplicates, maxPipelineLag, producerAloneRowsPerSecond: packedAlone.rows / packedAlone.seconds },
      original,
      originalStreaming,
      watching,
    };
  } finally {
    await cluster.stop();
  }
}
