/**
 * Slash dates no row decides: read day first when the file writes as continental Europe does, left
 * month first otherwise, and never against the rows or the user's choice.
 */
import { describe, expect, it } from 'vitest';
import { resolveTableSchema, settleByLaterRows } from '../tableSchema';

const names = ['fecha', 'punto', 'intensidad'];
const ambiguous = Array.from({ length: 12 }, (_, i) => [`0${(i % 9) + 1}/12/2020 08:00`, `P${i}`, String(100 + i)]);

function timeOf(rows: string[][], delimiter: string): { format: string | null; notes: string } {
  const schema = settleByLaterRows(resolveTableSchema(names, rows, delimiter, null), names, rows, [], delimiter);
  const time = schema.time;
  return { format: time?.kind === 'column' ? time.format : null, notes: schema.notes.join(' ') };
}

describe('settleDateOrderByLocale', () => {
  it('reads dates that could be either day first in a semicolon file, and says why', () => {
    const read = timeOf(ambiguous, ';');
    expect(read.format).toBe('dmy');
    expect(read.notes).toContain('"fecha" is read day first');
    expect(read.notes).toContain('";" between fields');
  });

  it('leaves them month first in a comma file', () => {
    expect(timeOf(ambiguous, ',').format).toBe('mdy');
  });

  it('follows the rows when one of them decides, whatever the delimiter', () => {
    const american = [...ambiguous, ['12/13/2020 08:00', 'P99', '5']];
    expect(timeOf(american, ';').format).toBe('mdy');
  });

  it('keeps the format the user chose', () => {
    const schema = settleByLaterRows(resolveTableSchema(names, ambiguous, ';', null), names, ambiguous, [], ';', {
      timeFormat: 'mdy',
    } as never);
    expect(schema.time?.kind === 'column' ? schema.time.format : null).toBe('mdy');
  });
});
