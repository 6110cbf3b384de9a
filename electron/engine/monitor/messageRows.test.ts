import { describe, expect, it } from 'vitest';
import { inferMessageLayout, isHeaderMessage, messageFields, messageTexts } from './messageRows';

describe('messages as rows', () => {
  it('takes JSON objects’ keys as columns, in order of first appearance, nested objects by their path and arrays as text', () => {
    const layout = inferMessageLayout(['{"Time":"2026-10-01T00:00:00","Junction":"J01","Total":12}', '{"Junction":"J02","Total":7,"Extra":{"a":1},"Lanes":[1,2]}'], 'auto');
    expect(layout).toMatchObject({ format: 'json', names: ['Time', 'Junction', 'Total', 'Extra.a', 'Lanes'] });
    expect(messageFields('{"Junction":"J02","Total":7,"Extra":{"a":1},"Lanes":[1,2]}', layout)).toEqual({ ok: true, fields: ['', 'J02', '7', '1', '[1,2]'] });
  });

  it('reads the fields producers group into objects as columns of their own (a location and counts, not JSON text)', () => {
    const message = '{"sensor":{"id":"A1","lane":2},"ts":"2026-10-01T08:00:00Z","counts":{"cars":5,"bikes":{}}}';
    const layout = inferMessageLayout([message], 'auto');
    expect(layout.names).toEqual(['sensor.id', 'sensor.lane', 'ts', 'counts.cars', 'counts.bikes']);
    expect(messageFields(message, layout)).toEqual({ ok: true, fields: ['A1', '2', '2026-10-01T08:00:00Z', '5', '{}'] });
    // A later message without the group reads as missing fields, not as a rejected row.
    expect(messageFields('{"ts":"2026-10-01T08:15:00Z","counts":{"cars":7}}', layout)).toEqual({ ok: true, fields: ['', '', '2026-10-01T08:15:00Z', '7', ''] });
  });

  it('names a tombstone (a message with no value) as what it is, in either format', () => {
    const json = inferMessageLayout(['{"a":1}'], 'auto');
    const csv = inferMessageLayout(['J01;12;3', 'J02;7;1'], 'auto');
    for (const layout of [json, csv]) expect(messageFields('', layout)).toEqual({ ok: false, reason: 'empty message (no value, as a tombstone has)' });
  });

  it('takes the form most messages have, whichever partition delivered first (a stray message first does not make a JSON topic CSV)', () => {
    const objects = Array.from({ length: 5 }, (_, i) => `{"Junction":"J0${i}","Total":${i}}`);
    expect(inferMessageLayout(['[1,2,3]', ...objects], 'auto')).toMatchObject({ format: 'json', names: ['Junction', 'Total'] });
    expect(inferMessageLayout(['plain text, not JSON', ...objects], 'auto').format).toBe('json');
    expect(inferMessageLayout(['{"a":1}', 'J01;12;3', 'J02;7;1', 'J03;9;4'], 'auto').format).toBe('csv');
  });

  it('says why a message is not a row: malformed JSON, a JSON array, a wrong field count', () => {
    const json = inferMessageLayout(['{"a":1}'], 'auto');
    expect(messageFields('{"a":', json)).toEqual({ ok: false, reason: 'malformed JSON' });
    expect(messageFields('[1,2]', json)).toEqual({ ok: false, reason: 'not a JSON object' });
    const csv = inferMessageLayout(['J01;12;3', 'J02;7;1'], 'auto');
    expect(csv).toMatchObject({ format: 'csv', delimiter: ';', names: ['column 1', 'column 2', 'column 3'], headerText: null });
    expect(messageFields('J03;1', csv)).toEqual({ ok: false, reason: 'expected 3 fields, found 2' });
    // A line that ends with a delimiter is whole; a value past the last column is not.
    expect(messageFields('J03;12;3;', csv)).toEqual({ ok: true, fields: ['J03', '12', '3'] });
    expect(messageFields('J03;12;3;9', csv)).toEqual({ ok: false, reason: 'expected 3 fields, found 4' });
  });

  it('reads a JSON array of objects (rows packed several to a message) as one row per object, and anything else as itself', () => {
    expect(messageTexts('[{"Junction":"J01","Total":3},{"Junction":"J02","Total":4}]')).toEqual(['{"Junction":"J01","Total":3}', '{"Junction":"J02","Total":4}']);
    expect(messageTexts('{"a":1}')).toEqual(['{"a":1}']);
    expect(messageTexts('[1,2]')).toEqual(['[1,2]']);
    expect(messageTexts('[]')).toEqual(['[]']);
    expect(messageTexts('[{"a":1}')).toEqual(['[{"a":1}']);
    const layout = inferMessageLayout(messageTexts('[{"Junction":"J01","Total":3},{"Junction":"J02","Total":4,"Extra":1}]'), 'auto');
    expect(layout).toMatchObject({ format: 'json', names: ['Junction', 'Total', 'Extra'] });
  });

  it('unwraps an envelope of rows (an object whose only field is an array of objects) like a packed array, and nothing less plain', () => {
    const rows = ['{"Junction":"J01","Total":3}', '{"Junction":"J02","Total":4}'];
    expect(messageTexts(`{"rows":[${rows.join(',')}]}`)).toEqual(rows);
    expect(messageTexts(` { "data" : [${rows.join(',')}] }`)).toEqual(rows);
    expect(messageTexts(`{"a \\"quoted\\" name":[${rows[0]}]}`)).toEqual([rows[0]]);
    // Siblings (metadata, a schema) may say something about the rows: such a message stays one, as it is.
    for (const kept of [`{"rows":[${rows[0]}],"source":"A"}`, `{"source":"A","rows":[${rows[0]}]}`, '{"rows":[]}', '{"rows":[1,2]}', '{"rows":[{"a":1},2]}', '{"rows":{"a":1}}', '{"rows":[{"a":1}]']) {
      expect(messageTexts(kept)).toEqual([kept]);
    }
    const layout = inferMessageLayout(messageTexts(`{"data":[${rows.join(',')}]}`), 'auto');
    expect(layout).toMatchObject({ format: 'json', names: ['Junction', 'Total'] });
  });

  it('recognises a header line among the CSV messages (partitions interleave, so not only the first)', () => {
    const layout = inferMessageLayout(['2026-10-01 00:00,J01,12', 'Time,Junction,Total', '2026-10-01 00:15,J01,15'], 'auto');
    expect(layout).toMatchObject({ format: 'csv', names: ['Time', 'Junction', 'Total'], headerText: 'Time,Junction,Total' });
    expect(isHeaderMessage('Time,Junction,Total', layout)).toBe(true);
    expect(isHeaderMessage('2026-10-01 00:00,J01,12', layout)).toBe(false);
    expect(messageFields('2026-10-01 00:30,"J 01",9', layout)).toEqual({ ok: true, fields: ['2026-10-01 00:30', 'J 01', '9'] });
  });

  it('follows the user’s choice of format over the guess, and refuses samples that cannot be that format', () => {
    expect(() => inferMessageLayout(['a,b', 'c,d'], 'json')).toThrow(/None of the first messages is a JSON object/);
    expect(inferMessageLayout(['{"a":1}'], 'csv').format).toBe('csv');
    expect(() => inferMessageLayout(['', '  '], 'auto')).toThrow(/empty/);
  });
});

describe('a JSON bomb (a message nested thousands of levels deep)', () => {
  const deepValue = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
  const layout = inferMessageLayout(['{"Junction":"J01","Total":3}'], 'auto');

  it('is rejected with a plain reason, in a column the topic has, instead of overflowing the stack', () => {
    expect(messageFields(`{"Junction":${deepValue},"Total":1}`, layout)).toEqual({ ok: false, reason: 'JSON nested more than 32 levels deep; not read' });
  });

  it('as an object of a packed array, stays one message, rejected the same way', () => {
    const packed = `[{"Junction":"J01","Total":1},{"Junction":${deepValue}}]`;
    expect(messageTexts(packed)).toEqual([packed]);
    expect(messageFields(packed, layout)).toMatchObject({ ok: false, reason: /nested more than 32 levels/ });
  });

  it('among the first messages, is left out of the columns rather than failing the watch', () => {
    expect(inferMessageLayout([`{"a":${deepValue}}`, '{"Junction":"J01","Total":3}'], 'auto').names).toEqual(['Junction', 'Total']);
  });

  it('nesting inside strings does not count, and traffic messages a few levels deep are read', () => {
    expect(messageFields(`{"Junction":"${'['.repeat(100)}","Total":2}`, layout)).toEqual({ ok: true, fields: ['['.repeat(100), '2'] });
  });
});
