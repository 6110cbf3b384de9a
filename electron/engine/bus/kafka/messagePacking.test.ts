import { describe, expect, it } from 'vitest';
import type { ProducerRecord } from '../bus';
import { packMessages, PACKED_ROWS_HEADER, unpackMessage } from './messagePacking';
import { formatReplayTag, REPLAY_TAG_HEADER } from './replayTag';

interface Row {
  junction: string;
  n: number;
}

const record = (junction: string, n: number, timestamp?: number): ProducerRecord<Row> => ({
  key: junction,
  value: { junction, n },
  ...(timestamp === undefined ? {} : { timestamp }),
  headers: { [REPLAY_TAG_HEADER]: formatReplayTag('ab12cd34', n, n + 2) },
});
const encode = (row: Row): string => JSON.stringify(row);
const read = (message: { value: string; timestamp: string; headers?: Record<string, string> }): ReturnType<typeof unpackMessage> =>
  unpackMessage(Buffer.from(message.value), message.headers?.[PACKED_ROWS_HEADER] ?? '', Number(message.timestamp));

describe('packing rows into Kafka messages', () => {
  it('puts up to N rows of one key in a message, keeps each key in order, and reads every row back with its own tag and time', () => {
    // Rows of a live feed: from half an hour ago, ten seconds apart.
    const now = Date.now();
    const records = Array.from({ length: 70 }, (_, n) => record(n % 3 === 0 ? 'J01' : 'J02', n, now - 30 * 60_000 + n * 10_000));
    const messages = packMessages(records, encode, 16, String(now));
    // J01 has 24 rows (two messages), J02 46 (three).
    expect(messages.map((m) => [m.key, read(m).length])).toEqual([
      ['J01', 16],
      ['J01', 8],
      ['J02', 16],
      ['J02', 16],
      ['J02', 14],
    ]);
    const back = messages.flatMap((m) => read(m).map((row) => ({ key: m.key, ...row })));
    expect(back).toHaveLength(70);
    for (const key of ['J01', 'J02']) {
      const expected = records.filter((r) => r.key === key);
      const got = back.filter((r) => r.key === key);
      expect(got.map((r) => r.value)).toEqual(expected.map((r) => r.value));
      expect(got.map((r) => r.timestamp)).toEqual(expected.map((r) => r.timestamp));
      expect(got.map((r) => r.headers[REPLAY_TAG_HEADER])).toEqual(expected.map((r) => r.headers?.[REPLAY_TAG_HEADER]));
    }
    // The message is stamped with its latest row's time (a broker's lookup by time then skips none of
    // its rows) and is a plain JSON array.
    expect(messages[1]?.timestamp).toBe(String(records.filter((r) => r.key === 'J01')[23]?.timestamp));
    expect(JSON.parse(messages[0]?.value ?? '')).toHaveLength(16);
  });

  it('stamps a message of rows from last month with the time of producing (retention counts from it); each row keeps its own time', () => {
    const now = Date.now();
    const lastMonth = now - 30 * 86_400_000;
    const records = Array.from({ length: 8 }, (_, n) => record('J01', n, lastMonth + n * 900_000));
    const [message] = packMessages(records, encode, 8, String(now));
    expect(message?.timestamp).toBe(String(now));
    expect(read(message!).map((row) => row.timestamp)).toEqual(records.map((r) => r.timestamp));
  });

  it('stamps rows without a time with the time of producing, and rows without a tag carry no tag', () => {
    const [message] = packMessages([{ key: null, value: { junction: 'J', n: 1 } }], encode, 8, '1234');
    expect(message?.timestamp).toBe('1234');
    expect(read(message!)).toEqual([{ value: { junction: 'J', n: 1 }, headers: {}, timestamp: 1234 }]);
  });

  it('refuses messages that are not packed rows, saying why', () => {
    expect(() => unpackMessage(Buffer.from('{"a":1}'), '@1', 0)).toThrow('not a JSON array');
    expect(() => unpackMessage(Buffer.from('[{"a":1}'), '@1', 0)).toThrow('not JSON');
    expect(() => unpackMessage(Buffer.from('[{"a":1},{"a":2}]'), '@1', 0)).toThrow('2 rows but 1 entries');
  });

  it('will not pack a tag that holds its separators', () => {
    const bad: ProducerRecord<Row> = { key: 'J', value: { junction: 'J', n: 1 }, headers: { [REPLAY_TAG_HEADER]: 'a,b' } };
    expect(() => packMessages([bad], encode, 8, '0')).toThrow('cannot be packed');
  });
});
