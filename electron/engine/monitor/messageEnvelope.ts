/**
 * What a Kafka message says outside its value: its key and its timestamp. Producers often put the
 * sensor or junction only in the key (the value then holds just the counts), and many values carry
 * no time of their own, the record's timestamp being their time. Read from the value alone, such a
 * topic had no location and no time. Both become columns of their own, added only when the value
 * lacks them, and the topic's notes say so.
 */
import type { SchemaOverrides } from '../../../shared/schema';
import type { BusMessage } from '../bus';
import type { TableSchema } from '../source';

export interface MessageEnvelope {
  /** The column holding the message key, or null when the keys add nothing. */
  key: string | null;
  /** The column holding the record timestamp (ISO, UTC), or null when the value has its own time. */
  timestamp: string | null;
}

export const NO_ENVELOPE: MessageEnvelope = { key: null, timestamp: null };

/** A name no value column has: the plain one when free. */
function freeName(wanted: readonly string[], taken: readonly string[]): string {
  const name = wanted.find((candidate) => !taken.includes(candidate));
  if (name !== undefined) return name;
  let n = 2;
  while (taken.includes(`${wanted[0] as string} ${n}`)) n++;
  return `${wanted[0] as string} ${n}`;
}

/** A key of text, not bytes (an Avro or integer key decodes to replacement or control characters). */
const isText = (key: string): boolean => !key.includes('\uFFFD') && ![...key].some((c) => c.charCodeAt(0) < 0x20);

/**
 * The key is a column when most sampled messages have a readable one that their value does not
 * already hold (a key repeating the value's sensor id would only be that column twice).
 */
export function keyColumn(sample: readonly { message: BusMessage<Buffer>; fields: readonly string[] | null }[], names: readonly string[]): string | null {
  let keyed = 0;
  let repeated = 0;
  // Messages that are not rows (a tombstone, a malformed one) say nothing about what the key adds.
  const rows = sample.filter(({ fields }) => fields !== null);
  for (const { message, fields } of rows) {
    const key = message.key;
    if (key === null || key === '' || !isText(key)) continue;
    keyed++;
    if (fields?.includes(key)) repeated++;
  }
  if (keyed * 2 < rows.length || repeated === keyed) return null;
  return freeName(['key', 'message key', 'kafka key'], names);
}

/** The record timestamp's column name, for a topic whose values hold no time. */
export const timestampColumn = (names: readonly string[]): string => freeName(['timestamp', 'kafka timestamp', 'record timestamp'], names);

/** The columns an envelope adds, after the value's. */
export const envelopeNames = (envelope: MessageEnvelope): string[] => [envelope.key, envelope.timestamp].filter((name): name is string => name !== null);

/** The text fields an envelope adds to a row of `message`. */
export function envelopeFields(message: BusMessage<Buffer>, envelope: MessageEnvelope): string[] {
  const fields: string[] = [];
  if (envelope.key !== null) fields.push(message.key ?? '');
  if (envelope.timestamp !== null) fields.push(Number.isFinite(message.timestamp) && message.timestamp >= 0 ? new Date(message.timestamp).toISOString() : '');
  return fields;
}

/** What the topic's notes say about the columns taken from outside the value. */
export function envelopeNotes(envelope: MessageEnvelope, location: string | null): string[] {
  const notes: string[] = [];
  if (envelope.key !== null) {
    const role = location === envelope.key ? ', read as the location (Kafka keys a message by what its order belongs to)' : '';
    notes.push(`"${envelope.key}" is each message's Kafka key: the values do not carry it${role}.`);
  }
  if (envelope.timestamp !== null) notes.push(`No field of the messages holds a time: each row is timed by its Kafka record timestamp, the column "${envelope.timestamp}" (UTC).`);
  return notes;
}

/**
 * Kafka keys a message by the thing whose order matters, which on a traffic topic is the place
 * counted at. So when inference found no location and the keys repeat (places, not one id per
 * message), the key column is the location. A role the user gave the key column stands.
 */
export function keyAsLocation(schema: TableSchema, envelope: MessageEnvelope, rows: readonly (readonly string[])[], overrides: SchemaOverrides | null): TableSchema {
  const key = envelope.key;
  if (key === null || schema.location !== null || overrides?.roles[key] !== undefined) return schema;
  const index = schema.columns.findIndex((column) => column.name === key);
  const keys = rows.map((row) => row[index] ?? '').filter((value) => value !== '');
  if (index < 0 || schema.columns[index]?.type !== 'text' || new Set(keys).size === keys.length) return schema;
  return {
    ...schema,
    columns: schema.columns.map((column, i) => (i === index ? { ...column, role: 'location' } : column)),
    location: key,
  };
}
