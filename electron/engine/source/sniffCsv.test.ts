import { afterAll, describe, expect, it } from 'vitest';
import { CommandError } from '../../../shared/envelope';
import { TempDir, TRAFFIC_COLUMNS, TRAFFIC_HEADER, joinLines, rowFields, trafficCsv, trafficRows } from '../testing/trafficFixture';
import { sniffCsv } from './sniffCsv';

const temp = new TempDir();
afterAll(() => temp.cleanup());

async function sniffError(path: string): Promise<CommandError> {
  try {
    await sniffCsv(path);
  } catch (error) {
    expect(error).toBeInstanceOf(CommandError);
    return error as CommandError;
  }
  throw new Error(`sniffCsv(${path}) did not fail`);
}

describe('sniffCsv: files that cannot be opened', () => {
  it('reports a missing file as FILE_NOT_FOUND', async () => {
    const error = await sniffError(`${temp.path}/does-not-exist.csv`);
    expect(error.code).toBe('FILE_NOT_FOUND');
    expect(error.message).toContain('does-not-exist.csv');
  });

  it('reports a 0-byte file as FILE_EMPTY', async () => {
    const error = await sniffError(temp.write(''));
    expect(error.code).toBe('FILE_EMPTY');
  });

  it('reports a file of only blank lines as FILE_EMPTY', async () => {
    const error = await sniffError(temp.write('\n\r\n   \n'));
    expect(error.code).toBe('FILE_EMPTY');
  });

  it('reports a folder as FILE_UNREADABLE rather than reading it', async () => {
    const error = await sniffError(temp.path);
    expect(error.code).toBe('FILE_UNREADABLE');
  });

  it('rejects a binary file as NOT_CSV and says at which byte the NUL is', async () => {
    const bytes = Buffer.from(`${TRAFFIC_HEADER}\n12:00:00 AM,10,Tuesday,1,2`, 'utf8');
    const nulAt = bytes.length;
    const binary = Buffer.concat([bytes, Buffer.from([0x00, 0x01, 0xff, 0x00])]);
    const error = await sniffError(temp.write(binary, 'picture.csv'));
    expect(error.code).toBe('NOT_CSV');
    expect(error.message).toContain('picture.csv');
    expect(error.message).toContain(`byte ${nulAt}`);
  });
});

describe('sniffCsv: the original file shape', () => {
  it('finds the columns, their types, the delimiter and the exact row count of a small file', async () => {
    const rows = trafficRows(40);
    const sniffed = await sniffCsv(temp.write(trafficCsv(rows)));
    expect(sniffed.columns.map((c) => c.name)).toEqual([...TRAFFIC_COLUMNS]);
    const types = Object.fromEntries(sniffed.columns.map((c) => [c.name, c.type]));
    expect(types).toMatchObject({
      Time: 'time',
      Date: 'number',
      'Day of the week': 'text',
      CarCount: 'number',
      BikeCount: 'number',
      BusCount: 'number',
      TruckCount: 'number',
      Total: 'number',
      'Traffic Situation': 'text',
    });
    expect(sniffed.info.delimiter).toBe(',');
    expect(sniffed.dialect).toEqual({ delimiter: ',', newline: '\n', hasBom: false });
    expect(sniffed.info.estimatedRows).toBe(rows.length);
    expect(sniffed.info.columns).toEqual(sniffed.columns);
  });

  it('opens a header-only file with 0 estimated rows', async () => {
    const sniffed = await sniffCsv(temp.write(`${TRAFFIC_HEADER}\n`));
    expect(sniffed.info.estimatedRows).toBe(0);
    expect(sniffed.columns.map((c) => c.name)).toEqual([...TRAFFIC_COLUMNS]);
  });

  it('opens a header-only file without a final newline', async () => {
    const sniffed = await sniffCsv(temp.write(TRAFFIC_HEADER));
    expect(sniffed.info.estimatedRows).toBe(0);
    expect(sniffed.columns).toHaveLength(TRAFFIC_COLUMNS.length);
  });

  it('strips a UTF-8 BOM from the first column name and remembers it was there', async () => {
    const sniffed = await sniffCsv(temp.write(trafficCsv(trafficRows(5), { bom: true })));
    expect(sniffed.columns[0]?.name).toBe('Time');
    expect(sniffed.columns[0]?.type).toBe('time');
    expect(sniffed.dialect.hasBom).toBe(true);
  });

  it('handles CRLF line ends: names and values carry no stray \\r', async () => {
    const rows = trafficRows(12);
    const sniffed = await sniffCsv(temp.write(trafficCsv(rows, { newline: '\r\n' })));
    expect(sniffed.dialect.newline).toBe('\r\n');
    expect(sniffed.columns.at(-1)?.name).toBe('Traffic Situation');
    expect(sniffed.columns.map((c) => c.type)).toEqual(['time', 'number', 'text', 'number', 'number', 'number', 'number', 'number', 'text']);
    expect(sniffed.info.estimatedRows).toBe(rows.length);
  });

  it.each([
    ['semicolon', ';'],
    ['tab', '\t'],
    ['pipe', '|'],
  ])('detects a %s delimiter', async (_name, delimiter) => {
    const sniffed = await sniffCsv(temp.write(trafficCsv(trafficRows(10), { delimiter })));
    expect(sniffed.info.delimiter).toBe(delimiter);
    expect(sniffed.columns.map((c) => c.name)).toEqual([...TRAFFIC_COLUMNS]);
    expect(sniffed.columns.find((c) => c.name === 'Total')?.type).toBe('number');
  });

  it('prefers ";" over "," when the commas are decimal commas inside ;-separated data', async () => {
    const lines = ['Time;Speed;Total', '12:00:00 AM;1,5;10', '12:15:00 AM;2,25;12', '12:30:00 AM;3;14'];
    const sniffed = await sniffCsv(temp.write(joinLines(lines)));
    expect(sniffed.info.delimiter).toBe(';');
    expect(sniffed.columns.map((c) => c.name)).toEqual(['Time', 'Speed', 'Total']);
  });

  it('makes duplicate and blank header names unique and non-empty', async () => {
    const lines = ['Total,Total,,Time, ,Total', '1,2,3,12:00:00 AM,5,6'];
    const sniffed = await sniffCsv(temp.write(joinLines(lines)));
    const names = sniffed.columns.map((c) => c.name);
    expect(names).toEqual(['Total', 'Total (2)', 'Column 3', 'Time', 'Column 5', 'Total (3)']);
    expect(new Set(names).size).toBe(names.length);
  });

  it('estimates the row count of a file larger than the sniffed block from the block alone', async () => {
    const rows = trafficRows(20_000);
    const path = temp.write(trafficCsv(rows));
    const sniffed = await sniffCsv(path);
    expect(sniffed.info.sizeBytes).toBeGreaterThan(256 * 1024);
    // Only the first block was read, so the figure is an estimate; it must still be close.
    expect(Math.abs(sniffed.info.estimatedRows - rows.length)).toBeLessThan(rows.length * 0.05);
    expect(sniffed.columns.map((c) => c.type)).toEqual(['time', 'number', 'text', 'number', 'number', 'number', 'number', 'number', 'text']);
  });

  it('keeps a column numeric when a few sample values are bad (they are rejected later, row by row)', async () => {
    const rows = trafficRows(60).map(rowFields);
    (rows[17] as string[])[7] = 'n/a';
    const sniffed = await sniffCsv(temp.write(joinLines([TRAFFIC_HEADER, ...rows.map((r) => r.join(','))])));
    expect(sniffed.columns.find((c) => c.name === 'Total')?.type).toBe('number');
  });
});
