import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RejectedRow } from '../../../shared/contract';
import { CommandError } from '../../../shared/envelope';
import { Engine } from '../engine';
import { TempDir } from '../testing/trafficFixture';
import { REJECT_LOG_CAPACITY } from './rejectLog';
import { RejectSpill, rejectedRowField, rejectedRowsCsv } from './rejectSpill';

const temp = new TempDir();
afterAll(() => temp.cleanup());

const rejected = (from: number, count: number, reason = 'expected 9 fields, found 3'): RejectedRow[] =>
  Array.from({ length: count }, (_, i) => ({ line: from + i, reason, text: `a,b,${from + i}` }));

/** A minimal RFC 4180 reader, enough to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  return rows;
}

describe('rejectedRowField', () => {
  it('quotes fields with commas, quotes and line breaks, and leaves plain text alone', () => {
    expect(rejectedRowField('plain text')).toBe('plain text');
    expect(rejectedRowField('a,b')).toBe('"a,b"');
    expect(rejectedRowField('say "hi"')).toBe('"say ""hi"""');
    expect(rejectedRowField('two\nlines')).toBe('"two\nlines"');
    expect(rejectedRowField('cr\rhere')).toBe('"cr\rhere"');
    expect(rejectedRowField('')).toBe('');
  });

  it('defuses spreadsheet formulas by prefixing a quote mark', () => {
    expect(rejectedRowField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(rejectedRowField('+1')).toBe("'+1");
    expect(rejectedRowField('-1,5')).toBe(`"'-1,5"`);
    expect(rejectedRowField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(rejectedRowField('a=b')).toBe('a=b');
  });

  it('writes rows that read back as written', () => {
    const rows: RejectedRow[] = [
      { line: 7, reason: 'column "Total" expects a number, found "x"', text: '12:00 AM,1,"quoted, field"\nsecond line' },
      { line: 9, reason: 'invalid UTF-8', text: '=1+1' },
    ];
    expect(parseCsv(rejectedRowsCsv(rows))).toEqual([
      ['7', 'column "Total" expects a number, found "x"', '12:00 AM,1,"quoted, field"\nsecond line'],
      ['9', 'invalid UTF-8', "'=1+1"],
    ]);
  });
});

describe('RejectSpill', () => {
  it('saves every rejected row of the replay, far beyond the thousand shown on screen', async () => {
    const spill = new RejectSpill(join(temp.path, 'spill-a'));
    spill.reset();
    const total = REJECT_LOG_CAPACITY * 3 + 7;
    for (let from = 2; from < total + 2; from += 500) spill.add(rejected(from, Math.min(500, total + 2 - from)));
    const target = temp.file('all-rejected.csv');
    expect(await spill.saveTo(target)).toBe(total);
    const rows = parseCsv(readFileSync(target, 'utf8'));
    expect(rows[0]).toEqual(['line', 'reason', 'text']);
    expect(rows).toHaveLength(total + 1);
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual(Array.from({ length: total }, (_, i) => i + 2));
    expect(rows.at(-1)).toEqual([String(total + 1), 'expected 9 fields, found 3', `a,b,${total + 1}`]);
    await spill.dispose();
  });

  it('saves what was added up to the call, and can save again later with more', async () => {
    const spill = new RejectSpill(join(temp.path, 'spill-b'));
    spill.reset();
    spill.add(rejected(2, 3));
    const first = temp.file('first.csv');
    expect(await spill.saveTo(first)).toBe(3);
    spill.add(rejected(10, 2));
    spill.add([]);
    const second = temp.file('second.csv');
    expect(await spill.saveTo(second)).toBe(5);
    expect(parseCsv(readFileSync(first, 'utf8'))).toHaveLength(4);
    expect(parseCsv(readFileSync(second, 'utf8')).map((r) => r[0])).toEqual(['line', '2', '3', '4', '10', '11']);
    await spill.dispose();
  });

  it('starts empty for each new replay and deletes the old file', async () => {
    const dir = join(temp.path, 'spill-c');
    const spill = new RejectSpill(dir);
    spill.reset();
    spill.add(rejected(2, 50));
    await spill.saveTo(temp.file());
    spill.reset();
    spill.add(rejected(900, 1));
    const target = temp.file('after-reset.csv');
    expect(await spill.saveTo(target)).toBe(1);
    expect(parseCsv(readFileSync(target, 'utf8'))).toEqual([['line', 'reason', 'text'], ['900', 'expected 9 fields, found 3', 'a,b,900']]);
    await new Promise((resolve) => setTimeout(resolve, 20)); // the previous file is closed and removed in the background
    expect(readdirSync(dir)).toHaveLength(1);
    await spill.dispose();
    expect(readdirSync(dir)).toHaveLength(0);
  });

  it('says so when no replay has run yet', async () => {
    const spill = new RejectSpill(join(temp.path, 'spill-d'));
    await expect(spill.saveTo(temp.file())).rejects.toThrow(/No replay has run yet/);
    spill.add(rejected(2, 1)); // ignored without a file
    expect(existsSync(join(temp.path, 'spill-d'))).toBe(false);
  });

  it('reports a target it cannot write to', async () => {
    const spill = new RejectSpill(join(temp.path, 'spill-e'));
    spill.reset();
    spill.add(rejected(2, 1));
    await expect(spill.saveTo(join(temp.path, 'no-such-folder', 'x.csv'))).rejects.toThrow();
    await spill.dispose();
  });
});

describe('saving before any replay', () => {
  it('says so as a state the user is in, not as a disk fault naming a path', async () => {
    const engine = new Engine({ sampleCsvPath: join(__dirname, '..', '..', '..', 'sample-data', 'traffic-sample.csv'), dataDir: mkdtempSync(join(temp.path, 'data-')), onViewUpdate: () => undefined });
    try {
      await engine.handle('file:openSample', undefined);
      const target = join(temp.path, 'downloads', 'rejected-rows.csv');
      const saving = engine.handle('rejected:save', { path: target });
      await expect(saving).rejects.toBeInstanceOf(CommandError);
      await expect(saving).rejects.toMatchObject({ code: 'BAD_STATE', message: 'No replay has run yet, so there are no rejected rows to save.' });
    } finally {
      engine.stop();
    }
  });
});
