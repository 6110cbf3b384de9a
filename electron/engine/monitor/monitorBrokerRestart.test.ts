/**
 * Watching a topic while its broker dies (SIGKILL) and comes back on the same port and log
 * directory: the page says the broker is unreachable while it is gone, watching resumes by itself,
 * and every message reaches the feed once, as an independent consumer (kcat) reads them.
 */
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineOnKafka, produceWithKcat, until, type EngineOnKafka } from '../kafka/testing/engineOnKafka';
import { consumeWithKcat, kcatAvailable } from '../kafka/testing/kcatClient';
import { BROKER_HOOK_TIMEOUT_MS, externalBrokers, localKafkaAvailable, startLocalKafka, type LocalKafkaBroker } from '../kafka/testing/localKafkaBroker';

// The broker is killed and restarted here, so it must be one of this file's own.
describe.runIf(kcatAvailable() && externalBrokers() === null && localKafkaAvailable())('Monitor mode across a broker restart', () => {
  let broker: LocalKafkaBroker | null = null;
  let subject: EngineOnKafka | null = null;

  beforeAll(async () => {
    broker = await startLocalKafka();
  }, BROKER_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    subject?.dispose();
    await broker?.stop();
  }, BROKER_HOOK_TIMEOUT_MS);

  const message = (i: number): string => `J0${i % 3}:${JSON.stringify({ Time: `2026-10-01T${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`, Total: i })}`;

  it('says the broker is unreachable while it is gone, then watches on with every message once', async () => {
    const local = broker as LocalKafkaBroker;
    const brokers = local.brokers;
    const topic = `monitor-restart-${Date.now()}`;
    const admin = new Kafka({ brokers, clientId: 'restart-test', logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true });
    await admin.disconnect();
    await produceWithKcat(brokers, topic, Array.from({ length: 30 }, (_, i) => message(i)), ['-K', ':']);

    subject = engineOnKafka();
    const s = subject;
    const profileId = await s.saveProfile(brokers);
    await s.engine.handle('monitor:start', { profileId, topic, startFrom: { kind: 'earliest' }, format: 'auto' });
    await until(() => (s.view()?.replay.rowsAccepted ?? 0) >= 30, 20_000, 'the first 30 messages');

    await local.kill();
    await until(() => /unreachable/i.test(s.view()?.bus.message ?? ''), 15_000, 'the Kafka panel to say the broker is unreachable');
    expect(s.engine.view(true).bus.monitoring).toBe(true);
    expect(s.engine.view(true).replay.message ?? '').toMatch(/unreachable/i);

    await local.restart();
    await produceWithKcat(brokers, topic, Array.from({ length: 30 }, (_, i) => message(30 + i)), ['-K', ':']);
    await until(() => (s.view()?.replay.rowsAccepted ?? 0) >= 60, 30_000, 'the 30 messages written after the restart');
    await until(() => !/unreachable/i.test(s.view()?.bus.message ?? ''), 10_000, 'the unreachable note to clear');
    // A moment more: a message read twice would arrive now.
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const view = s.engine.view(true);
    expect(view.replay.rowsAccepted).toBe(60);
    expect(view.replay.rowsRejected).toBe(0);
    expect(view.bus.consumed).toBe(60);
    expect(view.bus.state).toBe('connected');
    const byKcat = await consumeWithKcat(brokers, topic);
    const seen = view.feed.rows.map((row) => `${row.partition}:${row.offset}`).sort();
    expect(seen).toEqual(byKcat.map((m) => `${m.partition}:${m.offset}`).sort());
    expect(view.feed.rows.map((row) => Number(row.values[1])).sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    await s.engine.handle('monitor:stop', {});
  }, 55_000);
});
