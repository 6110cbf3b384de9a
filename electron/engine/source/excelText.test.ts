/**
 * Cells written as Excel text formulas (`="0015"`, as a Synchro turning-movement export keeps its
 * times of day): read as the text inside by the sniffer, the replay's reader and the whole-file
 * scan alike, so the time column is a time and every row keeps its own quarter hour. Expected
 * times are worked out here from the lines written.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvBatches } from './csvBatchReader';
import { isExcelText, unwrapExcelText } from './excelText';
import { scanFile } from './fileScan/scanFile';
import { openSniffedFile } from './openFile';
import { sniffCsv } from './sniffCsv';

const folder = mkdtempSync(join(tmpdir(), 'tm-excel-text-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('Excel text formulas', () => {
  it('are told from other text: an equals sign, a quoted text and nothing after', () => {
    expect(['="0015"', '=""', '="a ""b"""'].map(isExcelText)).toEqual([true, true, true]);
    expect(['0015', '="0015', '=0015', 'x="0015"', '"0015"'].map(isExcelText)).toEqual([false, false, false, false, false]);
    expect(unwrapExcelText('="a ""b"""')).toBe('a "b"');
    expect(unwrapExcelText('plain')).toBe('plain');
  });

  it('are read as the text inside by every reader: times of day as times, each row at its own quarter hour', async () => {
    const lines = ['Turning Movement Count,', '15 Minute Counts,', 'DATE,TIME,INTID,NBL,NBT,NBR'];
    const expected: { line: number; time: number; site: string }[] = [];
    for (let day = 16; day <= 17; day++) {
      for (let quarter = 0; quarter < 96; quarter++) {
        for (const site of ['1', '2']) {
          const hhmm = `${String(Math.floor(quarter / 4)).padStart(2, '0')}${String((quarter % 4) * 15).padStart(2, '0')}`;
          lines.push(`11/${day}/2025,="${hhmm}",${site},${quarter % 7},*,${quarter % 5},`);
          expected.push({ line: lines.length, time: Date.UTC(2025, 10, day, Math.floor(quarter / 4), (quarter % 4) * 15), site });
        }
      }
    }
    const path = join(folder, 'tmc.csv');
    writeFileSync(path, `${lines.join('\r\n')}\r\n`);
    const opened = await openSniffedFile(await sniffCsv(path), null);
    const { schema, sniffed } = opened;
    expect(schema.location).toBe('INTID');
    expect(schema.time?.kind === 'parts' ? schema.time.hhmm : null).toBe('TIME');
    const seen: { line: number; time: number; site: string }[] = [];
    for await (const batch of readCsvBatches({ path, dialect: sniffed.dialect, schema })) {
      expect(batch.rejected).toEqual([]);
      for (const record of batch.records) seen.push({ line: record.line, time: record.time as number, site: String(record.values[2]) });
    }
    expect(seen).toEqual(expected);
    const profile = await scanFile({ path, dialect: sniffed.dialect, schema, workerPath: null, segments: 2 });
    expect({ rows: profile.rows, rejected: profile.rejected }).toEqual({ rows: expected.length, rejected: 0 });
    expect([profile.timeRange?.first, profile.timeRange?.last]).toEqual([Date.UTC(2025, 10, 16), Date.UTC(2025, 10, 17, 23, 45)]);
  });
});
