/**
 * A watched topic's JSON objects may have any keys, among them `__proto__` or `constructor`. Those
 * are columns like any other: a message without one has nothing there, not Object.prototype's member.
 * The messages go the monitor's way: payload bytes, rows, layout, fields, the row decoder.
 */
import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../../shared/schema';
import { RecordCodec } from '../bus/kafka/recordCodec';
import { RowDecoder } from '../source/rowDecoder';
import { resolveTableSchema } from '../source/tableSchema';
import { inferMessageLayout, messageFields, messageTexts } from './messageRows';

const payloads = [
  '{"Junction":"J01","Total":12,"__proto__":{"polluted":true}}',
  '{"Junction":"J02","Total":7}',
  '{"Junction":"J03","Total":9,"constructor":"kept"}',
  '[{"Junction":"J04","Total":3},{"Junction":"J05","Total":4,"__proto__":null}]',
].map((text) => Buffer.from(text, 'utf8'));

describe('JSON keys named like Object.prototype members', () => {
  it('are columns whose value is only what a message itself carries', () => {
    const texts = payloads.flatMap((payload) => messageTexts(payload.toString('utf8')));
    const layout = inferMessageLayout(texts, 'auto');
    // A nested object is read by its path (flatJson.ts); `__proto__` holding null is a column of its own.
    expect(layout.names).toEqual(['Junction', 'Total', '__proto__.polluted', 'constructor', '__proto__']);
    const fields = texts.map((text) => messageFields(text, layout));
    expect(fields).toEqual([
      { ok: true, fields: ['J01', '12', 'true', '', ''] },
      { ok: true, fields: ['J02', '7', '', '', ''] },
      { ok: true, fields: ['J03', '9', '', 'kept', ''] },
      { ok: true, fields: ['J04', '3', '', '', ''] },
      { ok: true, fields: ['J05', '4', '', '', ''] },
    ]);
    const rows = fields.flatMap((result) => (result.ok ? [result.fields] : []));
    const schema = resolveTableSchema(layout.names, rows, layout.delimiter, null);
    const decoder = new RowDecoder(schema);
    const values = rows.map((row) => {
      const decoded = decoder.decode(row);
      if (!decoded.ok) throw new Error(decoded.reason);
      return decoded.values;
    });
    expect(values.map((row) => row[2])).toEqual(['true', null, null, null, null]);
    expect(values.map((row) => row[3])).toEqual([null, null, 'kept', null, null]);
    // Nothing reached a shared prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('read nothing from Object.prototype in a Kafka record of a file with such columns', () => {
    const codec = new RecordCodec();
    const columns: ColumnInfo[] = ['__proto__', 'constructor', 'toString'].map((name) => ({ name, type: 'text', role: 'category' }));
    codec.useColumns([...columns, { name: 'Total', type: 'number', role: 'measure' }], false);
    const meta = { headers: {}, timestamp: 0 };
    expect(codec.decode(Buffer.from('{"Total":5}'), meta).values).toEqual([null, null, null, 5]);
    expect(codec.decode(Buffer.from('{"__proto__":"a","constructor":"b","toString":"c","Total":6}'), meta).values).toEqual(['a', 'b', 'c', 6]);
  });
});
