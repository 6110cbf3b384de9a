/**
 * Rows that end with a delimiter (`…;88;59;`): one empty field past the header on every data line,
 * as many agencies' exports write them. Every such row used to be rejected ("expected 25 fields,
 * found 26"): a whole file lost. Expected values here are written by hand from the lines built.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { TempDir } from '../testing/trafficFixture';
import { readCsvBatches } from './csvBatchReader';
import { scanFile } from './fileScan/scanFile';
import { openSniffedFile } from './openFile';
import { fitsWidth, withoutEmptyExtraFields } from './rowWidth';
import { sniffCsv } from './sniffCsv';

const temp = new TempDir();
afterAll(() => temp.cleanup());

describe('a row against the header width', () => {
  it('fits when it is as wide, or wider only by empty fields', () => {
    expect(fitsWidth(['a', 'b'], 2)).toBe(true);
    expect(fitsWidth(['a', 'b', ''], 2)).toBe(true);
    expect(fitsWidth(['a', 'b', '', ' '], 2)).toBe(true);
    expect(fitsWidth(['a', 'b', 'c'], 2)).toBe(false);
    expect(fitsWidth(['a', 'b', '', 'c'], 2)).toBe(false);
    expect(fitsWidth(['a'], 2)).toBe(false);
  });

  it('is cut to the header width only when what lies beyond is empty', () => {
    expect(withoutEmptyExtraFields(['a', 'b', ''], 2)).toEqual(['a', 'b']);
    expect(withoutEmptyExtraFields(['a', 'b', 'c'], 2)).toEqual(['a', 'b', 'c']);
  });
});

describe('a file whose data lines end with a delimiter', () => {
  const header = 'Station;Time;Vehicles;Speed';
  const stations = ['MQ_01 (north)', 'MQ_02 (south)', 'MQ_03 (east)'];
  const lines: string[] = [];
  for (let slot = 0; slot < 40; slot++) {
    for (const [s, station] of stations.entries()) {
      const hh = String(Math.floor(slot / 4)).padStart(2, '0');
      const mm = String((slot % 4) * 15).padStart(2, '0');
      lines.push(`${station};2024-05-06 ${hh}:${mm};${10 + slot + s};${50 + s};`);
    }
  }
  // Two rows that really are ragged: a value past the header, and one field missing.
  lines[30] = `${stations[0]};2024-05-06 02:30;7;51;99`;
  lines[61] = `${stations[1]};2024-05-06 05:00;8`;

  it('reads every whole row, rejects only the ragged ones, and says why the lines are wider', async () => {
    const path = temp.write(`${header}\n${lines.join('\n')}\n`, 'line-end-delimiter.csv');
    const opened = await openSniffedFile(await sniffCsv(path), null);
    expect(opened.schema.columns.map((column) => [column.name, column.role])).toEqual([
      ['Station', 'location'],
      ['Time', 'timestamp'],
      ['Vehicles', 'measure'],
      ['Speed', 'measure'],
    ]);
    expect(opened.schema.measure).toBe('Vehicles');
    expect(opened.info.notes.join(' ')).toContain('Rows end with a delimiter after the last column');

    const accepted: { line: number; values: unknown[] }[] = [];
    const rejected: { line: number; reason: string }[] = [];
    for await (const batch of readCsvBatches({ path, dialect: opened.sniffed.dialect, schema: opened.schema })) {
      accepted.push(...batch.records.map((record) => ({ line: record.line, values: record.values })));
      rejected.push(...batch.rejected.map((row) => ({ line: row.line, reason: row.reason })));
    }
    expect(rejected).toEqual([
      { line: 32, reason: 'expected 4 fields, found 5' },
      { line: 63, reason: 'expected 4 fields, found 3' },
    ]);
    expect(accepted).toHaveLength(lines.length - 2);
    expect(accepted[0]).toEqual({ line: 2, values: ['MQ_01 (north)', '2024-05-06 00:00', 10, 50] });
    const scan = await scanFile({ path, dialect: opened.sniffed.dialect, schema: opened.schema, workerPath: null, segments: 2 });
    expect({ rows: scan.rows, rejected: scan.rejected }).toEqual({ rows: lines.length, rejected: 2 });
  });

  it('keeps the row after an unclosed quote when rows end with a delimiter', async () => {
    const broken = [...lines];
    broken[10] = `${stations[1]};2024-05-06 00:45;"12;51;`;
    const path = temp.write(`${header}\n${broken.join('\n')}\n`, 'line-end-delimiter-quote.csv');
    const opened = await openSniffedFile(await sniffCsv(path), null);
    const read: number[] = [];
    const rejectedLines: number[] = [];
    for await (const batch of readCsvBatches({ path, dialect: opened.sniffed.dialect, schema: opened.schema })) {
      read.push(...batch.records.map((record) => record.line));
      rejectedLines.push(...batch.rejected.map((row) => row.line));
    }
    expect(rejectedLines).toEqual([12, 32, 63]);
    expect(read).toContain(13);
    expect(read.length + rejectedLines.length).toBe(lines.length);
  });
});
