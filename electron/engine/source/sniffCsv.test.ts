import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CommandError } from '../../../shared/envelope';
import {
  TempDir,
  TRAFFIC_COLUMNS,
  TRAFFIC_HEADER,
  TRAFFIC_OVERRIDES,
  TRAFFIC_SCHEMA,
  joinLines,
  rowFields,
  trafficCsv,
  trafficRows,
  type TrafficRow,
} from '../testing/trafficFixture';
import { sniffCsv } from './sniffCsv';
import { resolveTableSchema } from './tableSchema';

const line = (row: TrafficRow | undefined): string => rowFields(row as TrafficRow).join(',');

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
  it('finds the column names, the delimiter, a sample of rows and the exact row count of a small file', async () => {
    const rows = trafficRows(40);
    const path = temp.write(trafficCsv(rows));
    const sniffed = await sniffCsv(path);
    expect(sniffed.names).toEqual([...TRAFFIC_COLUMNS]);
    expect(sniffed.dialect).toEqual({ delimiter: ',', newline: '\n', hasBom: false, encoding: 'utf-8' });
    expect(sniffed.sampleRows).toEqual(rows.map(rowFields));
    expect(sniffed.estimatedRows).toBe(rows.length);
    expect(sniffed.path).toBe(path);
    expect(sniffed.name).toBe(basename(path));
    expect(sniffed.sizeBytes).toBe(statSync(path).size);
  });

  it('gives the sample to schema inference: counts are measures, the split time is the timestamp', async () => {
    const sniffed = await sniffCsv(temp.write(trafficCsv(trafficRows(40))));
    const schema = resolveTableSchema(sniffed.names, sniffed.sampleRows, sniffed.dialect.delimiter, TRAFFIC_OVERRIDES);
    expect(schema.columns).toEqual(TRAFFIC_SCHEMA);
  });

  it('opens a header-only file with 0 estimated rows', async () => {
    const sniffed = await sniffCsv(temp.write(`${TRAFFIC_HEADER}\n`));
    expect(sniffed.estimatedRows).toBe(0);
    expect(sniffed.sampleRows).toEqual([]);
    expect(sniffed.names).toEqual([...TRAFFIC_COLUMNS]);
  });

  it('opens a header-only file without a final newline', async () => {
    const sniffed = await sniffCsv(temp.write(TRAFFIC_HEADER));
    expect(sniffed.estimatedRows).toBe(0);
    expect(sniffed.names).toHaveLength(TRAFFIC_COLUMNS.length);
  });

  it('strips a UTF-8 BOM from the first column name and remembers it was there', async () => {
    const rows = trafficRows(5);
    const sniffed = await sniffCsv(temp.write(trafficCsv(rows, { bom: true })));
    expect(sniffed.names[0]).toBe('Time');
    expect(sniffed.sampleRows[0]).toEqual(rowFields(rows[0] as TrafficRow));
    expect(sniffed.dialect.hasBom).toBe(true);
  });

  it('handles CRLF line ends: names and values carry no stray \\r', async () => {
    const rows = trafficRows(12);
    const sniffed = await sniffCsv(temp.write(trafficCsv(rows, { newline: '\r\n' })));
    expect(sniffed.dialect.newline).toBe('\r\n');
    expect(sniffed.names.at(-1)).toBe('Traffic Situation');
    expect(sniffed.sampleRows.at(-1)?.at(-1)).toBe((rows.at(-1) as TrafficRow).situation);
    expect(sniffed.sampleRows.flat().some((value) => value.includes('\r'))).toBe(false);
    expect(sniffed.estimatedRows).toBe(rows.length);
  });

  it('detects old-Mac CR line ends', async () => {
    const rows = trafficRows(6);
    const sniffed = await sniffCsv(temp.write(trafficCsv(rows, { newline: '\r' })));
    expect(sniffed.dialect.newline).toBe('\r');
    expect(sniffed.sampleRows).toEqual(rows.map(rowFields));
  });

  it.each([
    ['semicolon', ';'],
    ['tab', '\t'],
    ['pipe', '|'],
  ])('detects a %s delimiter', async (_name, delimiter) => {
    const rows = trafficRows(10);
    const sniffed = await sniffCsv(temp.write(trafficCsv(rows, { delimiter })));
    expect(sniffed.dialect.delimiter).toBe(delimiter);
    expect(sniffed.names).toEqual([...TRAFFIC_COLUMNS]);
    expect(sniffed.sampleRows).toEqual(rows.map(rowFields));
  });

  it('prefers ";" over "," when the commas are decimal commas inside ;-separated data', async () => {
    const lines = ['Time;Speed;Total', '12:00:00 AM;1,5;10', '12:15:00 AM;2,25;12', '12:30:00 AM;3;14'];
    const sniffed = await sniffCsv(temp.write(joinLines(lines)));
    expect(sniffed.dialect.delimiter).toBe(';');
    expect(sniffed.names).toEqual(['Time', 'Speed', 'Total']);
    expect(sniffed.sampleRows.map((row) => row[1])).toEqual(['1,5', '2,25', '3']);
  });

  it('makes duplicate and blank header names unique and non-empty', async () => {
    const lines = ['Total,Total,,Time, ,Total', '1,2,3,12:00:00 AM,5,6'];
    const sniffed = await sniffCsv(temp.write(joinLines(lines)));
    expect(sniffed.names).toEqual(['Total', 'Total (2)', 'Column 3', 'Time', 'Column 5', 'Total (3)']);
    expect(new Set(sniffed.names).size).toBe(sniffed.names.length);
  });

  it('leaves rows the reader would reject for their shape out of the sample (the estimate still counts them as parsed)', async () => {
    const rows = trafficRows(12);
    const lines = rows.map((row) => line(row));
    lines[1] = lines[1]!.split(',').slice(0, 4).join(','); // ragged
    lines[3] = `"${lines[3]}`; // a quote that never closes swallows every row after it into one field
    const sniffed = await sniffCsv(temp.write(joinLines([TRAFFIC_HEADER, ...lines])));
    expect(sniffed.sampleRows).toEqual([rowFields(rows[0] as TrafficRow), rowFields(rows[2] as TrafficRow)]);
    expect(sniffed.estimatedRows).toBe(4);
    // The split time is still found from what is left.
    const schema = resolveTableSchema(sniffed.names, sniffed.sampleRows, ',', TRAFFIC_OVERRIDES);
    expect(schema.time?.kind).toBe('split');
  });

  it('skips blank lines in the sample', async () => {
    const rows = trafficRows(3);
    const sniffed = await sniffCsv(temp.write(joinLines([TRAFFIC_HEADER, '', line(rows[0]), '', '', line(rows[1]), line(rows[2])])));
    expect(sniffed.sampleRows).toEqual(rows.map(rowFields));
    expect(sniffed.estimatedRows).toBe(3);
  });

  it('estimates the row count of a file larger than the sniffed block from the block alone', async () => {
    const rows = trafficRows(20_000);
    const path = temp.write(trafficCsv(rows));
    const sniffed = await sniffCsv(path);
    expect(sniffed.sizeBytes).toBeGreaterThan(256 * 1024);
    // Only the first block was read, so the figure is an estimate; it must still be close.
    expect(Math.abs(sniffed.estimatedRows - rows.length)).toBeLessThan(rows.length * 0.05);
    // The sample holds only whole rows of the first block, the cut last line left out.
    expect(sniffed.sampleRows.length).toBeGreaterThan(100);
    expect(sniffed.sampleRows.length).toBeLessThan(rows.length);
    expect(sniffed.sampleRows).toEqual(rows.slice(0, sniffed.sampleRows.length).map(rowFields));
  });

  it('keeps a column a measure when a few sample values are bad (they are rejected later, row by row)', async () => {
    const rows = trafficRows(60).map(rowFields);
    (rows[17] as string[])[7] = '12abc';
    const sniffed = await sniffCsv(temp.write(joinLines([TRAFFIC_HEADER, ...rows.map((r) => r.join(','))])));
    const schema = resolveTableSchema(sniffed.names, sniffed.sampleRows, sniffed.dialect.delimiter, TRAFFIC_OVERRIDES);
    expect(schema.columns.find((c) => c.name === 'Total')).toEqual({ name: 'Total', type: 'number', role: 'measure' });
  });
});
