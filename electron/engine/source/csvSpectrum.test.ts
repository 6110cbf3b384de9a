/**
 * csv-spectrum (npm `csv-spectrum`), a public test suite for CSV parsers: every one of its CSV files
 * is opened as the app opens a file (sniff, infer the schema, open) and read by the replay's
 * streaming reader, and its rows must be the suite's JSON rows.
 *
 * The app types its columns, so a value is compared as its column reads it: in a number column
 * the JSON's text as a number ("08123" is 8123), elsewhere the text itself, an empty value as null.
 * Where the app refuses a value for a reason it documents (text in a number column rejects the
 * row, with its line and column), the file's entry below names the row; no other row may be
 * missing. One expectation of the suite's own is wrong, and is named too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RejectedRow } from '../../../shared/contract';
import type { CellValue } from '../../../shared/records';
import { TempDir } from '../testing/trafficFixture';
import { readCsvBatches } from './csvBatchReader';
import { openSniffedFile } from './openFile';
import { sniffCsv } from './sniffCsv';

const temp = new TempDir();
afterAll(() => temp.cleanup());

const SUITE = dirname(createRequire(__filename).resolve('csv-spectrum/package.json'));
const FILES = readdirSync(join(SUITE, 'csvs'))
  .filter((name) => name.endsWith('.csv'))
  .map((name) => basename(name, '.csv'))
  .sort();

/** The suite's rows that the app rejects: the row's index among the JSON rows, its line and why. */
interface Refusal {
  row: number;
  line: number;
  reason: RegExp;
}

/**
 * Per file, what differs from the suite's JSON, on purpose. In newlines.csv column "a" holds 1, a
 * two-line text, 7: inferred as numbers, the text's row is rejected as text in a number column
 * (the reason quotes the value as JSON, its line break as \n).
 */
const REFUSED: Readonly<Record<string, readonly Refusal[]>> = {
  newlines: [{ row: 1, line: 3, reason: /^column "a" expects a number, found "Once upon \\na time"$/ }],
  newlines_crlf: [{ row: 1, line: 3, reason: /^column "a" expects a number, found "Once upon \\r\\na time"$/ }],
};

/**
 * location_coordinates.json gives the phone number as 1234567890 while its CSV holds 2095257564
 * (and gives one object rather than a list): the suite's mistake. The CSV's value is expected.
 */
const SUITE_MISTAKES: Readonly<Record<string, Record<string, string>>> = {
  location_coordinates: { 'Contact Phone Number': '2095257564' },
};

function expectedRows(name: string): Record<string, string>[] {
  const json = JSON.parse(readFileSync(join(SUITE, 'json', `${name}.json`), 'utf8')) as Record<string, string> | Record<string, string>[];
  const rows = Array.isArray(json) ? json : [json];
  return rows.map((row) => ({ ...row, ...SUITE_MISTAKES[name] }));
}

/** What the app reads for the suite's text `value` in a column of `type`. */
function asRead(value: string, type: string): CellValue {
  if (value === '') return null;
  return type === 'number' ? Number(value) : value;
}

async function readThroughApp(path: string): Promise<{ columns: { name: string; type: string }[]; values: CellValue[][]; rejected: RejectedRow[] }> {
  const opened = await openSniffedFile(await sniffCsv(path), null);
  const values: CellValue[][] = [];
  const rejected: RejectedRow[] = [];
  for await (const batch of readCsvBatches({ path, dialect: opened.sniffed.dialect, schema: opened.schema })) {
    values.push(...batch.records.map((record) => record.values));
    rejected.push(...batch.rejected);
  }
  return { columns: opened.schema.columns, values, rejected };
}

describe('csv-spectrum through sniff, open and the streaming reader', () => {
  it('has its files installed (the suite is a devDependency)', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(12);
    expect(FILES).toContain('location_coordinates');
  });

  it.each(FILES)('%s.csv gives the suite\'s rows', async (name) => {
    const { columns, values, rejected } = await readThroughApp(join(SUITE, 'csvs', `${name}.csv`));
    const expected = expectedRows(name);
    expect(columns.map((column) => column.name)).toEqual(Object.keys(expected[0] ?? {}));
    const refusals = REFUSED[name] ?? [];
    expect(rejected.map((row) => row.line)).toEqual(refusals.map((refusal) => refusal.line));
    refusals.forEach((refusal, index) => expect(rejected[index]?.reason).toMatch(refusal.reason));
    const kept = expected.filter((_, index) => !refusals.some((refusal) => refusal.row === index));
    expect(values).toEqual(kept.map((row) => columns.map((column) => asRead(row[column.name] ?? '', column.type))));
  });

  it.each(FILES)('%s.csv written as UTF-16 LE with a byte-order mark reads the same', async (name) => {
    const path = join(SUITE, 'csvs', `${name}.csv`);
    const utf16 = temp.write(Buffer.from(`\ufeff${readFileSync(path, 'utf8')}`, 'utf16le'));
    expect(await readThroughApp(utf16)).toEqual(await readThroughApp(path));
  });

  it('keeps the row whose coordinates hold U+FFFD written in the file (valid UTF-8, not invalid bytes)', async () => {
    const { values, rejected } = await readThroughApp(join(SUITE, 'csvs', 'location_coordinates.csv'));
    expect(rejected).toEqual([]);
    expect(values[0]?.[1]).toBe('37\uFFFD36\'37.8"N 121\uFFFD2\'17.9"W');
  });
});
