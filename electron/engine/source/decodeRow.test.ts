import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../../shared/schema';
import { decodeRow } from './decodeRow';

const columns: ColumnInfo[] = [
  { name: 'Time', type: 'time', role: 'timestamp' },
  { name: 'Day of the week', type: 'text', role: 'category' },
  { name: 'CarCount', type: 'number', role: 'measure' },
  { name: 'Total', type: 'number', role: 'measure' },
];

describe('decodeRow', () => {
  it('parses numbers in numeric columns and keeps text and times as written', () => {
    expect(decodeRow(['12:15:00 AM', 'Tuesday', '31', ' 39 '], columns)).toEqual({
      ok: true,
      values: ['12:15:00 AM', 'Tuesday', 31, 39],
    });
  });

  it('reads text without the spaces around it (a tube counter writes ", " between fields), and a cell of spaces as empty', () => {
    expect(decodeRow([' 10:59:45 AM', ' Tuesday ', ' 31', '39'], columns)).toEqual({ ok: true, values: ['10:59:45 AM', 'Tuesday', 31, 39] });
    expect(decodeRow(['12:15:00 AM', '   ', '31', '39'], columns)).toEqual({ ok: true, values: ['12:15:00 AM', null, 31, 39] });
    // Spaces inside a value stay.
    expect(decodeRow(['12:15:00 AM', 'Main St & 1st Ave', '31', '39'], columns)).toEqual({ ok: true, values: ['12:15:00 AM', 'Main St & 1st Ave', 31, 39] });
  });

  it('decodes empty cells as null in every kind of column', () => {
    expect(decodeRow(['', '', '7', '  '], columns)).toEqual({ ok: true, values: [null, null, 7, null] });
    expect(decodeRow(['12:15:00 AM', '', '', ''], columns)).toEqual({ ok: true, values: ['12:15:00 AM', null, null, null] });
  });

  it('says how many fields were expected and found when the count is wrong', () => {
    const tooFew = decodeRow(['12:15:00 AM', 'Tuesday', '31'], columns);
    expect(tooFew).toEqual({ ok: false, reason: 'expected 4 fields, found 3' });
    const tooMany = decodeRow(['12:15:00 AM', 'Tuesday', '31', '39', 'extra'], columns);
    expect(tooMany.ok).toBe(false);
    if (!tooMany.ok) expect(tooMany.reason).toContain('found 5');
  });

  it('names the column and the value when a numeric column holds text', () => {
    const result = decodeRow(['12:15:00 AM', 'Tuesday', '31', 'lots'], columns);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain('"Total"');
      expect(result.reason).toContain('"lots"');
    }
  });

  it('shortens a very long offending value in the reason', () => {
    const long = 'x'.repeat(500);
    const result = decodeRow(['12:15:00 AM', 'Tuesday', long, '1'], columns);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain('"CarCount"');
      expect(result.reason.length).toBeLessThan(120);
    }
  });

  it('rejects values that only look numeric to a lenient parser', () => {
    for (const bad of ['12abc', 'Infinity', '1,5', 'nano', 'n/a/b']) {
      expect(decodeRow(['12:15:00 AM', 'Tuesday', bad, '1'], columns).ok, bad).toBe(false);
    }
  });

  it('reads the ways exports write "no value" (pandas nan, SQL NULL, -, n/a, Excel #N/A, a movement marked *) as empty cells, keeping the row', () => {
    for (const missing of ['nan', 'NaN', 'NULL', 'null', 'None', '-', '--', 'n/a', 'N/A', 'NA', '#N/A', '#VALUE!', ' . ', '*', '**']) {
      expect(decodeRow(['12:15:00 AM', 'Tuesday', missing, '1'], columns), missing).toMatchObject({ ok: true, values: [expect.anything(), 'Tuesday', null, 1] });
    }
  });
});

describe('decodeRow on typos that Number() would accept', () => {
  it('rejects hexadecimal, binary and octal literals in numeric columns', () => {
    for (const typo of ['0x1F', '0b101', '0o17', '0X1f']) {
      const decoded = decodeRow(['12:15:00 AM', 'Tuesday', typo, '39'], columns);
      expect(decoded).toEqual({ ok: false, reason: `column "CarCount" expects a number, found "${typo}"` });
    }
    expect(decodeRow(['12:15:00 AM', 'Tuesday', '0', '1e3'], columns)).toEqual({ ok: true, values: ['12:15:00 AM', 'Tuesday', 0, 1000] });
  });

  it('rejects a row whose every field is empty instead of accepting a row of nothing', () => {
    expect(decodeRow(['', '', '', ''], columns)).toEqual({ ok: false, reason: 'the row has no values (every field is empty)' });
  });
});

describe('decodeRow with a decimal comma', () => {
  it('reads 12,5 and grouped thousands as numbers only when the file uses a decimal comma', () => {
    expect(decodeRow(['08:15', 'Tuesday', '12,5', '1.234,5'], columns, true)).toEqual({
      ok: true,
      values: ['08:15', 'Tuesday', 12.5, 1234.5],
    });
    expect(decodeRow(['08:15', 'Tuesday', '12,5', '1'], columns, false).ok).toBe(false);
  });

  it('rejects a decimal point in a decimal-comma file, naming the column', () => {
    expect(decodeRow(['08:15', 'Tuesday', '1.5', '2'], columns, true)).toEqual({
      ok: false,
      reason: 'column "CarCount" expects a number, found "1.5"',
    });
  });
});
