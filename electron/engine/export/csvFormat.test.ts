import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/records';
import { csvField, csvLine, defuseFormula } from './csvFormat';

describe('csvField', () => {
  it('leaves plain text and numbers bare', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('high')).toBe('high');
    expect(csvField(42)).toBe('42');
    expect(csvField(-0.5)).toBe('-0.5');
    expect(csvField(1e21)).toBe('1e+21');
    expect(csvField('')).toBe('');
  });

  it('writes null as an empty field', () => {
    expect(csvField(null)).toBe('');
  });

  it('quotes commas, quotes, line breaks and edge blanks, doubling inner quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('"')).toBe('""""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('padded ')).toBe('"padded "');
    expect(csvField('in side')).toBe('in side');
  });

  it('keeps text a spreadsheet would run as it is (a data export must read back unchanged)', () => {
    expect(csvField('=1+1')).toBe('=1+1');
    expect(csvField('-5')).toBe('-5');
  });
});

describe('csvLine', () => {
  it('joins fields with commas and ends with CRLF', () => {
    expect(csvLine(['a', 1, null, 'x,y'])).toBe('a,1,,"x,y"\r\n');
    expect(csvLine([])).toBe('\r\n');
    expect(csvLine([null])).toBe('\r\n');
  });

  it('reads back as the same text through a real CSV parser', () => {
    const rows: CellValue[][] = [
      ['Time', 'Day of the week', 'Total', 'Note'],
      ['12:15:00 AM', 'Tuesday', 107, 'plain'],
      ['1:00:00 PM', 'Wed, "mid" week', -3.25, 'line one\r\nline two\nthree\rfour'],
      [' lead', 'trail ', 0, '""'],
      ['=SUM(A1)', '@x', 1e-7, ',,,'],
      ['Straße ✓', '\t', 12345678901234, "it's"],
    ];
    const text = rows.map((row) => csvLine(row)).join('');
    const parsed = parse(text, { relax_column_count: false }) as string[][];
    expect(parsed).toEqual(rows.map((row) => row.map((value) => (value === null ? '' : String(value)))));
  });

  it('reads back nulls as empty fields', () => {
    const parsed = parse(csvLine(['a', null, 'b']) + csvLine([null, null, null])) as string[][];
    expect(parsed).toEqual([
      ['a', '', 'b'],
      ['', '', ''],
    ]);
  });
});

describe('defuseFormula', () => {
  it('prefixes text that starts like a formula, and nothing else', () => {
    expect(defuseFormula('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(defuseFormula('+1')).toBe("'+1");
    expect(defuseFormula('-1')).toBe("'-1");
    expect(defuseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(defuseFormula('a=b')).toBe('a=b');
    expect(csvField(defuseFormula('-1,5'))).toBe(`"'-1,5"`);
  });
});
