import { describe, expect, it } from 'vitest';
import { SQLITE_KEYWORDS, liveDataColumnNames, needsQuoting, quoteIdentifier } from './sqlIdentifiers';

describe('needsQuoting and quoteIdentifier', () => {
  it('leaves plain names bare', () => {
    for (const name of ['Total', 'CarCount', '_time', 'a1', 'x_y_z', 'Junction']) {
      expect(needsQuoting(name), name).toBe(false);
      expect(quoteIdentifier(name)).toBe(name);
    }
  });

  it('quotes names with spaces, punctuation, a leading digit, non-ASCII letters or nothing at all', () => {
    expect(quoteIdentifier('Day of the week')).toBe('"Day of the week"');
    expect(quoteIdentifier('Traffic Situation')).toBe('"Traffic Situation"');
    expect(quoteIdentifier('1st')).toBe('"1st"');
    expect(quoteIdentifier('a-b')).toBe('"a-b"');
    expect(quoteIdentifier('Straße')).toBe('"Straße"');
    expect(quoteIdentifier('')).toBe('""');
  });

  it('doubles quotes inside a quoted name', () => {
    expect(quoteIdentifier('say "hi"')).toBe('"say ""hi"""');
  });

  it('quotes every SQLite keyword in any case', () => {
    expect(SQLITE_KEYWORDS.size).toBe(147);
    for (const name of ['select', 'SELECT', 'Order', 'group', 'rows', 'returning', 'materialized', 'current_timestamp', 'window', 'nothing']) {
      expect(needsQuoting(name), name).toBe(true);
      expect(quoteIdentifier(name)).toBe(`"${name}"`);
    }
    // Names SQLite uses for functions or types are not keywords.
    for (const name of ['count', 'date', 'time', 'text', 'integer', 'rowid']) expect(needsQuoting(name), name).toBe(false);
  });
});

describe('liveDataColumnNames', () => {
  it('keeps unique names as written', () => {
    expect(liveDataColumnNames(['Time', 'Day of the week', 'Total'])).toEqual(['Time', 'Day of the week', 'Total']);
  });

  it('suffixes names equal, regardless of case, to an earlier one or a system column', () => {
    expect(liveDataColumnNames(['a', 'A', 'a', '_offset', '_Ingested_At'])).toEqual(['a', 'A_2', 'a_3', '_offset_2', '_Ingested_At_2']);
  });
});
