/**
 * Monitor mode against a real Apache Kafka broker (started here, or KAFKA_BROKERS): topics filled by `kcat -P` (another program, as in
 * real use), watched by the engine with no replay.
 */
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineOnKafka, produceWithKcat, until, type EngineOnKafka } from '../kafka/testing/engineOnKafka';
import { consumeWithKcat, kcatAvailable } from '../kafka/testing/kcatClient';
import { BROKER_HOOK_TIMEOUT_MS, kafkaForTests, kafkaTestsCanRun, type TestCluster } from '../kafka/testing/localKafkaBroker';

describe.runIf(kcatAvailable() && kafkaTestsCanRun())('Monitor mode', () => {
  let cluster: TestCluster | null = null;
  let brokers: string[];
  let subject: EngineOnKafka;
  let profileId: string;

  beforeAll(async () => {
    cluster = await kafkaForTests();
    brokers = cluster.brokers;
    subject = engineOnKafka();
    profileId = await subject.saveProfile(brokers);
  }, BROKER_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    subject.dispose();
    await cluster?.stop();
  }, BROKER_HOOK_TIMEOUT_MS);

  it('watches a topic of JSON objects: columns inferred, rows in the feed, malformed messages listed with partition and offset', async () => {
    const topic = `monitor-json-${Date.now()}`;
    const good = Array.from({ length: 60 }, (_, i) =>
      JSON.stringify({ Time: `2026-10-01T${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}:00`, Junction: `J0${(i % 3) + 1}`, Total: 10 + i }),
    );
    await produceWithKcat(brokers, topic, [...good.slice(0, 30), '{"Time": "broken', 'plain text, not JSON', ...good.slice(30)]);
    await subject.engine.handle('monitor:start', { profileId, topic, startFrom: { kind: 'earliest' }, format: 'auto' });
    await until(() => (subject.view()?.replay.rowsRead ?? 0) >= 62, 20_000, 'all 62 messages');
    const view = subject.engine.view(true);
    expect(view.file?.name).toContain(topic);
    expect(view.file?.columns.map((c) => [c.name, c.type])).toEqual([
      ['Time', 'time'],
      ['Junction', 'text'],
      ['Total', 'number'],
    ]);
    expect(view.file?.location).toBe('Junction');
    expect(view.replay.rowsAccepted).toBe(60);
    expect(view.replay.rowsRejected).toBe(2);
    expect(view.bus.monitoring).toBe(true);
    expect(view.bus.malformed).toBe(2);
    expect(view.rejected.rows.map((r) => r.reason).sort()).toEqual(['malformed JSON', 'not a JSON object']);
    for (const row of view.rejected.rows) {
      expect(row.partition).toBeTypeOf('number');
      expect(row.offset).toBeTypeOf('number');
    }
    expect(view.feed.rows.length).toBe(60);
    expect(view.threshold.numericColumns).toContain('Total');
    await subject.engine.handle('monitor:stop', {});
    expect(subject.engine.view(true).bus.monitoring).toBe(false);
  }, 60_000);

  it('reads messages of several rows (JSON arrays, as "Rows per message" writes them) row by row, counting rows', async () => {
    const topic = `monitor-packed-${Date.now()}`;
    const row = (i: number): Record<string, unknown> => ({ Time: `2026-10-01T00:${String(i).padStart(2, '0')}:00`, Junction: `J0${(i % 2) + 1}`, Total: i });
    const packed = [0, 10, 20].map((from) => JSON.stringify(Array.from({ length: 10 }, (_, i) => row(from + i))));
    await produceWithKcat(brokers, topic, [...packed, '[1,2,3]']);
    await subject.engine.handle('monitor:start', { profileId, topic, startFrom: { kind: 'earliest' }, format: 'auto' });
    await until(() => (subject.view()?.replay.rowsRead ?? 0) >= 31, 20_000, '30 rows and one bad message');
    const view = subject.engine.view(true);
    expect(view.file?.columns.map((c) => c.name)).toEqual(['Time', 'Junction', 'Total']);
    expect(view.replay.rowsAccepted).toBe(30);
    expect(view.replay.rowsRejected).toBe(1);
    expect(view.replay.rowsRead).toBe(31);
    expect(view.rejected.rows.map((r) => r.reason)).toEqual(['not a JSON object']);
    await subject.engine.handle('monitor:stop', {});
  }, 60_000);

  it('reads nested objects as columns by path (a location and a measure), and names a tombstone as one', async () => {
    const topic = `monitor-nested-${Date.now()}`;
    const messages = Array.from({ length: 12 }, (_, i) => `A${i % 3}:${JSON.stringify({ sensor: { id: `A${i % 3}`, lane: 2 }, ts: `2026-10-01T08:${String(i * 5).padStart(2, '0')}:00Z`, counts: { cars: 5 + i, bikes: 1 } })}`);
    // `-Z` makes kcat send an empty value as NULL: a tombstone for key A1, as a compacted topic holds.
    await produceWithKcat(brokers, topic, [...messages, 'A1:'], ['-K', ':', '-Z']);
    await subject.engine.handle('monitor:start', { profileId, topic, startFrom: { kind: 'earliest' }, format: 'auto' });
    await until(() => (subject.view()?.replay.rowsRead ?? 0) >= 13, 20_000, '12 rows and the tombstone');
    const view = subject.engine.view(true);
    expect(view.file?.columns.map((c) => [c.name, c.type])).toEqual([
      ['sensor.id', 'text'],
      ['sensor.lane', 'text'], // a lane number names a lane, as in a file
      ['ts', 'time'],
      ['counts.cars', 'number'],
      ['counts.bikes', 'number'],
    ]);
    expect(view.file?.location).toBe('sensor.id');
    expect(view.file?.measure).toBe('counts.cars');
    expect(view.replay.rowsAccepted).toBe(12);
    expect(view.rejected.rows.map((r) => [r.offset, r.reason])).toEqual([[12, 'empty message (no value, as a tombstone has)']]);
    await subject.engine.handle('monitor:stop', {});
  }, 60_000);

  it('takes the location from the message key and the time from the record timestamp when the values hold neither, and says so', async () => {
    const topic = `monitor-envelope-${Date.now()}`;
    await produceWithKcat(
      brokers,
      topic,
      Array.from({ length: 9 }, (_, i) => `J0${i % 3}:${JSON.stringify({ cars: 5 + i, bikes: i % 2 })}`),
      ['-K', ':'],
    );
    await subject.engine.handle('monitor:start', { profileId, topic, startFrom: { kind: 'earliest' }, format: 'auto' });
    await until(() => (subject.view()?.replay.rowsAccepted ?? 0) >= 9, 20_000, '9 rows');
    const view = subject.engine.view(true);
    expect(view.file?.columns.map((c) => [c.name, c.type])).toEqual([
      ['cars', 'number'],
      ['bikes', 'number'],
      ['key', 'text'],
      ['timestamp', 'time'],
    ]);
    expect(view.file?.location).toBe('key');
    expect(view.file?.time).toMatchObject({ kind: 'column', column: 'timestamp' });
    expect(view.file?.notes.join(' ')).toMatch(/"key" is each message's Kafka key.*timed by its Kafka record timestamp/);
    // Each row's time is the timestamp an independent consumer (kcat) reads on its message.
    const byKcat = await consumeWithKcat(brokers, topic);
    const feed = [...view.feed.rows].sort((a, b) => a.offset - b.offset);
    expect(feed.map((row) => [row.values[2], row.time])).toEqual(byKcat.map((m) => [m.key, m.ts]));
    await subject.engine.handle('monitor:stop', {});
  }, 60_000);

  it('adds no key column when the key repeats a field of the value, nor a timestamp column when the value has its time', async () => {
    const topic = `monitor-envelope-same-${Date.now()}`;
    await produceWithKcat(brokers, topic, Array.from({ length: 6 }, (_, i) => `J0${i % 2}:${JSON.stringify({ Time: `2026-10-01T08:0${i}:00`, Junction: `J0${i % 2}`, Total: i })}`), ['-K', ':']);
    await subject.engine.handle('monitor:start', { profileId, topic, startFrom: { kind: 'earliest' }, format: 'auto' });
    await until(() => (subject.view()?.replay.rowsAccepted ?? 0) >= 6, 20_000, '6 rows');
    expect(subject.engine.view(true).file?.columns.map((c) => c.name)).toEqual(['Time', 'Junction', 'Total']);
    await subject.engine.handle('monitor:stop', {});
  }, 60_000);

  it('says which fields later messages brought that the first ones did not (schema drift), and keeps reading them as rows', async () => {
    const topic = `monitor-drift-${Date.now()}`;
    const reading = (i: number, extra: Record<string, unknown> = {}): string => JSON.stringify({ Time: `2026-10-01T08:${String(i).padStart(2, '0')}:00`, Junction: 'J01', Total: i, ...extra });
    await produceWithKcat(brokers, topic, Array.from({ length: 5 }, (_, i) => reading(i)));
    await subject.engine.handle('monitor:start', { profileId, topic, startFrom: { kind: 'earliest' }, format: 'json' });
    await until(() => subject.view()?.replay.rowsAccepted === 5, 20_000, 'the first rows');
    await produceWithKcat(brokers, topic, [reading(5, { Speed: 61 }), reading(6, { Speed: 58, Lane: { id: 2 } })]);
    await until(() => subject.view()?.replay.rowsAccepted === 7, 20_000, 'the later rows');
    await until(() => /Speed/.test(subject.view()?.bus.message ?? ''), 10_000, 'the Kafka panel to name the new fields');
    const view = subject.engine.view(true);
    const note = 'Later messages have fields the first ones did not: "Speed", "Lane.id" (first at partition 0, offset 5). They are not columns while watching; watch the topic again to read them.';
    expect(view.bus.message).toBe(note);
    expect(view.file?.notes).toContain(note);
    expect(view.file?.columns.map((c) => c.name)).toEqual(['Time', 'Junction', 'Total']);
    await subject.engine.handle('monitor:stop', {});
  }, 60_000);

  it('watches CSV lines with a header message, and keeps reading what arrives later', async () => {
    const topic = `monitor-csv-${Date.now()}`;
    await produceWithKcat(brokers, topic, ['Time;Junction;Total', '2026-10-01 00:00;J01;12', '2026-10-01 00:15;J01;15']);
    await subject.engine.handle('monitor:start', { profileId, topic, startFrom: { kind: 'earliest' }, format: 'auto' });
    await until(() => subject.view()?.replay.rowsAccepted === 2, 20_000, 'the first two rows');
    expect(subject.engine.view(true).file?.columns.map((c) => c.name)).toEqual(['Time', 'Junction', 'Total']);
    // A producer that writes its header again now and then: a header is no row, here or in the counts.
    await produceWithKcat(brokers, topic, ['Time;Junction;Total', '2026-10-01 00:30;J02;40', '2026-10-01 00:45;J02;oops']);
    await until(() => subject.view()?.replay.rowsRead === 4, 20_000, 'the later rows');
    const view = subject.engine.view(true);
    expect(view.replay.rowsAccepted).toBe(3);
    expect(view.rejected.rows[0]?.reason).toMatch(/Total/);
    // 6 messages, 2 of them headers: the Kafka panel's consumed reconciles with the rows read.
    expect(view.bus.consumed).toBe(4);
    await subject.engine.handle('monitor:stop', {});
  }, 60_000);

  it('lets the user correct the inferred roles of a watched topic, remembers them, and keeps reading', async () => {
    const topic = `monitor-roles-${Date.now()}`;
    await produceWithKcat(brokers, topic, ['{"Sensor":"S1","Lane":"1","Count":12}', '{"Sensor":"S2","Lane":"2","Count":7}']);
    await subject.engine.handle('monitor:start', { profileId, topic, startFrom: { kind: 'earliest' }, format: 'json' });
    await until(() => subject.view()?.replay.rowsAccepted === 2, 20_000, 'the first rows');
    const roleOf = (name: string): string | undefined => subject.engine.view(true).file?.columns.find((c) => c.name === name)?.role;
    expect(subject.engine.view(true).file?.location).toBe('Sensor');
    const info = await subject.engine.handle('schema:apply', { overrides: { roles: { Lane: 'location', Sensor: 'category' }, timeFormat: null, anchor: null }, remember: true });
    expect(info.location).toBe('Lane');
    expect(roleOf('Sensor')).toBe('category');
    await produceWithKcat(brokers, topic, ['{"Sensor":"S3","Lane":"1","Count":30}']);
    await until(() => subject.view()?.replay.rowsAccepted === 3, 20_000, 'a row after the correction');
    await subject.engine.handle('monitor:stop', {});
    // Watched again, the same columns come back with the corrected roles.
    await subject.engine.handle('monitor:start', { profileId, topic, startFrom: { kind: 'earliest' }, format: 'json' });
    expect(subject.engine.view(true).file?.location).toBe('Lane');
    expect(subject.engine.view(true).file?.rolesRemembered).toBe(true);
    await subject.engine.handle('monitor:stop', {});
  }, 60_000);

  // From "latest" the new topic's rows are lost unless the app moves its reader back itself: the
  // consumer's offset reset policy would otherwise jump to the new topic's end.
  it.each(['earliest', 'latest'] as const)('a topic deleted while watched from %s: the app says so and keeps what it read; created again, the new topic is read from its start', async (start) => {
    const topic = `monitor-deleted-${start}-${Date.now()}`;
    const reading = (i: number, sensor: string): string => JSON.stringify({ Time: `2026-10-01T08:${String(i).padStart(2, '0')}:00`, Sensor: sensor, Count: i });
    const firstRows = Array.from({ length: 10 }, (_, i) => reading(i, 'S1'));
    if (start === 'earliest') {
      await produceWithKcat(brokers, topic, firstRows);
      await subject.engine.handle('monitor:start', { profileId, topic, startFrom: { kind: 'earliest' }, format: 'json' });
    } else {
      await produceWithKcat(brokers, topic, [reading(59, 'S0')]); // before the start: not read
      const watching = subject.engine.handle('monitor:start', { profileId, topic, startFrom: { kind: 'latest' }, format: 'json' });
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await produceWithKcat(brokers, topic, firstRows);
      await watching;
    }
    await until(() => subject.view()?.replay.rowsAccepted === 10, 20_000, 'the first 10 rows');

    // Another client deletes it, as an operator would.
    const admin = new Kafka({ brokers, clientId: 'operator', logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      await admin.deleteTopics({ topics: [topic] });
      await until(() => /was deleted/.test(subject.view()?.bus.message ?? ''), 20_000, 'the Kafka panel to say the topic was deleted');
      expect(subject.view()?.replay.message).toMatch(new RegExp(`The topic ${topic} was deleted on Test cluster`));
      expect(subject.view()?.bus.monitoring).toBe(true);
      expect(subject.view()?.replay.rowsAccepted).toBe(10);
      // The app itself must not bring the topic back (its consumer asks for metadata all the time).
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(await admin.listTopics()).not.toContain(topic);

      // A producer writes to it again: the broker creates it anew, with offsets from 0.
      await produceWithKcat(brokers, topic, [reading(30, 'S2'), reading(31, 'S2'), reading(32, 'S2')]);
      await until(() => subject.view()?.replay.rowsAccepted === 13, 30_000, 'the 3 rows of the new topic');
      // Views are pushed in batches: the panel's line may follow the rows by an update.
      await until(() => /was deleted and created again .*reading the new topic from its start/.test(subject.view()?.bus.message ?? ''), 10_000, 'the Kafka panel to say the topic is new');
      expect(subject.view()?.replay.message).toBeNull();
      expect(subject.view()?.replay.rowsRejected).toBe(0);
    } finally {
      await admin.disconnect();
      await subject.engine.handle('monitor:stop', {});
    }
  }, 90_000);

  it('refuses a topic that does not exist, saying so, and replay commands while watching', async () => {
    await expect(subject.engine.handle('monitor:start', { profileId, topic: 'no-such-topic-here', startFrom: { kind: 'earliest' }, format: 'auto' })).rejects.toThrow(
      /There is no topic "no-such-topic-here"/,
    );
    const topic = `monitor-refuse-${Date.now()}`;
    await produceWithKcat(brokers, topic, ['{"Total": 1}']);
    await subject.engine.handle('monitor:start', { profileId, topic, startFrom: { kind: 'earliest' }, format: 'auto' });
    await subject.engine.handle('file:openSample', {}); // opening a file ends monitoring
    expect(subject.engine.view(true).bus.monitoring).toBe(false);
    await subject.engine.handle('monitor:start', { profileId, topic, startFrom: { kind: 'earliest' }, format: 'auto' });
    await expect(subject.engine.handle('replay:start', { pace: { mode: 'fast' }, limits: { durationSeconds: null, rows: null, loop: false } })).rejects.toThrow(
      /stop monitoring to replay/,
    );
    await subject.engine.handle('monitor:stop', {});
  }, 60_000);
});
