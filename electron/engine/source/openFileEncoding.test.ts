/**
 * Opening a file in an encoding other than UTF-8: the case (a semicolon file of site counts
 * saved in Latin-1, whose umlaut sites lost every row as "invalid UTF-8"), and the user's choice of
 * encoding, remembered under the header as read in the detected one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { SchemaOverrides } from '../../../shared/schema';
import { TempDir } from '../testing/trafficFixture';
import { readCsvBatches } from './csvBatchReader';
import { openSniffedFile } from './openFile';
import { sniffCsv } from './sniffCsv';

const temp = new TempDir();
afterAll(() => temp.cleanup());

const SITES = ['Hauptstraße', 'Nordring', 'Kärntner Ring', 'Bahnhof', 'Südtor', 'Messe'];

function siteCounts(slots: number, header = 'Zeit;Zählstelle;Kfz'): string {
  const lines = [header];
  for (let slot = 0; slot < slots; slot++) {
    const time = new Date(Date.UTC(2026, 9, 1) + slot * 900_000).toISOString();
    SITES.forEach((site, index) => lines.push(`${time};${site};${(slot * 7 + index * 13) % 300}`));
  }
  return `${lines.join('\r\n')}\r\n`;
}

const chooseEncoding = (encoding: SchemaOverrides['encoding']): SchemaOverrides => ({ roles: {}, timeFormat: null, anchor: null, ...(encoding ? { encoding } : {}) });

async function readRows(opened: Awaited<ReturnType<typeof openSniffedFile>>): Promise<{ accepted: unknown[][]; rejected: { reason: string }[] }> {
  const accepted: unknown[][] = [];
  const rejected: { reason: string }[] = [];
  for await (const batch of readCsvBatches({ path: opened.sniffed.path, dialect: opened.sniffed.dialect, schema: opened.schema })) {
    accepted.push(...batch.records.map((record) => record.values));
    rejected.push(...batch.rejected);
  }
  return { accepted, rejected };
}

describe('opening a Latin-1 export', () => {
  const path = temp.write(Buffer.from(siteCounts(96), 'latin1'));

  it('detects Windows-1252, says so, and accepts every row, umlaut sites included', async () => {
    const opened = await openSniffedFile(await sniffCsv(path), null);
    expect(opened.info.encoding).toEqual({ name: 'windows-1252', chosen: false });
    expect(opened.sniffed.names).toEqual(['Zeit', 'Zählstelle', 'Kfz']);
    const { accepted, rejected } = await readRows(opened);
    expect(rejected).toEqual([]);
    expect(accepted).toHaveLength(96 * SITES.length);
    expect(accepted.filter((values) => values[1] === 'Kärntner Ring')).toHaveLength(96);
    expect(accepted.filter((values) => values[1] === 'Südtor')).toHaveLength(96);
  });

  it('reads it in the encoding the user chooses, keeps the header key of the detected one, and goes back on reset', async () => {
    const detected = await sniffCsv(path);
    const chosen = await openSniffedFile(detected, chooseEncoding('utf-8'));
    expect(chosen.info.encoding).toEqual({ name: 'utf-8', chosen: true });
    expect(chosen.sniffed.names[1]).toBe('Z\uFFFDhlstelle');
    expect(chosen.sniffed.headerKey).toEqual(['Zeit', 'Zählstelle', 'Kfz']);
    const { rejected } = await readRows(chosen);
    expect(rejected).toHaveLength(96 * 3); // Hauptstraße, Kärntner Ring, Südtor
    expect(rejected.every((row) => row.reason.startsWith('invalid UTF-8'))).toBe(true);

    const back = await openSniffedFile(chosen.sniffed, chooseEncoding(undefined));
    expect(back.info.encoding).toEqual({ name: 'windows-1252', chosen: false });
    expect(back.sniffed.names[1]).toBe('Zählstelle');
  });
});

describe('opening a UTF-16 export (Excel\'s "Unicode text")', () => {
  it('detects UTF-16 LE by its mark and reads a tab-separated file', async () => {
    const text = siteCounts(4).replaceAll(';', '\t');
    const opened = await openSniffedFile(await sniffCsv(temp.write(Buffer.from(`\ufeff${text}`, 'utf16le'))), null);
    expect(opened.info.encoding).toEqual({ name: 'utf-16le', chosen: false });
    expect(opened.sniffed.dialect).toMatchObject({ delimiter: '\t', newline: '\r\n', hasBom: true });
    const { accepted, rejected } = await readRows(opened);
    expect(rejected).toEqual([]);
    expect(accepted).toHaveLength(4 * SITES.length);
  });

  it('says UTF-8 plainly for a UTF-8 file', async () => {
    const opened = await openSniffedFile(await sniffCsv(temp.write(siteCounts(2))), null);
    expect(opened.info.encoding).toEqual({ name: 'utf-8', chosen: false });
  });
});
