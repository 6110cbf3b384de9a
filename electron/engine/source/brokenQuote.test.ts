/**
 * A line whose last field opens a quote and never closes it, followed by ordinary lines, in a file
 * that quotes fields properly further on: the broken quote would close on a later line and take the
 * good rows in between with it. Only the broken line may be rejected, by the streaming reader and
 * by the whole-file scan alike, and `read = accepted + rejected` must equal the file's data lines.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { TempDir, joinLines } from '../testing/trafficFixture';
import { createBlockParser } from './blockParser';
import { readCsvBatches } from './csvBatchReader';
import { scanFile } from './fileScan/scanFile';
import { sniffCsv } from './sniffCsv';
import { resolveTableSchema } from './tableSchema';

const temp = new TempDir();
afterAll(() => temp.cleanup());

const HEADER = 'timestamp,site,volume,note';

/** 300 data lines; every 40th (from line 12) is broken; every 7th has a properly quoted note. */
function brokenQuoteFile(newline: string): { text: string; brokenLines: number[]; dataLines: number } {
  const lines = [HEADER];
  const brokenLines: number[] = [];
  for (let i = 0; i < 300; i++) {
    const line = i + 2;
    const time = new Date(Date.UTC(2025, 2, 1) + i * 900_000).toISOString().slice(0, 19);
    const base = `${time},${['A', 'B', 'C'][i % 3]},${40 + (i % 23)}`;
    if (line % 40 === 12) {
      lines.push(`${base},"broken note`);
      brokenLines.push(line);
    } else if (i % 7 === 0) lines.push(`${base},"lane 2, closed ""briefly"""`);
    else lines.push(`${base},`);
  }
  return { text: joinLines(lines, { newline }), brokenLines, dataLines: 300 };
}

describe('an unclosed quote in the last field', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('rejects only the broken line; the next line is kept (reader and scan, %s)', async (_name, newline) => {
    const { text, brokenLines, dataLines } = brokenQuoteFile(newline);
    const path = temp.write(text);
    const sniffed = await sniffCsv(path);
    const schema = resolveTableSchema(sniffed.names, sniffed.sampleRows, sniffed.dialect.delimiter);
    const acceptedLines: number[] = [];
    const rejected: { line: number; reason: string }[] = [];
    for await (const batch of readCsvBatches({ path, dialect: sniffed.dialect, schema })) {
      acceptedLines.push(...batch.records.map((record) => record.line));
      rejected.push(...batch.rejected);
    }
    expect(rejected.map((row) => row.line)).toEqual(brokenLines);
    expect(rejected[0]?.reason).toBe('unclosed quote in column "note": the quoted field runs into the next line');
    expect(acceptedLines.length + rejected.length).toBe(dataLines);
    // the line right after each broken one is there
    for (const line of brokenLines) expect(acceptedLines).toContain(line + 1);

    for (const segments of [1, 3]) {
      const profile = await scanFile({ path, dialect: sniffed.dialect, schema, workerPath: null, segments });
      expect({ rows: profile.rows, rejected: profile.rejected }).toEqual({ rows: dataLines, rejected: brokenLines.length });
      expect(profile.rejectedRows.map((row) => row.line)).toEqual(brokenLines);
    }
  });

  it('keeps a legal multi-line quoted field whole (right field count)', () => {
    const parse = createBlockParser({ delimiter: ',', newline: '\n', columns: ['a', 'b', 'c'] });
    const result = parse('a,b,c\n1,"two\nlines",3\n4,5,6\n', true);
    expect(result.rows).toEqual([['a', 'b', 'c'], ['1', 'two\nlines', '3'], ['4', '5', '6'], ['']]);
    expect(result.errors).toEqual([]);
  });
});
