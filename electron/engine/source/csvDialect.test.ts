import { describe, expect, it } from 'vitest';
import { normaliseHeader } from './headerNames';
import { detectDelimiter, detectNewline } from './csvDialect';

describe('detectNewline', () => {
  it('tells LF, CRLF and old-Mac CR apart', () => {
    expect(detectNewline('a,b\nc,d\n')).toBe('\n');
    expect(detectNewline('a,b\r\nc,d\r\n')).toBe('\r\n');
    expect(detectNewline('a,b\rc,d\r')).toBe('\r');
    expect(detectNewline('a,b')).toBe('\n');
  });
});

describe('detectDelimiter', () => {
  it('picks the delimiter that splits every line into the same number of fields', () => {
    expect(detectDelimiter(['a;b;c', '1;2;3', '4;5;6'])).toBe(';');
    expect(detectDelimiter(['a\tb', '1\t2'])).toBe('\t');
    expect(detectDelimiter(['a|b|c', '1|2|3'])).toBe('|');
  });

  it('ignores delimiters inside quoted fields', () => {
    expect(detectDelimiter(['name;note', '"a,b,c";1', '"d,e,f";2'])).toBe(';');
  });

  it('falls back to a comma for a single-column file', () => {
    expect(detectDelimiter(['Total', '1', '2'])).toBe(',');
  });
});

describe('normaliseHeader', () => {
  it('trims names, numbers blanks by position and suffixes duplicates', () => {
    expect(normaliseHeader([' Time ', 'Total', '', 'Total', 'Total'])).toEqual(['Time', 'Total', 'Column 3', 'Total (2)', 'Total (3)']);
  });

  it('never produces the same name twice, even when a header already holds a suffixed or generated name', () => {
    for (const header of [
      ['Total', 'Total', 'Total (2)'],
      ['Column 2', '', 'Column 2'],
      ['A', 'A (2)', 'A', 'A'],
    ]) {
      const names = normaliseHeader(header);
      expect(new Set(names).size, header.join(',')).toBe(header.length);
      expect(names.every((name) => name !== '')).toBe(true);
    }
  });
});
