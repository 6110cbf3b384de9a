/**
 * Another consumer joins the replay's consumer group on a real broker (as a colleague's script with
 * a copied group id would): the group rebalances, that consumer reads and commits some rows, then
 * leaves. The app keeps counting correctly, gets its partitions back, and finishes, saying how many
 * rows the other member took, instead of waiting for ever for rows no one will deliver again. The
 * other consumer's rows are counted by its own tags, not by the app.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReplayTag, REPLAY_TAG_HEADER } from '../bus/kafka/replayTag';
import { loadKafkajs } from '../bus/kafka/kafkajsModule';
import { engineOnKafka, SAMPLE_CSV, until } from './testing/engineOnKafka';
import { useKafkaForThisFile } from './testing/brokerPerFile';
import { kafkaTestsCanRun } from './testing/localKafkaBroker';

const NO_LIMITS = { durationSeconds: null, rows: null, loop: false } as const;
const FILE_ROWS = readFileSync(SAMPLE_CSV, 'utf8').trimEnd().split('\n').length - 1;

describe.runIf(kafkaTestsCanRun())('a second consumer in the replay\'s group', () => {
  const kafka = useKafkaForThisFile();

  it('shares the partitions for a while; the replay still finishes, every row read by one of the two, and names what the other took', async () => {
    const s = engineOnKafka();
    const { Kafka } = await loadKafkajs();
    const other = new Kafka({ clientId: 'colleague-script', brokers: kafka().brokers, logLevel: 0 });
    try {
      const profileId = await s.saveProfile(kafka().brokers);
      const topic = `shared-group-${Date.now()}`;
      await s.engine.handle('bus:select', { selection: { kind: 'kafka', profileId, topic, createTopic: true, startFrom: { kind: 'earliest' }, compression: 'none' } });
      await until(() => s.view()?.bus.state === 'connected', 60_000, 'the bus to connect');
      await s.engine.handle('file:openSample', {});
      await s.engine.handle('replay:start', { pace: { mode: 'rows', rowsPerSecond: 2500 }, limits: NO_LIMITS });
      await until(() => (s.view()?.replay.rowsConsumed ?? 0) > 2000, 60_000, 'rows to flow');

      // The same group id as the app's stages: the broker splits the partitions between the two.
      const groupId = s.engine.view(true).bus.groupId;
      const joined = other.consumer({ groupId, sessionTimeout: 6000, heartbeatInterval: 1000 });
      const seen = new Set<number>();
      await joined.connect();
      await joined.subscribe({ topics: [topic] });
      await joined.run({
        autoCommitThreshold: 1,
        eachMessage: async ({ message }) => {
          const tag = parseReplayTag(message.headers?.[REPLAY_TAG_HEADER]?.toString());
          if (tag) seen.add(tag.seq);
        },
      });
      await until(() => seen.size > 500, 60_000, 'the other consumer to read some rows');
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await joined.disconnect();

      await until(() => s.view()?.replay.state === 'finished', 120_000, 'the replay to finish');
      const view = s.engine.view(true);
      expect(view.replay.rowsAccepted).toBe(FILE_ROWS);
      const missing = view.replay.rowsAccepted - view.replay.rowsConsumed;
      expect(missing).toBeGreaterThan(0);
      // Each row the app did not show, the other consumer read: together they read the whole file.
      expect(seen.size).toBeGreaterThanOrEqual(missing);
      expect(view.replay.rowsConsumed + seen.size).toBeGreaterThanOrEqual(FILE_ROWS);
      expect(view.replay.message).toBe(`${missing} of this replay's rows are not in the panels: another consumer in group ${groupId}, which shares its partitions, read them.`);
      expect(view.bus.lostToRetention).toBe(0);
    } finally {
      s.dispose();
    }
  }, 240_000);
});
