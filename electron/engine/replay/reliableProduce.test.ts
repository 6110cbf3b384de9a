import { describe, expect, it } from 'vitest';
import type { TrafficRecord } from '../../../shared/records';
import type { Bus, ProducerRecord } from '../bus/bus';
import type { BusBinding } from './busBinding';
import { ReliableProducer, withTimeout } from './reliableProduce';
import { WakeableDelay } from './wakeableDelay';

const batch: ProducerRecord<TrafficRecord>[] = [{ key: 'A', value: { line: 2, values: ['A'], time: null } }];

interface Harness {
  producer: ReliableProducer;
  sent: (readonly ProducerRecord<TrafficRecord>[])[];
  messages: (string | null)[];
  trouble: number[];
  recovered: () => number;
}

/** A producer over a bus whose sends fail `failures` times; back-offs are cut short so tests run at once. */
function harness(failures: number, current = (): boolean => true): Harness {
  const sent: (readonly ProducerRecord<TrafficRecord>[])[] = [];
  const messages: (string | null)[] = [];
  const trouble: number[] = [];
  let recovered = 0;
  let left = failures;
  const bus = {
    produce: (_topic: string, records: readonly ProducerRecord<TrafficRecord>[]) => {
      sent.push(records);
      return left-- > 0 ? Promise.reject(new Error('connect ECONNREFUSED')) : Promise.resolve();
    },
  } as unknown as Bus<TrafficRecord>;
  const binding = {
    bus,
    topic: 'traffic.replay',
    onProduceTrouble: (_error: unknown, retryInMs: number) => trouble.push(retryInMs),
    onProduceRecovered: () => recovered++,
  } as unknown as BusBinding;
  const delay = new WakeableDelay();
  const producer = new ReliableProducer(
    binding,
    delay,
    current,
    (message) => messages.push(message),
    () => setTimeout(() => delay.poke(), 0),
  );
  return { producer, sent, messages, trouble, recovered: () => recovered };
}

describe('ReliableProducer', () => {
  it('sends a batch once when the bus takes it, saying nothing', async () => {
    const h = harness(0);
    expect(await h.producer.send(batch, 1, new AbortController().signal)).toBe(true);
    expect(h.sent).toEqual([batch]);
    expect(h.messages).toEqual([]);
    expect(h.producer.retries).toBe(0);
    expect(h.recovered()).toBe(0);
  });

  it('sends the same batch again with a doubling back-off until it is stored, then clears the message', async () => {
    const h = harness(2);
    expect(await h.producer.send(batch, 1, new AbortController().signal)).toBe(true);
    expect(h.sent).toEqual([batch, batch, batch]);
    expect(h.producer.retries).toBe(2);
    expect(h.trouble).toEqual([1000, 2000]);
    expect(h.messages).toEqual([
      'Producing paused: connect ECONNREFUSED. Retrying in 1 s; no row is skipped.',
      'Producing paused: connect ECONNREFUSED. Retrying in 2 s; no row is skipped.',
      null,
    ]);
    expect(h.recovered()).toBe(1);
  });

  it('gives up without a retry once the replay is stopped or superseded', async () => {
    const stopped = harness(5);
    const abort = new AbortController();
    abort.abort();
    expect(await stopped.producer.send(batch, 1, abort.signal)).toBe(false);
    expect(stopped.sent).toHaveLength(1);
    expect(stopped.producer.retries).toBe(0);

    const superseded = harness(5, () => false);
    expect(await superseded.producer.send(batch, 1, new AbortController().signal)).toBe(false);
    expect(superseded.sent).toHaveLength(1);
    expect(superseded.messages).toEqual([]);
  });
});

describe('withTimeout', () => {
  it('passes on a result that comes in time', async () => {
    expect(await withTimeout(Promise.resolve(7), 1000, 'no answer')).toBe(7);
  });

  it('rejects with the reason when the promise takes too long', async () => {
    const never = new Promise<number>(() => undefined);
    await expect(withTimeout(never, 20, 'no answer')).rejects.toThrow('no answer within 0.02 s');
  });
});
