/**
 * Faults on the Kafka bus with a real Apache Kafka broker (one KRaft node started for this file):
 * a cluster that is not there at start, a broker started after the app, a broker killed with
 * SIGKILL mid-replay and started again on the same port and log directory, and a broker that stops
 * answering. The engine must say what is happening, stay usable, and end with counts that reconcile
 * against the file itself.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from './testing/closedPort';
import { engineOnKafka, SAMPLE_CSV, until as untilPlain, type EngineOnKafka } from './testing/engineOnKafka';
import { BROKER_HOOK_TIMEOUT_MS, externalBrokers, localKafkaAvailable, startLocalKafka, WHY_NO_KAFKA, type LocalKafkaBroker } from './testing/localKafkaBroker';

const NO_LIMITS = { durationSeconds: null, rows: null, loop: false } as const;
/** Data lines of the sample file, counted here rather than by the app's reader. */
const FILE_ROWS = readFileSync(SAMPLE_CSV, 'utf8').split('\n').filter((line) => line.trim() !== '').length - 1;
// Killing and restarting needs a broker of our own; an external cluster is not ours to kill.
const ownBroker = externalBrokers() === null && localKafkaAvailable();

describe('Kafka faults', () => {
  let subject: EngineOnKafka | null = null;

  /** Waits as `until` does; a timeout says what the app showed, for a failure on a loaded machine. */
  async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
    try {
      await untilPlain(check, timeoutMs, what);
    } catch (error) {
      const view = subject?.engine.view(true);
      const shown = view && { replay: [view.replay.state, view.replay.message, view.replay.rowsConsumed], bus: [view.bus.state, view.bus.message, view.bus.produced, view.bus.duplicates] };
      throw new Error(`${(error as Error).message}; the app showed ${JSON.stringify(shown)}`);
    }
  }

  afterEach(() => {
    subject?.dispose();
    subject = null;
  });

  it('an unreachable cluster at start: the bus says so and retries, the app stays usable, a replay waits and stops cleanly', async () => {
    subject = engineOnKafka();
    const profileId = await subject.saveProfile([`127.0.0.1:${await closedPort()}`], 'Nowhere');
    const started = Date.now();
    await subject.engine.handle('bus:select', {
      selection: { kind: 'kafka', profileId, topic: 'traffic.replay', createTopic: true, startFrom: { kind: 'latest' }, compression: 'none' },
    });
    expect(Date.now() - started).toBeLessThan(2000); // switching never waits for the cluster
    const s = subject;
    await until(() => s.view()?.bus.state === 'retrying', 60_000, 'the bus to report retrying');
    expect(s.view()?.bus.message).toMatch(/Cannot reach Nowhere.*Retrying in \d+ s/);
    expect(s.view()?.bus.retryInSeconds).toBeGreaterThanOrEqual(0);

    await s.engine.handle('file:openSample', {});
    await s.engine.handle('replay:start', { pace: { mode: 'fast' }, limits: NO_LIMITS });
    await until(() => /Waiting for the bus/.test(s.view()?.replay.message ?? ''), 60_000, 'the replay to say it waits for the bus');
    expect(s.view()?.replay.state).toBe('running');
    await s.engine.handle('replay:stop', {});
    const view = s.engine.view(true);
    expect(view.replay.state).toBe('stopped');
    expect(view.replay.rowsRead).toBe(0);
    expect(view.replay.rowsConsumed).toBe(0);
  }, 120_000);

  describe.runIf(ownBroker)('with a broker of our own', () => {
    let broker: LocalKafkaBroker;

    beforeAll(async () => {
      broker = await startLocalKafka();
    }, BROKER_HOOK_TIMEOUT_MS);

    afterAll(async () => {
      await broker?.stop();
    }, BROKER_HOOK_TIMEOUT_MS);

    async function selectKafka(s: EngineOnKafka, topic: string): Promise<void> {
      const profileId = await s.saveProfile(broker.brokers);
      await s.engine.handle('bus:select', {
        selection: { kind: 'kafka', profileId, topic, createTopic: true, startFrom: { kind: 'latest' }, compression: 'none' },
      });
    }

    function expectEveryRowOnce(s: EngineOnKafka): void {
      const view = s.engine.view(true);
      expect(view.replay.state).toBe('finished');
      expect(view.replay.rowsAccepted).toBe(FILE_ROWS);
      expect(view.bus.produced).toBe(FILE_ROWS);
      // Each row once in the stages: redeliveries are counted as duplicates, never added to the rows.
      expect(view.replay.rowsConsumed).toBe(FILE_ROWS);
      expect(view.bus.duplicates).toBeGreaterThanOrEqual(0);
      expect(view.bus.state).toBe('connected');
    }

    it('the broker killed (SIGKILL) mid-replay and started again on the same port and log directory: the outage shows, the replay resumes, every row of the file arrives once', async () => {
      subject = engineOnKafka();
      const s = subject;
      await selectKafka(s, `kill9-${Date.now()}`);
      await until(() => s.view()?.bus.state === 'connected', 30_000, 'the bus to connect');
      await s.engine.handle('file:openSample', {});
      await s.engine.handle('replay:start', { pace: { mode: 'rows', rowsPerSecond: 3000 }, limits: NO_LIMITS });
      await until(() => (s.view()?.replay.rowsConsumed ?? 0) > 2000, 30_000, 'rows to flow through Kafka');

      const pidBefore = broker.pid();
      await broker.kill();
      await until(() => /Producing paused/.test(s.view()?.replay.message ?? ''), 90_000, 'the replay to report that producing paused');
      expect(s.view()?.bus.state).toBe('retrying');
      const consumedDuringOutage = s.view()?.replay.rowsConsumed ?? 0;
      expect(consumedDuringOutage).toBeLessThan(FILE_ROWS);
      // Still answering commands while the broker is away.
      expect((await s.engine.handle('session:snapshot', {})).replay.state).toBe('running');

      await broker.restart();
      expect(broker.pid()).not.toBe(pidBefore);
      await until(() => s.view()?.replay.state === 'finished', 240_000, 'the replay to finish after the broker came back');
      await until(() => (s.view()?.replay.rowsConsumed ?? 0) >= FILE_ROWS, 30_000, 'the last rows to be consumed');
      expectEveryRowOnce(s);
      expect(s.engine.view(true).bus.produceRetries).toBeGreaterThan(0);
    }, 480_000);

    it('a broker started after the app: the bus retries until it answers, then a replay delivers every row once', async () => {
      // The broker is down when the app picks it, as when the app starts before the cluster does.
      await broker.kill();
      subject = engineOnKafka();
      const s = subject;
      await selectKafka(s, `late-${Date.now()}`);
      await until(() => s.view()?.bus.state === 'retrying', 60_000, 'the bus to report retrying');
      expect(s.view()?.bus.message).toMatch(/Cannot reach .*Retrying in \d+ s/);

      await broker.restart();
      await until(() => s.view()?.bus.state === 'connected', 90_000, 'the bus to connect once the broker is up');
      await s.engine.handle('file:openSample', {});
      await s.engine.handle('replay:start', { pace: { mode: 'fast' }, limits: NO_LIMITS });
      await until(() => s.view()?.replay.state === 'finished' || s.view()?.replay.state === 'failed', 240_000, 'the replay to finish');
      await until(() => (s.view()?.replay.rowsConsumed ?? 0) >= FILE_ROWS, 30_000, 'the last rows to be consumed');
      expectEveryRowOnce(s);
    }, 480_000);

    it('the cluster back on another address mid-replay: applying the edited profile reconnects the running replay, which goes on to deliver every row once (issue 19 #14)', async () => {
      subject = engineOnKafka();
      const s = subject;
      const profile = (brokers: string[], id?: string) => ({
        ...(id ? { id } : {}),
        name: 'Moving cluster',
        brokers,
        clientId: 'traffic-monitor-test',
        tls: { enabled: false, ca: null, cert: null, key: null, rejectUnauthorized: true },
        sasl: null,
      });
      const { id } = await s.engine.handle('kafkaProfile:save', { profile: profile(broker.brokers) });
      await s.engine.handle('bus:select', {
        selection: { kind: 'kafka', profileId: id, topic: `moved-${Date.now()}`, createTopic: true, startFrom: { kind: 'latest' }, compression: 'none' },
      });
      await until(() => s.view()?.bus.state === 'connected', 30_000, 'the bus to connect');
      await s.engine.handle('file:openSample', {});
      await s.engine.handle('replay:start', { pace: { mode: 'rows', rowsPerSecond: 3000 }, limits: NO_LIMITS });
      await until(() => (s.view()?.replay.rowsConsumed ?? 0) > 2000, 30_000, 'rows to flow through Kafka');

      const oldAddress = broker.brokers[0];
      await broker.restartOnNewPort();
      expect(broker.brokers[0]).not.toBe(oldAddress);
      await until(() => /Producing paused/.test(s.view()?.replay.message ?? ''), 90_000, 'the replay to report that producing paused');

      // The user puts the new address in the profile and saves it; nothing else.
      await s.engine.handle('kafkaProfile:save', { profile: profile(broker.brokers, id) });
      await until(() => s.view()?.replay.state === 'finished', 240_000, 'the replay to finish on the moved cluster');
      await until(() => (s.view()?.replay.rowsConsumed ?? 0) >= FILE_ROWS, 30_000, 'the last rows to be consumed');
      expectEveryRowOnce(s);
      expect(s.engine.view(true).bus.message).toContain('Connected to Moving cluster');
      expect(s.engine.view(true).replay.state).toBe('finished');
    }, 480_000);

    it('the broker unresponsive mid-replay (SIGSTOP) and back: the replay resumes and finishes with no row lost, redeliveries counted', async () => {
      subject = engineOnKafka();
      const s = subject;
      await selectKafka(s, `frozen-${Date.now()}`);
      await until(() => s.view()?.bus.state === 'connected', 30_000, 'the bus to connect');
      await s.engine.handle('file:openSample', {});
      await s.engine.handle('replay:start', { pace: { mode: 'rows', rowsPerSecond: 4000 }, limits: NO_LIMITS });
      await until(() => (s.view()?.replay.rowsConsumed ?? 0) > 2000, 30_000, 'rows to flow through Kafka');

      broker.freeze();
      try {
        await until(() => /Producing paused/.test(s.view()?.replay.message ?? ''), 120_000, 'the replay to report that producing paused');
        expect(s.view()?.bus.state).toBe('retrying');
      } finally {
        broker.thaw();
      }
      await until(() => s.view()?.replay.state === 'finished', 240_000, 'the replay to finish after the broker came back');
      await until(() => (s.view()?.replay.rowsConsumed ?? 0) >= FILE_ROWS, 30_000, 'the last rows to be consumed');
      expectEveryRowOnce(s);
      expect(s.engine.view(true).bus.produceRetries).toBeGreaterThan(0);
    }, 480_000);
  });

  if (!ownBroker) {
    it.skip(`faults of a broker of our own: ${externalBrokers() ? 'KAFKA_BROKERS names a cluster these tests must not kill' : WHY_NO_KAFKA}`, () => undefined);
  }
});
