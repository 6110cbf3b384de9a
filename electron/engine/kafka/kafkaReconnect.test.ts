/**
 * The Kafka bus reconnected under a running replay: saving the profile the bus uses (as a user does
 * after the cluster moved) or selecting the same bus again makes a new connection, and the replay
 * carries on over it instead of stopping. Every row of the file reaches the stages once: the count
 * is checked against the file's own lines, rows delivered twice are counted as duplicates.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { BusSelection } from '../../../shared/kafka/busContract';
import { engineOnKafka, SAMPLE_CSV, until, type EngineOnKafka } from './testing/engineOnKafka';
import { useKafkaForThisFile } from './testing/brokerPerFile';
import { kafkaTestsCanRun } from './testing/localKafkaBroker';

const NO_LIMITS = { durationSeconds: null, rows: null, loop: false } as const;
/** The sample's data lines, counted from the file itself (it has no quoted line breaks). */
const FILE_ROWS = readFileSync(SAMPLE_CSV, 'utf8').trimEnd().split('\n').length - 1;

describe.runIf(kafkaTestsCanRun())('Kafka bus reconnected during a replay', () => {
  let subject: EngineOnKafka | null = null;
  const kafka = useKafkaForThisFile();

  afterEach(() => {
    subject?.dispose();
    subject = null;
  });

  async function replaying(): Promise<{ s: EngineOnKafka; profileId: string; brokers: string[]; selection: BusSelection }> {
    const { brokers } = kafka();
    subject = engineOnKafka();
    const s = subject;
    const profileId = await s.saveProfile(brokers);
    const selection: BusSelection = { kind: 'kafka', profileId, topic: `reconnect-${Date.now()}`, createTopic: true, startFrom: { kind: 'latest' }, compression: 'none' };
    await s.engine.handle('bus:select', { selection });
    await until(() => s.view()?.bus.state === 'connected', 30_000, 'the bus to connect');
    await s.engine.handle('file:openSample', {});
    await s.engine.handle('replay:start', { pace: { mode: 'rows', rowsPerSecond: 4000 }, limits: NO_LIMITS });
    await until(() => (s.view()?.replay.rowsConsumed ?? 0) > 2000, 60_000, 'rows to flow through Kafka');
    return { s, profileId, brokers, selection };
  }

  async function finishesWithEveryRowOnce(s: EngineOnKafka): Promise<void> {
    const states = new Set<string>();
    await until(
      () => {
        states.add(s.view()?.replay.state ?? 'none');
        return s.view()?.replay.state === 'finished';
      },
      120_000,
      'the replay to finish',
    ).catch((error: unknown) => {
      const v = s.engine.view(true);
      console.error('the view when the wait timed out:', JSON.stringify({ replay: { ...v.replay }, bus: { ...v.bus } }));
      throw error;
    });
    expect(states.has('stopped')).toBe(false);
    const view = s.engine.view(true);
    expect(view.replay.rowsRead).toBe(FILE_ROWS);
    expect(view.replay.rowsAccepted + view.replay.rowsRejected).toBe(FILE_ROWS);
    expect(view.replay.rowsConsumed).toBe(view.replay.rowsAccepted);
    expect(view.bus.consumed).toBe(view.replay.rowsAccepted);
    expect(view.bus.state).toBe('connected');
  }

  it('saving the profile the bus uses reconnects it, and the replay carries on to the end with every row once', async () => {
    const { s, profileId, brokers } = await replaying();
    const before = s.engine.view(true).replay.rowsAccepted;
    await s.engine.handle('kafkaProfile:save', {
      profile: { id: profileId, name: 'Test cluster (moved)', brokers, clientId: 'traffic-monitor-moved', tls: { enabled: false, ca: null, cert: null, key: null, rejectUnauthorized: true }, sasl: null },
    });
    const after = s.engine.view(true);
    expect(after.bus.profileName).toBe('Test cluster (moved)');
    expect(after.replay.state).toBe('running');
    expect(after.replay.rowsAccepted).toBeGreaterThanOrEqual(before);
    await finishesWithEveryRowOnce(s);
  }, 180_000);

  it('selecting the same bus again keeps the replay going instead of throwing its position away', async () => {
    const { s, selection } = await replaying();
    await s.engine.handle('bus:select', { selection });
    expect(s.engine.view(true).replay.state).toBe('running');
    await finishesWithEveryRowOnce(s);
  }, 180_000);
});
