import { readFileSync, statSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { RejectedRow } from '../../../shared/contract';
import type { TrafficRecord } from '../../../shared/records';
import {
  TempDir,
  TOTAL_INDEX,
  TRAFFIC_HEADER,
  TRAFFIC_OVERRIDES,
  JUNCTION_HEADER,
  joinLines,
  junctionFields,
  junctionRows,
  rowFields,
  rowValues,
  trafficCsv,
  trafficRows,
  type JunctionRow,
  type TrafficRow,
} from '../testing/trafficFixture';
import type { CsvDialect } from './csvDialect';
import { readCsvBatches, type CsvBatch, type ReaderCheckpoint } from './csvBatchReader';
import { sniffCsv } from './sniffCsv';
import { resolveTableSchema, type TableSchema } from './tableSchema';

const temp = new TempDir();
afterAll(() => temp.cleanup());

interface ReadAll {
  records: TrafficRecord[];
  rejected: RejectedRow[];
  batches: number;
  bytesRead: number[];
}

async function open(path: string): Promise<{ dialect: CsvDialect; schema: TableSchema }> {
  const sniffed = await sniffCsv(path);
  return { dialect: sniffed.dialect, schema: resolveTableSchema(sniffed.names, sniffed.sampleRows, sniffed.dialect.delimiter, TRAFFIC_OVERRIDES) };
}

async function readAll(path: string): Promise<ReadAll> {
  const { dialect, schema } = await open(path);
  const out: ReadAll = { records: [], rejected: [], batches: 0, bytesRead: [] };
  for await (const batch of readCsvBatches({ path, dialect, schema })) {
    out.batches++;
    out.bytesRead.push(batch.bytesRead);
    for (const record of batch.records) out.records.push(record);
    for (const row of batch.rejected) out.rejected.push(row);
  }
  return out;
}

const line = (row: TrafficRow): string => rowFields(row).join(',');

describe('readCsvBatches: line numbers', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('gives each row the file line it starts on, across blank lines and a quoted multi-line field (%s)', async (_name, newline) => {
    const [a, b, c, d] = trafficRows(4) as [TrafficRow, TrafficRow, TrafficRow, TrafficRow];
    const multiLine = [...rowFields(b).slice(0, 8), `"heavy${newline}traffic"`].join(',');
    const lines = [TRAFFIC_HEADER, line(a), '', multiLine, line(c), '', '', line(d)];
    // The quoted field spans lines 4 and 5 of the file.
    const result = await readAll(temp.write(joinLines(lines, { newline })));
    expect(result.rejected).toEqual([]);
    expect(result.records.map((r) => r.line)).toEqual([2, 4, 6, 9]);
    expect(result.records[1]?.values.at(-1)).toBe(`heavy${newline}traffic`);
    expect(result.records[0]?.values).toEqual(rowValues(a));
    expect(result.records[3]?.values).toEqual(rowValues(d));
  });

  it('counts blank lines before the header', async () => {
    const [a] = trafficRows(1) as [TrafficRow];
    const result = await readAll(temp.write(joinLines(['', '', TRAFFIC_HEADER, line(a)])));
    expect(result.records.map((r) => r.line)).toEqual([4]);
  });

  it('reads the last row when the file does not end with a newline', async () => {
    const rows = trafficRows(3);
    const result = await readAll(temp.write(trafficCsv(rows, { trailingNewline: false })));
    expect(result.records.map((r) => r.values)).toEqual(rows.map(rowValues));
  });

  it('reads a file with old-Mac CR line ends', async () => {
    const rows = trafficRows(5);
    const result = await readAll(temp.write(trafficCsv(rows, { newline: '\r' })));
    expect(result.records.map((r) => r.line)).toEqual([2, 3, 4, 5, 6]);
    expect(result.records.map((r) => r.values)).toEqual(rows.map(rowValues));
  });

  it('yields nothing for a header-only file', async () => {
    const result = await readAll(temp.write(`${TRAFFIC_HEADER}\n`));
    expect(result.records).toEqual([]);
    expect(result.rejected).toEqual([]);
  });
});

describe('readCsvBatches: bad rows', () => {
  it('rejects ragged and non-numeric rows with their line and reason and keeps reading', async () => {
    const rows = trafficRows(30);
    const lines = rows.map(line);
    const ragged = rowFields(rows[4] as TrafficRow).slice(0, 6).join(',');
    const extra = `${line(rows[9] as TrafficRow)},surplus`;
    const wordInCount = rowFields(rows[20] as TrafficRow).map((f, i) => (i === 3 ? 'many' : f)).join(',');
    lines[4] = ragged; // file line 6
    lines[9] = extra; // file line 11
    lines[20] = wordInCount; // file line 22
    const result = await readAll(temp.write(joinLines([TRAFFIC_HEADER, ...lines])));

    expect(result.rejected.map((r) => r.line)).toEqual([6, 11, 22]);
    expect(result.rejected[0]?.reason).toBe('expected 9 fields, found 6');
    expect(result.rejected[1]?.reason).toBe('expected 9 fields, found 10');
    expect(result.rejected[2]?.reason).toContain('"CarCount"');
    expect(result.rejected[2]?.reason).toContain('"many"');
    expect(result.rejected[0]?.text).toBe(ragged);

    // Every data line is either accepted or rejected, and the good ones are untouched.
    expect(result.records.length + result.rejected.length).toBe(rows.length);
    const goodLines = rows.map((_, i) => i + 2).filter((l) => ![6, 11, 22].includes(l));
    expect(result.records.map((r) => r.line)).toEqual(goodLines);
    const expected = rows.filter((_, i) => ![4, 9, 20].includes(i)).map(rowValues);
    expect(result.records.map((r) => r.values)).toEqual(expected);
  });

  it('rejects a row whose quote never closes at the end of the file without swallowing the rows after it', async () => {
    const rows = trafficRows(12);
    const lines = rows.map(line);
    lines[3] = `"${lines[3]}`; // file line 5: an opening quote that never closes
    const result = await readAll(temp.write(joinLines([TRAFFIC_HEADER, ...lines])));

    expect(result.rejected.map((r) => r.line)).toEqual([5]);
    expect(result.rejected[0]?.reason).toMatch(/quote/i);
    expect(result.records.length + result.rejected.length).toBe(rows.length);
    expect(result.records.map((r) => r.line)).toEqual([2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(result.records.at(-1)?.values).toEqual(rowValues(rows[11] as TrafficRow));
  });

  it('recovers from several unmatched quotes, including one on the very last line', async () => {
    const rows = trafficRows(10);
    const lines = rows.map(line);
    lines[1] = `"${lines[1]}`; // file line 3
    lines[5] = `"${lines[5]}`; // file line 7
    lines[9] = `"${lines[9]}`; // file line 11, the last
    const result = await readAll(temp.write(joinLines([TRAFFIC_HEADER, ...lines], { trailingNewline: false })));
    expect(result.rejected.map((r) => r.line)).toEqual([3, 7, 11]);
    expect(result.records.map((r) => r.line)).toEqual([2, 4, 5, 6, 8, 9, 10]);
    expect(result.records.map((r) => r.values)).toEqual([0, 2, 3, 4, 6, 7, 8].map((i) => rowValues(rows[i] as TrafficRow)));
  });

  it('accepts a properly quoted last field at the very end of the file', async () => {
    const rows = trafficRows(3);
    const lines = rows.map(line);
    lines[2] = [...rowFields(rows[2] as TrafficRow).slice(0, 8), '"heavy, slow"'].join(',');
    const result = await readAll(temp.write(joinLines([TRAFFIC_HEADER, ...lines], { trailingNewline: false })));
    expect(result.rejected).toEqual([]);
    expect(result.records.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(result.records[2]?.values.at(-1)).toBe('heavy, slow');
  });

  it('rejects a field with text after its closing quote and resumes on the next line', async () => {
    const rows = trafficRows(8);
    const lines = rows.map(line);
    lines[2] = `"12:30:00 AM"x,${rowFields(rows[2] as TrafficRow).slice(1).join(',')}`; // file line 4
    const result = await readAll(temp.write(joinLines([TRAFFIC_HEADER, ...lines])));
    expect(result.rejected.map((r) => r.line)).toEqual([4]);
    expect(result.records.length + result.rejected.length).toBe(rows.length);
    expect(result.records.at(-1)?.line).toBe(rows.length + 1);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('rejects only the line of an unmatched quote in a large file and reads every row after it intact (%s)', async (_name, newline) => {
    const rows = trafficRows(40_000);
    const lines = rows.map(line);
    lines[3] = `"${lines[3]}`; // file line 5; the next 1 MB+ of the file holds no closing quote
    const result = await readAll(temp.write(joinLines([TRAFFIC_HEADER, ...lines], { newline })));

    expect(result.rejected.map((r) => r.line)).toEqual([5]);
    expect(result.rejected[0]?.reason).toMatch(/quote/i);
    expect(result.rejected[0]?.text).not.toMatch(/[\r\n]/);
    expect(result.records.length).toBe(rows.length - 1);
    const after = result.records.find((r) => r.line === 6);
    expect(after?.values).toEqual(rowValues(rows[4] as TrafficRow));
    const lastLine = result.records.at(-1);
    expect(lastLine?.line).toBe(rows.length + 1);
    expect(lastLine?.values).toEqual(rowValues(rows.at(-1) as TrafficRow));
  });
});

describe('readCsvBatches: encodings and line ends', () => {
  it('strips a BOM and a CR so the first and last values are exact', async () => {
    const rows = trafficRows(20);
    const result = await readAll(temp.write(trafficCsv(rows, { bom: true, newline: '\r\n' })));
    expect(result.rejected).toEqual([]);
    expect(result.records.map((r) => r.values)).toEqual(rows.map(rowValues));
    expect(result.records.map((r) => r.line)).toEqual(rows.map((_, i) => i + 2));
  });

  it('reads semicolon-separated files', async () => {
    const rows = trafficRows(10);
    const result = await readAll(temp.write(trafficCsv(rows, { delimiter: ';' })));
    expect(result.records.map((r) => r.values)).toEqual(rows.map(rowValues));
  });
});

describe('readCsvBatches: streaming a file larger than one block', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('loses and repeats no row across 256 KB block boundaries (%s)', async (_name, newline) => {
    // Multi-byte characters make some block boundaries fall inside a character.
    const rows = trafficRows(50_000, 11).map((row) => ({ ...row, situation: `${row.situation} – Straße` }));
    const path = temp.write(trafficCsv(rows, { newline }));
    const size = statSync(path).size;
    expect(size).toBeGreaterThan(8 * 256 * 1024);

    const result = await readAll(path);
    expect(result.rejected).toEqual([]);
    expect(result.records).toHaveLength(rows.length);
    const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
    expect(sum(result.records.map((r) => r.values[TOTAL_INDEX] as number))).toBe(sum(rows.map((r) => r.total)));
    // Lines are consecutive: none lost, none twice, in file order.
    expect(result.records.every((r, i) => r.line === i + 2)).toBe(true);
    expect(result.records.every((r, i) => r.values.at(-1) === (rows[i] as TrafficRow).situation)).toBe(true);
    expect(result.records.every((r, i) => r.values[0] === (rows[i] as TrafficRow).time)).toBe(true);
    // 50,000 quarter hours span 17 months: the split time rolls over every month end and a year end.
    expect(result.records.every((r, i) => r.time === (rows[i] as TrafficRow).epoch)).toBe(true);

    // It really streamed: several batches, progress only grows, and ends at the file size.
    expect(result.batches).toBeGreaterThan(1);
    expect(result.bytesRead.every((b, i) => i === 0 || b >= (result.bytesRead[i - 1] as number))).toBe(true);
    expect(result.bytesRead.at(-1)).toBe(size);
  });

  /** Pads the header so that `target` (searched from the end of the first block) starts at byte `at`. */
  function placeAt(rows: readonly TrafficRow[], newline: string, target: string, at: number): string {
    const text = trafficCsv(rows, { newline });
    let index = text.length;
    let byte = Number.POSITIVE_INFINITY;
    while (byte > at) {
      index = text.lastIndexOf(target, index - 1);
      if (index < 0) throw new Error('target not found early enough');
      byte = Buffer.byteLength(text.slice(0, index));
    }
    const header = TRAFFIC_HEADER + ' '.repeat(at - byte); // names are trimmed, so padding is harmless
    return text.replace(TRAFFIC_HEADER, header);
  }

  const BLOCK = 256 * 1024;

  it.each([
    ['a CRLF pair', '\r\n', BLOCK - 1],
    ['a 3-byte character (1 | 2 bytes)', '€', BLOCK - 1],
    ['a 3-byte character (2 | 1 bytes)', '€', BLOCK - 2],
  ])('reads rows intact when the first block ends inside %s', async (_what, target, at) => {
    const rows = trafficRows(8_000, 4).map((row) => ({ ...row, situation: `${row.situation} €` }));
    const path = temp.write(placeAt(rows, '\r\n', target, at));
    const bytes = readFileSync(path);
    expect(bytes.subarray(at, at + Buffer.byteLength(target)).toString('utf8')).toBe(target);

    const result = await readAll(path);
    expect(result.rejected).toEqual([]);
    expect(result.records.map((r) => r.values)).toEqual(rows.map(rowValues));
    expect(result.records.every((r, i) => r.line === i + 2)).toBe(true);
  });

  it('stops when its signal is aborted', async () => {
    const path = temp.write(trafficCsv(trafficRows(30_000)));
    const { dialect, schema } = await open(path);
    const abort = new AbortController();
    let read = 0;
    const reading = (async () => {
      for await (const batch of readCsvBatches({ path, dialect, schema, signal: abort.signal })) {
        read += batch.records.length;
        abort.abort();
      }
    })();
    await expect(reading).rejects.toThrow(/abort/i);
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(30_000);
  });
});

/** Every batch of one read, in order. */
async function readBatches(path: string, extra: Partial<Parameters<typeof readCsvBatches>[0]> = {}): Promise<CsvBatch[]> {
  const { dialect, schema } = await open(path);
  const batches: CsvBatch[] = [];
  for await (const batch of readCsvBatches({ path, dialect, schema, ...extra })) batches.push(batch);
  return batches;
}

const recordsOf = (batches: readonly CsvBatch[]): TrafficRecord[] => batches.flatMap((b) => b.records);
const rejectedOf = (batches: readonly CsvBatch[]): RejectedRow[] => batches.flatMap((b) => b.rejected);
const skippedOf = (batches: readonly CsvBatch[]): number => batches.reduce((sum, b) => sum + b.skipped, 0);

describe('readCsvBatches: checkpoints', () => {
  const JUNCTIONS = ['J01', 'J02', 'J03', 'J04'];
  // 5,000 slots × 4 junctions (about 1 MB), a few bad rows sprinkled in: October 31 → November 1
  // falls in the third of four or five blocks, so later checkpoints must carry the month.
  function junctionFile(options: { bom?: boolean; newline?: string; situation?: (row: JunctionRow) => string } = {}): { text: string; rows: JunctionRow[]; bad: Set<number> } {
    const rows = junctionRows(5000, JUNCTIONS).map((row) => ({ ...row, situation: options.situation?.(row) ?? row.situation }));
    const bad = new Set([7, 5_000, 12_345, 19_999]);
    const lines = rows.map((row, i) => (bad.has(i) ? junctionFields(row).slice(0, 4).join(',') : junctionFields(row).join(',')));
    return { text: joinLines([JUNCTION_HEADER, ...lines], options), rows, bad };
  }

  type FileOptions = NonNullable<Parameters<typeof junctionFile>[0]>;
  it.each<[string, FileOptions]>([
    ['LF, ASCII', {}],
    ['CRLF with a BOM and multi-byte characters', { bom: true, newline: '\r\n', situation: (row: JunctionRow) => `${row.situation} – Straße €` }],
  ])('resuming at any checkpoint reproduces exactly the rows after it, times included (%s)', async (_name, options) => {
    const { text, rows, bad } = junctionFile(options);
    const path = temp.write(text);
    const bytes = readFileSync(path);
    const full = await readBatches(path);
    const allRecords = recordsOf(full);
    const allRejected = rejectedOf(full);
    expect(allRecords.length + allRejected.length).toBe(rows.length);
    expect(allRejected.map((r) => r.line)).toEqual([...bad].map((i) => i + 2));
    // The month rolled over: the split time of every accepted row is right.
    const good = rows.filter((_, i) => !bad.has(i));
    expect(allRecords.map((r) => r.time)).toEqual(good.map((row) => row.epoch));
    expect(new Date(allRecords.at(-1)?.time ?? 0).getUTCMonth() + 1).toBe(11);

    const checkpoints = full.map((b) => b.checkpoint).filter((c) => c.byte > 0);
    expect(checkpoints.length).toBeGreaterThanOrEqual(3);
    expect(checkpoints.some((c) => c.timeline?.month === 11)).toBe(true);
    const expectValid = (checkpoint: ReaderCheckpoint): void => {
      // The byte offset is where the row on the checkpoint's line starts in the file.
      const lineText = text.replace(/^\uFEFF/, '').split(options.newline ?? '\n')[checkpoint.line - 1] as string;
      expect(bytes.subarray(checkpoint.byte, checkpoint.byte + Buffer.byteLength(lineText)).toString('utf8')).toBe(lineText);
      expect(checkpoint.row).toBe(checkpoint.line - 2);
      expect(checkpoint.firstTime).toBe(allRecords.find((r) => r.line >= checkpoint.line)?.time);
    };
    for (const checkpoint of checkpoints) {
      expectValid(checkpoint);
      const resumed = await readBatches(path, { start: checkpoint });
      expect(recordsOf(resumed)).toEqual(allRecords.filter((r) => r.line >= checkpoint.line));
      expect(rejectedOf(resumed)).toEqual(allRejected.filter((r) => r.line >= checkpoint.line));
      expect(resumed[0]?.checkpoint).toEqual(checkpoint);
      expect(resumed.at(-1)?.rowsSoFar).toBe(rows.length);
      expect(resumed.at(-1)?.bytesRead).toBe(bytes.length);
      // Checkpoints met on the way from a resumed read are as good as the first ones.
      for (const later of resumed.map((b) => b.checkpoint)) expectValid(later);
    }
  });

  it('without the saved timeline state, the rows after a month roll-over would land in the wrong month', async () => {
    const { text } = junctionFile();
    const path = temp.write(text);
    const full = await readBatches(path);
    const checkpoint = full.map((b) => b.checkpoint).find((c) => c.timeline?.month === 11);
    expect(checkpoint).toBeDefined();
    const withState = recordsOf(await readBatches(path, { start: checkpoint }));
    const withoutState = recordsOf(await readBatches(path, { start: { ...checkpoint!, timeline: null } }));
    expect(withoutState.map((r) => r.line)).toEqual(withState.map((r) => r.line));
    expect(withoutState[0]?.time).not.toBe(withState[0]?.time);
  });

  it('skipUntil a row reads the rows before it but emits none, rejected ones included', async () => {
    const { text, rows, bad } = junctionFile();
    const path = temp.write(text);
    const full = await readBatches(path);
    const allRecords = recordsOf(full);
    for (const row of [0, 6, 7, 4_321, 12_345, 19_999, rows.length]) {
      const batches = await readBatches(path, { skipUntil: { kind: 'row', row } });
      const records = recordsOf(batches);
      const rejected = rejectedOf(batches);
      expect(records).toEqual(allRecords.filter((r) => r.line >= row + 2));
      expect(rejected.map((r) => r.line)).toEqual([...bad].filter((i) => i >= row).map((i) => i + 2));
      expect(skippedOf(batches)).toBe(row);
      expect(records.length + rejected.length + skippedOf(batches)).toBe(rows.length);
    }
  });

  it('skipUntil a row from a checkpoint skips only the rows between the two', async () => {
    const { text, rows } = junctionFile();
    const path = temp.write(text);
    const full = await readBatches(path);
    const checkpoint = full[2]!.checkpoint;
    const target = checkpoint.row + 100;
    const batches = await readBatches(path, { start: checkpoint, skipUntil: { kind: 'row', row: target } });
    expect(skippedOf(batches)).toBe(100);
    expect(recordsOf(batches)[0]?.line).toBe(target + 2);
    expect(recordsOf(batches)).toEqual(recordsOf(full).filter((r) => r.line >= target + 2));
    expect(batches.at(-1)?.rowsSoFar).toBe(rows.length);
  });

  it('skipUntil a time starts at the first row of that slot (all junctions), across the month end', async () => {
    const { text, rows } = junctionFile();
    const path = temp.write(text);
    const allRecords = recordsOf(await readBatches(path));
    const november = Date.UTC(2026, 10, 1);
    for (const time of [rows[0]!.epoch, rows[800]!.epoch, rows[801]!.epoch + 1, november, rows.at(-1)!.epoch]) {
      const batches = await readBatches(path, { skipUntil: { kind: 'time', time } });
      const records = recordsOf(batches);
      const expected = allRecords.filter((r) => r.line >= (allRecords.find((a) => (a.time as number) >= time)?.line ?? Infinity));
      expect(records).toEqual(expected);
      expect(records[0]?.time).toBeGreaterThanOrEqual(time);
      expect(records[0]?.values.at(-1)).toBe('J01');
    }
    const past = await readBatches(path, { skipUntil: { kind: 'time', time: rows.at(-1)!.epoch + 1 } });
    expect(recordsOf(past)).toEqual([]);
    expect(skippedOf(past)).toBe(rows.length);
  });
});

// A byte-order mark says UTF-8 whatever follows; without it such a file reads as Windows-1252.
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('readCsvBatches: invalid UTF-8', () => {
  it('rejects each row holding bytes that are not UTF-8 in a file marked UTF-8, with its line and a reason naming UTF-8, and the counts reconcile', async () => {
    const rows = trafficRows(40);
    const parts: Buffer[] = [UTF8_BOM, Buffer.from(`${TRAFFIC_HEADER}\n`)];
    const broken = new Map<number, Buffer>([
      [3, Buffer.from([0xff])], // never valid
      [10, Buffer.from([0xe2, 0x82])], // a 3-byte character cut short
      [11, Buffer.from([0xc3, 0x28])], // a lead byte followed by ASCII
      [39, Buffer.from([0xed, 0xa0, 0x80])], // an encoded surrogate
    ]);
    rows.forEach((row, i) => {
      const fields = rowFields(row);
      const junk = broken.get(i);
      parts.push(junk ? Buffer.concat([Buffer.from(`${fields.slice(0, 8).join(',')},`), junk, Buffer.from('low\n')]) : Buffer.from(`${fields.join(',')}\n`));
    });
    const result = await readAll(temp.write(Buffer.concat(parts)));
    expect(result.rejected.map((r) => r.line)).toEqual([...broken.keys()].map((i) => i + 2));
    for (const row of result.rejected) expect(row.reason).toMatch(/invalid UTF-8/);
    expect(result.records.length + result.rejected.length).toBe(rows.length);
    expect(result.records.map((r) => r.values)).toEqual(rows.filter((_, i) => !broken.has(i)).map(rowValues));
  });

  it('keeps valid multi-byte text and rejects a bad byte that falls on a block boundary', async () => {
    const rows = trafficRows(8_000, 4).map((row) => ({ ...row, situation: `${row.situation} ü` }));
    const text = trafficCsv(rows);
    const bytes = Buffer.from(text);
    // Replace the "ü" (2 bytes) nearest before the block boundary (past the mark) by one invalid byte and a space.
    const at = bytes.lastIndexOf(Buffer.from('ü'), 256 * 1024 - UTF8_BOM.length - 1);
    bytes[at] = 0xff;
    bytes[at + 1] = 0x20;
    const badLine = text.slice(0, Buffer.from(text).subarray(0, at).toString('utf8').length).split('\n').length;
    const result = await readAll(temp.write(Buffer.concat([UTF8_BOM, bytes])));
    expect(result.rejected.map((r) => r.line)).toEqual([badLine]);
    expect(result.rejected[0]?.reason).toMatch(/^invalid UTF-8/);
    expect(result.records.length + result.rejected.length).toBe(rows.length);
    expect(result.records.every((r) => String(r.values.at(-1)).endsWith(' ü'))).toBe(true);
  });
});

describe('readCsvBatches: very long rows', () => {
  it('rejects a row with a field over 1 MB as one row and keeps the line numbers of the rows after it', async () => {
    const rows = trafficRows(20);
    const lines = rows.map(line);
    lines[5] = [...rowFields(rows[5] as TrafficRow).slice(0, 8), 'x'.repeat(1_500_000)].join(','); // file line 7
    const result = await readAll(temp.write(joinLines([TRAFFIC_HEADER, ...lines])));
    expect(result.rejected.map((r) => r.line)).toEqual([7]);
    expect(result.records.length + result.rejected.length).toBe(rows.length);
    expect(result.records.map((r) => r.line)).toEqual(rows.map((_, i) => i + 2).filter((l) => l !== 7));
    expect(result.records.map((r) => r.values)).toEqual(rows.filter((_, i) => i !== 5).map(rowValues));
  });

  it('rejects a quoted field over 1 MB (closed or not) as one row and reads on', async () => {
    const rows = trafficRows(20);
    const lines = rows.map(line);
    lines[5] = [...rowFields(rows[5] as TrafficRow).slice(0, 8), `"${'y'.repeat(1_500_000)}"`].join(','); // file line 7
    const result = await readAll(temp.write(joinLines([TRAFFIC_HEADER, ...lines])));
    expect(result.rejected.map((r) => r.line)).toEqual([7]);
    expect(result.records.map((r) => r.line)).toEqual(rows.map((_, i) => i + 2).filter((l) => l !== 7));
  });
});

describe('readCsvBatches: rows passed over by skipUntil', () => {
  it('counts an over-long row and an unclosed quote before the target as skipped, not rejected', async () => {
    const rows = trafficRows(30);
    const lines = rows.map(line);
    lines[2] = [...rowFields(rows[2] as TrafficRow).slice(0, 8), 'z'.repeat(1_500_000)].join(','); // row 2
    lines[27] = `"${lines[27]}`; // row 27: its quote never closes
    const path = temp.write(joinLines([TRAFFIC_HEADER, ...lines]));

    const before = await readBatches(path, { skipUntil: { kind: 'row', row: 28 } });
    expect(rejectedOf(before)).toEqual([]);
    expect(skippedOf(before)).toBe(28);
    expect(recordsOf(before).map((r) => r.line)).toEqual([30, 31]);

    const at = await readBatches(path, { skipUntil: { kind: 'row', row: 27 } });
    expect(rejectedOf(at).map((r) => r.line)).toEqual([29]);
    expect(skippedOf(at)).toBe(27);
    expect(at.at(-1)?.rowsSoFar).toBe(rows.length);

    const all = await readBatches(path);
    expect(rejectedOf(all).map((r) => r.line)).toEqual([4, 29]);
    expect(recordsOf(all).length + rejectedOf(all).length).toBe(rows.length);
  });
});

describe('readCsvBatches: stray line ends', () => {
  it('keeps the line numbers right after a bare LF inside a CRLF file (the row holding it spans two lines)', async () => {
    const rows = trafficRows(6);
    const lines = rows.map(line);
    const text = [TRAFFIC_HEADER, lines[0], `${lines[1]}\n${lines[2]}`, lines[3], lines[4], lines[5]].join('\r\n') + '\r\n';
    const result = await readAll(temp.write(text));
    // Lines 3 and 4 are one row to a CRLF reader: too many fields, rejected on the line it starts.
    expect(result.rejected.map((r) => r.line)).toEqual([3]);
    expect(result.records.map((r) => r.line)).toEqual([2, 5, 6, 7]);
  });

  it('counts a bare CR inside an LF file as part of the row, not as a line', async () => {
    const rows = trafficRows(4);
    const lines = rows.map(line);
    const text = [TRAFFIC_HEADER, lines[0], `${lines[1]}\r${lines[2]}`, lines[3]].join('\n') + '\n';
    const result = await readAll(temp.write(text));
    expect(result.rejected.map((r) => r.line)).toEqual([3]);
    expect(result.records.map((r) => r.line)).toEqual([2, 4]);
  });
});
