/**
 * Files that are not shaped as the reader expects say what is wrong with them: a file written
 * without a header keeps its first row and says so; a header longer than the sniffing window and
 * a line longer than 1 MB are named as such, not as a neighbouring fault.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CommandError } from '../../../shared/envelope';
import { TempDir, joinLines } from '../testing/trafficFixture';
import { readCsvBatches } from './csvBatchReader';
import { scanFile } from './fileScan/scanFile';
import { openSniffedFile } from './openFile';
import { sniffCsv } from './sniffCsv';

const temp = new TempDir();
afterAll(() => temp.cleanup());

describe('a file with no header line', () => {
  it('reads its first line as a row, names the columns, and says so', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => `2025-03-01 ${String(Math.floor(i / 4)).padStart(2, '0')}:00,${(i % 4) + 1},${30 + i}`);
    const path = temp.write(joinLines(lines));
    const opened = await openSniffedFile(await sniffCsv(path), null);
    expect(opened.info.columns.map((column) => column.name)).toEqual(['Column 1', 'Column 2', 'Column 3']);
    expect(opened.info.notes[0]).toContain('has no header');
    expect(opened.info.estimatedRows).toBe(40);
    let read = 0;
    let firstLine = 0;
    for await (const batch of readCsvBatches({ path, dialect: opened.sniffed.dialect, schema: opened.schema })) {
      firstLine ||= batch.records[0]?.line ?? 0;
      read += batch.records.length + batch.rejected.length;
    }
    expect({ read, firstLine }).toEqual({ read: 40, firstLine: 1 });
    const profile = await scanFile({ path, dialect: opened.sniffed.dialect, schema: opened.schema, workerPath: null, segments: 2 });
    expect(profile.rows).toBe(40);
  });

  it('reads a first line of a time, a sensor code and counts as data when the lines after it have the same kinds', async () => {
    // Five-minute counts of two sensors, the way Taiwan's freeway detector files are written (no header).
    const lines = Array.from({ length: 24 }, (_, i) => `2023/01/01 ${String(Math.floor(i / 2) * 5 >= 60 ? 1 : 0).padStart(2, '0')}:${String((Math.floor(i / 2) * 5) % 60).padStart(2, '0')},01F0005${i % 2 === 0 ? 'N' : 'S'},31,${80 + ((i * 37) % 60)}`);
    const opened = await openSniffedFile(await sniffCsv(temp.write(joinLines(lines))), null);
    expect(opened.sniffed.dialect.headerless).toBe(true);
    expect(opened.info.columns.map((column) => column.name)).toEqual(['Column 1', 'Column 2', 'Column 3', 'Column 4']);
    expect(opened.schema.location).toBe('Column 2');
    let read = 0;
    for await (const batch of readCsvBatches({ path: opened.sniffed.path, dialect: opened.sniffed.dialect, schema: opened.schema })) read += batch.records.length + batch.rejected.length;
    expect(read).toBe(lines.length);
  });

  it('reads PeMS-style station rows without a header as data, though each station leaves different lanes empty', async () => {
    const row = (minute: number, station: string, lanes: number[]): string =>
      [`01/01/2023 00:${String(minute).padStart(2, '0')}:00`, station, '4', '101', 'N', 'ML', String(lanes.reduce((a, b) => a + b, 0)), ...[0, 1, 2, 3, 4].map((lane) => (lane < lanes.length ? String(lanes[lane]) : ''))].join(',');
    const lines = [row(0, '400001', [30, 41, 12, 9]), row(0, '400002', [20, 11, 5]), row(5, '400001', [31, 40, 15, 7]), row(5, '400002', [22, 9, 8])];
    const sniffed = await sniffCsv(temp.write(joinLines(lines)));
    expect(sniffed.dialect.headerless).toBe(true);
    expect(sniffed.sampleRows).toHaveLength(4);
  });

  it('keeps a header of sensor ids over timestamped rows, its first cell empty (METR-LA)', async () => {
    const lines = [',773869,767541', '2012-03-01 00:00:00,64.375,67.625', '2012-03-01 00:05:00,62.667,68.555'];
    const sniffed = await sniffCsv(temp.write(joinLines(lines)));
    expect(sniffed.dialect.headerless).toBeUndefined();
    expect(sniffed.names.slice(1)).toEqual(['773869', '767541']);
    expect(sniffed.sampleRows).toHaveLength(2);
  });

  it('keeps a header of dates over counts, and a header of words over a time and text', async () => {
    const wide = await sniffCsv(temp.write(joinLines(['Site,2023-01-01,2023-01-02', 'A,12,15', 'B,9,11'])));
    expect(wide.names).toEqual(['Site', '2023-01-01', '2023-01-02']);
    const words = await sniffCsv(temp.write(joinLines(['time,site,note', '2025-03-01 00:00,North,ok'])));
    expect(words.names).toEqual(['time', 'site', 'note']);
  });

  it('keeps a real header, even one of words over numbers', async () => {
    const sniffed = await sniffCsv(temp.write(joinLines(['time,site,flow', '2025-03-01 00:00,1,30'])));
    expect(sniffed.names).toEqual(['time', 'site', 'flow']);
    expect(sniffed.dialect.headerless).toBeUndefined();
  });
});

describe('over-long lines', () => {
  it('a header longer than the sniffing window is called that, not "no header line"', async () => {
    const header = Array.from({ length: 60_000 }, (_, i) => `column_${i}`).join(',');
    const path = temp.write(joinLines([header, '1,2,3']));
    const error = await sniffCsv(path).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CommandError);
    expect((error as CommandError).message).toMatch(/first line is longer than the 256 KB/);
  });

  it('a 2 MB line with no quote is rejected as too long, not as an unmatched quote, and the next row is kept', async () => {
    const path = temp.write(joinLines(['time,flow', '2025-03-01 00:00,1', `2025-03-01 01:00,${'9'.repeat(2_000_000)}`, '2025-03-01 02:00,3']));
    const sniffed = await sniffCsv(path);
    const opened = await openSniffedFile(sniffed, null);
    const reasons: string[] = [];
    let accepted = 0;
    for await (const batch of readCsvBatches({ path, dialect: sniffed.dialect, schema: opened.schema })) {
      reasons.push(...batch.rejected.map((row) => row.reason));
      accepted += batch.records.length;
    }
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^row longer than 1 MB/);
    expect(accepted).toBe(2);
  });
});
