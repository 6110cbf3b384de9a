/**
 * Faults on the Kafka bus: a cluster that is not there at start, and a cluster lost in the middle
 * of a replay (the mock cluster's process killed). The engine must say what is happening, stay
 * usable, and end with counts that reconcile.
 */
import { closedPort } from './testing/closedPort';
import { afterEach, describe, expect, it } from 'vitest';
import { engineOnKafka, until, type EngineOnKafka } from './testing/engineOnKafka';
import { kcatAvailable, startMockCluster, type MockCluster } from './testing/kcatMockCluster';

const NO_LIMITS = { durationSeconds: null, rows: null, loop: false } as const;


describe('Kafka faults', () => {
  let subject: EngineOnKafka | null = null;
  let cluster: MockCluster | null = null;

  afterEach(async () => {
    subject?.dispose();
    await cluster?.stop();
    subject = null;
    cluster = null;
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

  it.runIf(kcatAvailable())('the cluster lost mid-replay: producing pauses and says so, the engine keeps answering, stop ends with exact counts', async () => {
    cluster = await startMockCluster();
    subject = engineOnKafka();
    const s = subject;
    const profileId = await s.saveProfile(cluster.brokers);
    await s.engine.handle('bus:select', {
      selection: { kind: 'kafka', profileId, topic: `faults-${Date.now()}`, createTopic: true, startFrom: { kind: 'latest' }, compression: 'none' },
    });
    await until(() => s.view()?.bus.state === 'connected', 30_000, 'the bus to connect');
    await s.engine.handle('file:openSample', {});
    await s.engine.handle('replay:start', { pace: { mode: 'rows', rowsPerSecond: 2000 }, limits: NO_LIMITS });
    await until(() => (s.view()?.replay.rowsConsumed ?? 0) > 1000, 30_000, 'rows to flow through Kafka');

    await cluster.stop();
    cluster = null;
    await until(() => /Producing paused/.test(s.view()?.replay.message ?? ''), 90_000, 'the replay to report that producing paused');
    expect(s.view()?.bus.state).toBe('retrying');
    expect(s.view()?.bus.produceRetries).toBeGreaterThan(0);
    // Still answering commands while the bus is away.
    const snapshot = await s.engine.handle('session:snapshot', {});
    expect(snapshot.replay.state).toBe('running');

    await s.engine.handle('replay:stop', {});
    const view = s.engine.view(true);
    expect(view.replay.state).toBe('stopped');
    expect(view.replay.rowsRead).toBe(view.replay.rowsAccepted + view.replay.rowsRejected);
    expect(view.bus.produced).toBe(view.replay.rowsAccepted);
    expect(view.replay.rowsConsumed).toBeLessThanOrEqual(view.replay.rowsAccepted);
    expect(view.replay.rowsConsumed).toBeGreaterThan(1000);
  }, 180_000);

  it.runIf(kcatAvailable())('the cluster unresponsive mid-replay and back: the replay resumes and finishes with no row lost, redeliveries counted', async () => {
    cluster = await startMockCluster();
    subject = engineOnKafka();
    const s = subject;
    const c = cluster;
    const profileId = await s.saveProfile(c.brokers);
    await s.engine.handle('bus:select', {
      selection: { kind: 'kafka', profileId, topic: `partition-${Date.now()}`, createTopic: true, startFrom: { kind: 'latest' }, compression: 'none' },
    });
    await until(() => s.view()?.bus.state === 'connected', 30_000, 'the bus to connect');
    await s.engine.handle('file:openSample', {});
    await s.engine.handle('replay:start', { pace: { mode: 'rows', rowsPerSecond: 4000 }, limits: NO_LIMITS });
    await until(() => (s.view()?.replay.rowsConsumed ?? 0) > 2000, 30_000, 'rows to flow through Kafka');

    c.freeze();
    try {
      await until(() => /Producing paused/.test(s.view()?.replay.message ?? ''), 120_000, 'the replay to report that producing paused');
      expect(s.view()?.bus.state).toBe('retrying');
    } finally {
      c.thaw();
    }
    await until(() => s.view()?.replay.state === 'finished', 120_000, 'the replay to finish after the cluster came back');
    const view = s.engine.view(true);
    expect(view.replay.totalExact).toBe(true);
    expect(view.replay.rowsAccepted).toBe(view.replay.totalRows);
    expect(view.replay.rowsConsumed).toBe(view.replay.rowsAccepted); // every row, each once in the stages
    expect(view.bus.produced).toBe(view.replay.rowsAccepted);
    expect(view.bus.produceRetries).toBeGreaterThan(0);
    expect(view.bus.duplicates).toBeGreaterThanOrEqual(0); // counted (shown in the Kafka panel), never added to the rows
    expect(view.bus.state).toBe('connected');
  }, 300_000);
});
