/**
 * Messages on a topic others write, as rows: JSON objects (keys become columns, a nested object's
 * by their path, as `sensor.id`) or CSV lines (with
 * or without a header line). The first messages decide the format and the columns; after that each
 * message becomes the text fields the row decoder types, exactly like a line of a CSV file.
 */
import Papa from 'papaparse';
import { detectDelimiter } from '../source';
import { isNumericText } from '../source';
import { flattenObject } from './flatJson';
import { nestsTooDeeply, TOO_DEEP_REASON } from './jsonNesting';
import { withoutEmptyExtraFields } from '../source';

export type MessageFormat = 'json' | 'csv';

export interface MessageLayout {
  format: MessageFormat;
  names: string[];
  /** CSV only. */
  delimiter: string;
  /**
   * CSV only: the text of a header line found among the messages. Messages with exactly this text
   * are headers (a producer may write one now and then), not data.
   */
  headerText: string | null;
}

/** Fields of one message, or a plain reason it is not a row of this layout. */
export type MessageFields = { ok: true; fields: string[]; extra?: string[] } | { ok: false; reason: string };

const MAX_COLUMNS = 200;
const SAMPLE_LINES = 50;

/**
 * The rows one message carries: a JSON array of objects (this app's "Rows per message", or any
 * producer that batches objects) is one row per object, as its own JSON text, and so is an
 * envelope of them, an object whose one and only field holds such an array (`{"rows":[…]}`,
 * `{"data":[…]}`, as HTTP bridges and batching producers write). With no other field the envelope
 * says nothing about its rows, so unwrapping loses nothing; one with siblings (metadata, a schema)
 * stays one message, read as it is. Any other message is one row, itself (so an array of anything
 * else is still rejected, saying why).
 */
export function messageTexts(text: string): string[] {
  const start = text.trimStart();
  // Only a text that can be either is parsed here: every other object is parsed once, as its row.
  if (!(start.startsWith('[') || ENVELOPE_START.test(start)) || nestsTooDeeply(text)) return [text];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [text];
  }
  const items = rowObjects(value) ?? rowObjects(envelopeContent(value));
  return items ? items.map((item) => JSON.stringify(item)) : [text];
}

/** `{"name": [` at the start of a text: what an envelope of rows begins with. */
const ENVELOPE_START = /^\{\s*"(?:[^"\\]|\\.)*"\s*:\s*\[/;

/** The array of an object with a single field, or undefined. */
function envelopeContent(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const fields = Object.values(value);
  return fields.length === 1 ? fields[0] : undefined;
}

/** A non-empty array of plain objects, or null. */
function rowObjects(value: unknown): object[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const items: unknown[] = value;
  return items.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item)) ? (items as object[]) : null;
}

/** True when a message is the topic's header line rather than data. */
export function isHeaderMessage(text: string, layout: MessageLayout): boolean {
  return layout.headerText !== null && text === layout.headerText;
}

const isJsonObjectText = (text: string): boolean => text.trimStart().startsWith('{');

/** A JSON object message as its flat fields (flatJson.ts), or null when it is not one. */
function jsonObject(text: string): Map<string, unknown> | null {
  if (nestsTooDeeply(text)) return null;
  try {
    const value: unknown = JSON.parse(text);
    // A Map, not the object: a column called `__proto__` or `constructor` never reads Object.prototype.
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? flattenObject(value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function splitCsvLine(text: string, delimiter: string): string[] {
  const parsed = Papa.parse<string[]>(text.replace(/\r?\n$/, ''), { delimiter, newline: '\n' });
  return parsed.data[0] ?? [];
}

/** Decides the layout from the first messages (text), honouring the user's choice of format. */
export function inferMessageLayout(samples: readonly string[], requested: 'auto' | MessageFormat): MessageLayout {
  const texts = samples.filter((text) => text.trim() !== '');
  if (texts.length === 0) throw new Error('The first messages are all empty; there is nothing to infer columns from.');
  // Partitions interleave, so the first message may well be a stray one: the form most of them take decides.
  const jsonObjects = texts.filter(isJsonObjectText).length;
  const format: MessageFormat = requested !== 'auto' ? requested : jsonObjects * 2 >= texts.length ? 'json' : 'csv';
  if (format === 'json') {
    const names: string[] = [];
    let objects = 0;
    for (const text of texts) {
      const object = jsonObject(text);
      if (!object) continue;
      objects++;
      for (const key of object.keys()) if (!names.includes(key) && names.length < MAX_COLUMNS) names.push(key);
    }
    if (objects === 0) throw new Error('None of the first messages is a JSON object; choose CSV, or check what the topic holds.');
    return { format, names, delimiter: ',', headerText: null };
  }
  const delimiter = detectDelimiter(texts.slice(0, 20));
  const lines = texts.slice(0, SAMPLE_LINES);
  const rows = lines.map((text) => splitCsvLine(text, delimiter));
  // Partitions interleave, so a header line need not come first: look for a line of distinct
  // non-numbers while the other lines carry numbers.
  const headerIndex = rows.findIndex(
    (row, index) =>
      new Set(row).size === row.length &&
      row.every((field) => field.trim() !== '' && !isNumericText(field)) &&
      rows.some((other, otherIndex) => otherIndex !== index && other.length === row.length && other.some((field) => isNumericText(field))),
  );
  const header = headerIndex >= 0 ? (rows[headerIndex] as string[]) : null;
  const width = Math.max(...rows.map((row) => row.length));
  const names = header ? header.map((name) => name.trim()) : Array.from({ length: width }, (_, i) => `column ${i + 1}`);
  return { format, names, delimiter, headerText: header ? (lines[headerIndex] as string) : null };
}

/** The text fields of one message in the layout's column order. */
export function messageFields(text: string, layout: MessageLayout): MessageFields {
  // A tombstone (a key deleted on a compacted topic) has no value at all; say so, not "not a JSON object".
  if (text.trim() === '') return { ok: false, reason: 'empty message (no value, as a tombstone has)' };
  if (layout.format === 'json') {
    if (nestsTooDeeply(text)) return { ok: false, reason: TOO_DEEP_REASON };
    const object = jsonObject(text);
    if (!object) return { ok: false, reason: isJsonObjectText(text) ? 'malformed JSON' : 'not a JSON object' };
    let matched = 0;
    const fields = layout.names.map((name) => {
      if (object.has(name)) matched++;
      return cellText(object.get(name));
    });
    // Fields the first messages did not have (a producer's schema grew): named, so the monitor can say so.
    if (matched < object.size) return { ok: true, fields, extra: [...object.keys()].filter((name) => !layout.names.includes(name)) };
    return { ok: true, fields };
  }
  // A line that ends with a delimiter is whole (rowWidth.ts).
  const fields = withoutEmptyExtraFields(splitCsvLine(text, layout.delimiter), layout.names.length);
  if (fields.length !== layout.names.length) {
    return { ok: false, reason: `expected ${layout.names.length} fields, found ${fields.length}` };
  }
  return { ok: true, fields };
}
