/**
 * Kafka end to end in a real browser: the settings point the app at a real Apache Kafka broker (one
 * KRaft node on 127.0.0.1, started for this file, or KAFKA_BROKERS), Replay produces the sample city into a topic and the feed fills
 * from what the app's consumer group reads back; monitor mode watches a topic another program
 * (kcat -P) filled.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { kcatAvailable, produceWithKcat } from '../electron/engine/kafka/testing/kcatClient';
import { kafkaForTests, kafkaTestsCanRun, WHY_NO_KAFKA, type TestCluster } from '../electron/engine/kafka/testing/localKafkaBroker';
import { expect, test } from './fixtures';
import type { TrafficMonitorPage } from './pages/trafficMonitorPage';
import { KafkaPanel } from './pages/kafkaPanel';
import { SettingsDialog } from './pages/settingsDialog';

const SAMPLE_ROWS = readFileSync(resolve(__dirname, '..', 'sample-data', 'traffic-sample.csv'), 'utf8').split('\n').filter((line) => line.trim() !== '').length - 1;

/** Points the app at the cluster through Settings, replays the sample city at full speed to its end, and returns the Kafka panel. */
async function replaySampleThroughKafka(app: TrafficMonitorPage, brokers: string[], options: { profileName: string; topic: string; rowsPerMessage?: number }): Promise<KafkaPanel> {
  const settings = new SettingsDialog(app.page);
  await settings.open();
  await settings.newProfile(options.profileName, brokers);
  await settings.save();
  await settings.useKafkaBus(options);
  if ((options.rowsPerMessage ?? 1) > 1) await expect(app.page.getByText('other consumers of the topic read JSON arrays of rows')).toBeVisible();
  await settings.close();

  const kafka = new KafkaPanel(app.page);
  await app.openSample();
  await kafka.waitForState('connected');
  await app.replay.start('max');
  await app.replay.waitForState('finished', 60_000);
  return kafka;
}

test.describe('Kafka in the browser', () => {
  let cluster: TestCluster | null = null;
  test.beforeAll(async () => {
    if (kafkaTestsCanRun()) cluster = await kafkaForTests();
  });
  test.afterAll(async () => {
    await cluster?.stop();
  });

  test('Replay on the Kafka bus: the feed fills through the topic and the counts reconcile', async ({ app }) => {
    test.skip(cluster === null, WHY_NO_KAFKA);
    const kafka = await replaySampleThroughKafka(app, cluster!.brokers, { profileName: 'Local', topic: `e2e-replay-${Date.now()}` });
    const counts = await app.replay.counts();
    expect(counts.read).toBeGreaterThan(20_000);
    expect(counts.read).toBe(counts.accepted + counts.rejected);
    await expect.poll(() => kafka.produced()).toBe(counts.accepted);
    await expect.poll(() => kafka.consumed()).toBe(counts.accepted);
    expect(await kafka.duplicates()).toBe(0);
    await expect(app.feed.rows.first()).toBeVisible();
    const lines = await app.feed.visibleLines();
    // Kafka keeps order per key (junction), not across partitions: the newest rows shown are from
    // the end of the file, in the order the partitions were read.
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(line).toBeGreaterThan(counts.read * 0.9);
    for (const line of lines) expect(line).toBeLessThanOrEqual(counts.read + 1);
    // The partitions hold every row, and the group has read them all.
    await expect.poll(async () => (await kafka.partitionRows()).reduce((sum, row) => sum + row.high - row.low, 0), { timeout: 10_000 }).toBe(counts.accepted);
    await expect.poll(() => kafka.maxLag(), { timeout: 10_000 }).toBe(0);
  });

  test('the broker killed (SIGKILL) mid-replay and started again on the same port and log directory: the page shows the outage, the replay resumes, every row is consumed once', async ({ app }) => {
    test.skip(!cluster?.local, cluster ? 'KAFKA_BROKERS names a cluster this test must not kill' : WHY_NO_KAFKA);
    test.setTimeout(420_000); // ends as soon as the replay has finished; the limit is for a loaded machine
    const broker = cluster!.local!;
    const settings = new SettingsDialog(app.page);
    await settings.open();
    await settings.newProfile('Local outage', broker.brokers);
    await settings.save();
    await settings.useKafkaBus({ profileName: 'Local outage', topic: `e2e-outage-${Date.now()}` });
    await settings.close();
    const kafka = new KafkaPanel(app.page);
    await app.openSample();
    await kafka.waitForState('connected');
    await app.replay.start(1000);
    await expect.poll(() => kafka.consumed(), { timeout: 30_000 }).toBeGreaterThan(1000);

    await broker.kill();
    // What the user sees: the bus badge and the replay's own line.
    await kafka.waitForState('retrying', 90_000);
    await expect(app.replay.message).toContainText('Producing paused', { timeout: 90_000 });
    await expect(app.replay.message).toContainText('no row is skipped');

    await broker.restart();
    await kafka.waitForState('connected', 120_000);
    await app.replay.choosePace('max');
    await app.replay.waitForState('finished', 240_000);
    const counts = await app.replay.counts();
    // The sample file's data lines, counted from the file rather than by the app.
    expect(counts.accepted).toBe(SAMPLE_ROWS);
    await expect.poll(() => kafka.consumed(), { timeout: 60_000 }).toBe(SAMPLE_ROWS);
    expect(await kafka.duplicates()).toBeGreaterThanOrEqual(0);
    await expect(app.page.getByText('Producing paused')).toHaveCount(0);
  });

  test('Replay with 64 rows of a junction per message: every row arrives once, in a small fraction of the messages', async ({ app }) => {
    test.skip(cluster === null, WHY_NO_KAFKA);
    const kafka = await replaySampleThroughKafka(app, cluster!.brokers, { profileName: 'Local packed', topic: `e2e-packed-${Date.now()}`, rowsPerMessage: 64 });
    const counts = await app.replay.counts();
    await expect.poll(() => kafka.consumed()).toBe(counts.accepted);
    expect(await kafka.duplicates()).toBe(0);
    await expect(app.feed.rows.first()).toBeVisible();
    const messages = async (): Promise<number> => (await kafka.partitionRows()).reduce((sum, row) => sum + row.high - row.low, 0);
    await expect.poll(messages, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await messages()).toBeLessThan(counts.accepted / 10);
  });

  test('Monitor mode shows the rows of a topic that kcat -P filled, and lists a malformed message by partition and offset', async ({ app }) => {
    test.skip(cluster === null, WHY_NO_KAFKA);
    test.skip(!kcatAvailable(), 'kcat is not installed (apt-get install kcat): no third-party producer');
    const topic = `e2e-sensors-${Date.now()}`;
    const rows = Array.from({ length: 40 }, (_, i) => JSON.stringify({ Time: `2026-10-01T08:${String(i).padStart(2, '0')}:00`, Sensor: `S${(i % 4) + 1}`, Count: 100 + i }));
    await produceWithKcat(cluster!.brokers, topic, [...rows.slice(0, 20), '{"Time": "2026-10-01T08:20:00", "Sensor": ', ...rows.slice(20)]);

    const settings = new SettingsDialog(app.page);
    await settings.open();
    await settings.newProfile('Local', cluster!.brokers);
    await settings.save();
    await settings.close();

    const kafka = new KafkaPanel(app.page);
    await kafka.openMonitorDialog();
    await kafka.startMonitor({ profileName: 'Local', topic, startFrom: 'earliest', format: 'auto' });
    await kafka.waitForMonitoring(topic);
    await expect(app.columnType('Count')).toHaveText('number');
    await expect(app.columnRole('Sensor')).toHaveText('location');
    await expect.poll(() => app.replay.counts().then((c) => c.accepted), { timeout: 20_000 }).toBe(40);
    expect((await app.replay.counts()).rejected).toBe(1);
    await expect(app.feed.rows.first()).toBeVisible();
    await expect.poll(() => kafka.malformed()).toBe(1);
    await expect(app.page.getByTestId('rejected-where').first()).toHaveText(/^partition \d, offset \d+$/);
    await kafka.stopMonitor();
  });
});
