/**
 * The whole pipeline on Kafka: the engine replays the sample city into a topic of a real Apache Kafka
 * broker (one KRaft node, started here for this file) and the stages consume it back through the app's
 * consumer group. With KAFKA_BROKERS set, the same runs against that cluster.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ViewUpdate } from '../../../shared/contract';
import { Engine } from '../engine';
import { consumeWithKcat, kcatAvailable } from './testing/kcatClient';
import { BROKER_HOOK_TIMEOUT_MS, kafkaForTests, kafkaTestsCanRun, WHY_NO_KAFKA, type TestCluster } from './testing/localKafkaBroker';

const SAMPLE = resolve(__dirname, '../../../sample-data/traffic-sample.csv');
const runnable = kafkaTestsCanRun();

/** `ms` as a file would write it: local date and time to the minute, `2026-12-07 15:45:00`. */
function localTimeText(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:00`;
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.runIf(runnable)('Replay through Kafka', () => {
  let cluster: TestCluster | null = null;
  let brokers: string[];
  let dataDir: string;
  let engine: Engine;
  let view: ViewUpdate | null = null;

  beforeAll(async () => {
    // Retention checked every second rather than every five minutes, so a test sees what a broker
    // left after its check without waiting for it.
    cluster = await kafkaForTests({ properties: { 'log.retention.check.interval.ms': '1000', 'log.initial.task.delay.ms': '0' } });
    brokers = cluster.brokers;
    dataDir = mkdtempSync(join(tmpdir(), 'kafka-replay-'));
    engine = new Engine({ sampleCsvPath: SAMPLE, dataDir, onViewUpdate: (update) => (view = update) });
  }, BROKER_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    engine.stop();
    await cluster?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, BROKER_HOOK_TIMEOUT_MS);

  async function useKafka(topic: string, rowsPerMessage = 1): Promise<void> {
    const profile = await engine.handle('kafkaProfile:save', {
      profile: { name: `Test cluster (${topic})`, brokers, clientId: 'traffic-monitor-test', tls: { enabled: false, ca: null, cert: null, key: null, rejectUnauthorized: true }, sasl: null },
    });
    await engine.handle('bus:select', {
      selection: { kind: 'kafka', profileId: profile.id, topic, createTopic: true, startFrom: { kind: 'latest' }, compression: 'none', rowsPerMessage },
    });
    await until(() => view?.bus.state === 'connected', 20_000, 'the bus to connect');
  }

  let replayedTopic: string | null = null;

  it('replays the sample city into a topic and the stages read every row back, with counts that reconcile', async () => {
    const topic = `replay-${Date.now()}`;
    await useKafka(topic);
    await engine.handle('file:openSample', {});
    await engine.handle('replay:start', { pace: { mode: 'fast' }, limits: { durationSeconds: null, rows: null, loop: false } });
    await until(() => view?.replay.state === 'finished' || view?.replay.state === 'failed', 60_000, 'the replay to finish');
    const final = engine.view(true);
    expect(final.replay.message).toBeNull();
    expect(final.replay.state).toBe('finished');
    expect(final.replay.totalExact).toBe(true);
    expect(final.replay.rowsAccepted).toBe(final.replay.totalRows);
    expect(final.replay.rowsAccepted).toBeGreaterThan(20_000);
    expect(final.replay.rowsConsumed).toBe(final.replay.rowsAccepted);
    expect(final.bus.produced).toBe(final.replay.rowsAccepted);
    expect(final.bus.duplicates).toBe(0);
    expect(final.feed.rows.length).toBeGreaterThan(0);
    // Every row is on the topic, keyed by junction over its partitions.
    await until(() => (view?.bus.partitions.reduce((sum, p) => sum + p.high, 0) ?? 0) >= final.replay.rowsAccepted, 10_000, 'the partition table');
    const partitions = engine.view(true).bus.partitions;
    expect(partitions.length).toBe(4);
    expect(partitions.reduce((sum, p) => sum + p.high - p.low, 0)).toBe(final.replay.rowsAccepted);
    replayedTopic = topic;
  }, 120_000);

  it.runIf(kcatAvailable())('kcat, a consumer no one here wrote, reads that topic as every line of the file: keyed by junction, a JSON object of the row, the replay tag header', async () => {
    if (!replayedTopic) throw new Error('needs the replay of the test before');
    // The file read here with a plain split (the sample has no quoted fields), not with the app's reader.
    const fileLines = readFileSync(SAMPLE, 'utf8').split('\n').filter((line) => line.trim() !== '');
    const header = (fileLines[0] as string).split(',');
    const byLine = new Map(fileLines.slice(1).map((line, i) => [i + 2, line.split(',')]));
    const messages = await consumeWithKcat(brokers, replayedTopic);
    expect(messages).toHaveLength(byLine.size);
    const seen = new Set<number>();
    const partitionOfKey = new Map<string, number>();
    let withOwnTime = 0;
    for (const message of messages) {
      const tag = /^[0-9a-f]+:(\d+):(\d+)$/.exec(message.headers['traffic-monitor'] ?? '');
      expect(tag, `headers of offset ${message.offset}`).not.toBeNull();
      const line = Number(tag![2]);
      const cells = byLine.get(line);
      expect(cells, `line ${line}`).toBeDefined();
      seen.add(line);
      const row = JSON.parse(message.payload ?? '') as Record<string, unknown>;
      expect(Object.keys(row)).toEqual(header);
      expect(message.key).toBe(cells![header.indexOf('Junction')]);
      expect(row['Junction']).toBe(cells![header.indexOf('Junction')]);
      expect(row['Total']).toBe(Number(cells![header.indexOf('Total')]));
      expect(row['Traffic Situation']).toBe(cells![header.indexOf('Traffic Situation')]);
      expect(message.ts).toBeGreaterThan(0);
      // A row far from now is stamped when it was sent, its own time in a header of the app's.
      const ownTime = message.headers['traffic-monitor-time'];
      if (ownTime !== undefined) {
        withOwnTime++;
        expect(Math.abs(message.ts - Number(ownTime))).toBeGreaterThan(600_000);
      }
      // One junction, one partition: its order is kept.
      const partition = partitionOfKey.get(message.key!) ?? message.partition;
      expect(message.partition).toBe(partition);
      partitionOfKey.set(message.key!, partition);
    }
    expect(seen.size).toBe(byLine.size);
    // The sample's month lies before today, so (but for its last hour, were that now) every row.
    expect(withOwnTime).toBeGreaterThan(messages.length * 0.95);
  }, 120_000);

  it('replays a file whose rows run days past now (Kafka 4 refuses messages stamped over an hour ahead): every row arrives with its own time', async () => {
    // Written here: 15-minute rows from an hour ago to five days ahead, three junctions.
    const start = Math.floor(Date.now() / 900_000) * 900_000 - 3_600_000;
    const rows = Array.from({ length: 500 }, (_, i) => `${localTimeText(start + i * 900_000)},J${i % 3},${10 + (i % 40)}`);
    const file = join(dataDir, 'ahead.csv');
    writeFileSync(file, `Time,Junction,Total\n${rows.join('\n')}\n`);
    await useKafka(`ahead-${Date.now()}`);
    await engine.handle('file:open', { path: file });
    await engine.handle('replay:start', { pace: { mode: 'fast' }, limits: { durationSeconds: null, rows: null, loop: false } });
    await until(() => view?.replay.state === 'finished' || view?.replay.state === 'failed', 60_000, 'the replay to finish');
    await until(() => (view?.replay.rowsConsumed ?? 0) >= rows.length, 20_000, 'every row to be consumed');
    const final = engine.view(true);
    expect(final.replay.message).toBeNull();
    expect(final.replay.rowsConsumed).toBe(rows.length);
    expect(final.bus.duplicates).toBe(0);
    // The rows keep their own times, days ahead, rather than the time they were sent.
    const times = final.feed.rows.map((row) => row.time ?? 0);
    expect(Math.max(...times)).toBe(start + (rows.length - 1) * 900_000);
  }, 120_000);

  it("replays a file from last month (a broker's retention counts from message timestamps): after the broker's retention check the topic still holds every row, and each row arrives with its own time", async () => {
    // Written here: 15-minute rows over ten days from forty days ago, three junctions. Stamped with
    // their own times, they rolled the log into segments a week apart, all past a week's retention.
    const start = Math.floor(Date.now() / 900_000) * 900_000 - 40 * 86_400_000;
    const rows = Array.from({ length: 960 }, (_, i) => `${localTimeText(start + i * 900_000)},J${i % 3},${10 + (i % 40)}`);
    const file = join(dataDir, 'last-month.csv');
    writeFileSync(file, `Time,Junction,Total\n${rows.join('\n')}\n`);
    await useKafka(`last-month-${Date.now()}`);
    await engine.handle('file:open', { path: file });
    await engine.handle('replay:start', { pace: { mode: 'fast' }, limits: { durationSeconds: null, rows: null, loop: false } });
    await until(() => view?.replay.state === 'finished' || view?.replay.state === 'failed', 60_000, 'the replay to finish');
    expect(engine.view(true).replay.rowsConsumed).toBe(rows.length);
    // Past two retention checks, the partitions still begin at offset 0 and hold every row.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await until(() => (view?.bus.partitions.reduce((sum, p) => sum + p.high, 0) ?? 0) >= rows.length, 10_000, 'the partition table');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const partitions = engine.view(true).bus.partitions;
    expect(partitions.map((p) => p.low)).toEqual(partitions.map(() => 0));
    expect(partitions.reduce((sum, p) => sum + p.high - p.low, 0)).toBe(rows.length);
    // The rows keep their own times, weeks ago, rather than the time they were sent.
    const times = engine.view(true).feed.rows.map((row) => row.time ?? 0);
    expect(Math.max(...times)).toBe(start + (rows.length - 1) * 900_000);
  }, 120_000);

  it('packs up to 32 rows of a junction into a message, and the stages still read every row once, with its own time', async () => {
    // The same file on the embedded bus first: what the threshold passes and the newest row's time.
    await engine.handle('bus:select', { selection: { kind: 'embedded' } });
    await engine.handle('file:openSample', {});
    await engine.handle('replay:start', { pace: { mode: 'fast' }, limits: { durationSeconds: null, rows: null, loop: false } });
    await until(() => view?.replay.state === 'finished', 60_000, 'the embedded replay to finish');
    const embedded = engine.view(true);

    await useKafka(`packed-${Date.now()}`, 32);
    await engine.handle('replay:start', { pace: { mode: 'fast' }, limits: { durationSeconds: null, rows: null, loop: false } });
    await until(() => view?.replay.state === 'finished' || view?.replay.state === 'failed', 60_000, 'the packed replay to finish');
    const packed = engine.view(true);
    expect(packed.replay.message).toBeNull();
    expect(packed.replay.rowsAccepted).toBe(embedded.replay.rowsAccepted);
    expect(packed.replay.rowsConsumed).toBe(packed.replay.rowsAccepted);
    expect(packed.bus.duplicates).toBe(0);
    expect(packed.threshold.passing).toBe(embedded.threshold.passing);
    // Each row keeps its own source line and event time (from the packed header), not its message's.
    const timeByLine = new Map(embedded.feed.rows.map((row) => [row.line, row.time]));
    const common = packed.feed.rows.filter((row) => timeByLine.has(row.line));
    expect(common.length).toBeGreaterThan(10);
    for (const row of common) expect(row.time, `line ${row.line}`).toBe(timeByLine.get(row.line));
    expect(new Set(common.map((row) => row.time)).size).toBeGreaterThan(1);
    // Far fewer messages than rows on the topic: at least one per junction and batch, at most 32 rows each.
    // The partition table refreshes on its own schedule: wait for it to show the whole topic (a
    // loaded machine read it between refreshes, one batch short), then judge the counts.
    const onTopic = (): number => engine.view(true).bus.partitions.reduce((sum, p) => sum + p.high - p.low, 0);
    await until(() => onTopic() >= Math.ceil(packed.replay.rowsAccepted / 32), 10_000, 'the partition table to show every message').catch(() => undefined);
    const messages = onTopic();
    expect(messages).toBeGreaterThanOrEqual(Math.ceil(packed.replay.rowsAccepted / 32));
    expect(messages).toBeLessThan(packed.replay.rowsAccepted / 8);
  }, 120_000);
});

if (!runnable) {
  describe('Replay through Kafka', () => {
    it.skip(WHY_NO_KAFKA, () => undefined);
  });
}
