import { readFileSync, statSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { RejectedRow } from '../../../shared/contract';
import type { TrafficRecord } from '../../../shared/records';
import {
  TempDir,
  TOTAL_INDEX,
  TRAFFIC_HEADER,
  joinLines,
  rowFields,
  rowValues,
  trafficCsv,
  trafficRows,
  type TrafficRow,
} from '../testing/trafficFixture';
import { readCsvBatches } from './csvBatchReader';
import { sniffCsv } from './sniffCsv';

const temp = new TempDir();
afterAll(() => temp.cleanup());

interface ReadAll {
  records: TrafficRecord[];
  rejected: RejectedRow[];
  batches: number;
  bytesRead: number[];
}

async function readAll(path: string): Promise<ReadAll> {
  const { dialect, columns } = await sniffCsv(path);
  const out: ReadAll = { records: [], rejected: [], batches: 0, bytesRead: [] };
  for await (const batch of readCsvBatches({ path, dialect, columns })) {
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
    const { dialect, columns } = await sniffCsv(path);
    const abort = new AbortController();
    let read = 0;
    const reading = (async () => {
      for await (const batch of readCsvBatches({ path, dialect, columns, signal: abort.signal })) {
        read += batch.records.length;
        abort.abort();
      }
    })();
    await expect(reading).rejects.toThrow(/abort/i);
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(30_000);
  });
});
