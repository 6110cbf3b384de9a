import { afterAll, describe, expect, it } from 'vitest';
import {
  JUNCTION_HEADER,
  TRAFFIC_OVERRIDES,
  TRAFFIC_SCHEMA,
  TempDir,
  joinLines,
  junctionFields,
  junctionRows,
  openFixture,
  rowFields,
  trafficCsv,
  trafficRows,
} from '../testing/trafficFixture';
import { readCsvBatches } from './csvBatchReader';
import { openSniffedFile } from './openFile';
import { sniffCsv } from './sniffCsv';

const temp = new TempDir();
afterAll(() => temp.cleanup());

const junctionFile = (slots: number, junctions = ['J01', 'J02', 'J03', 'J04']): { path: string; rows: ReturnType<typeof junctionRows> } => {
  const rows = junctionRows(slots, junctions);
  return { path: temp.write(joinLines([JUNCTION_HEADER, ...rows.map((row) => junctionFields(row).join(','))])), rows };
};

describe('openSniffedFile', () => {
  it('describes the file for the page: schema, time source, location, preview and row estimate', async () => {
    const rows = trafficRows(40);
    const path = temp.write(trafficCsv(rows));
    const opened = await openFixture(path);
    expect(opened.schema.columns).toEqual(TRAFFIC_SCHEMA);
    expect(opened.info).toMatchObject({
      path,
      name: path.split('/').at(-1),
      delimiter: ',',
      decimalComma: false,
      columns: TRAFFIC_SCHEMA,
      time: { kind: 'split', anchorYear: 2026, anchorMonth: 10 },
      location: null,
      preview: rows.slice(0, 8).map(rowFields),
      rolesRemembered: true,
      estimatedRows: 40,
    });
    expect(opened.info.timeRange).toEqual({ first: rows[0]!.epoch, last: rows.at(-1)!.epoch });
    expect(opened.sniffed.names).toHaveLength(9);
  });

  it('a file written newest first: its span starts at the earliest time, found in the last 64 KB, and its order is descending', async () => {
    const rows = trafficRows(20_000);
    const lines = rows.map((row, i) => `${new Date(row.epoch).toISOString()},S${i % 3},${row.total}`).reverse();
    const opened = await openFixture(temp.write(joinLines(['timestamp,sensor,vehicles', ...lines])));
    expect(opened.sniffed.sizeBytes).toBeGreaterThan(256 * 1024 + 64 * 1024);
    expect(opened.info.timeRange).toEqual({ first: rows[0]!.epoch, last: rows.at(-1)!.epoch });
    expect(opened.info.timeOrder).toBe('descending');
  });

  it('says when rows jump back and forth in time (an unordered export), and does not take it for newest first', async () => {
    // Hourly rows of three sites, the hours shuffled (a fixed permutation): four steps in five go back, as in Paris's counts.
    const hours = Array.from({ length: 60 }, (_, i) => (i * 37) % 60);
    const lines = ['time,site,volume', ...hours.flatMap((h) => ['A', 'B', 'C'].map((site) => `${new Date(Date.UTC(2025, 2, 1, h)).toISOString()},${site},${10 + h}`))];
    const opened = await openSniffedFile(await sniffCsv(temp.write(joinLines(lines))), null);
    expect(opened.info.timeOrder).toBe('mixed');
    // Not reversed: it is replayed as written (the page says its rows are not in time order).
    expect(opened.info.replayOrder?.reversed).toBeUndefined();
    const sorted = ['time,site,volume', ...[...hours].sort((a, b) => a - b).flatMap((h) => ['A', 'B', 'C'].map((site) => `${new Date(Date.UTC(2025, 2, 1, h)).toISOString()},${site},${10 + h}`))];
    expect((await openSniffedFile(await sniffCsv(temp.write(joinLines(sorted))), null)).info.timeOrder).toBe('ascending');
  });

  it('says when the roles were inferred rather than remembered', async () => {
    const path = temp.write(trafficCsv(trafficRows(10)));
    expect((await openSniffedFile(await sniffCsv(path), null)).info.rolesRemembered).toBe(false);
  });

  it('finds the time range from the first block and the last 64 KB without reading the middle', async () => {
    const rows = trafficRows(20_000).map((row, i) => ({ ...row, date: i })); // dates are made up, but the ISO column is right
    const lines = rows.map((row, i) => `${new Date(row.epoch).toISOString()},S${i % 3},${row.total}`);
    const opened = await openFixture(temp.write(joinLines(['timestamp,sensor,vehicles', ...lines])));
    expect(opened.sniffed.sizeBytes).toBeGreaterThan(256 * 1024 + 64 * 1024);
    expect(opened.info.time).toMatchObject({ kind: 'column', column: 'timestamp', format: 'iso' });
    expect(opened.info.timeRange).toEqual({ first: rows[0]!.epoch, last: rows.at(-1)!.epoch });
  });

  it('places the split form’s tail in a later month when the file spans month ends (start on the 10th)', async () => {
    // From October 10 into November: the tail's days of month (1..9) are below the first row's.
    const rows = junctionRows(4000, ['J01', 'J02', 'J03', 'J04']).slice(9 * 96 * 4);
    const path = temp.write(joinLines([JUNCTION_HEADER, ...rows.map((row) => junctionFields(row).join(','))]));
    const opened = await openFixture(path);
    expect(opened.info.timeRange).toEqual({ first: rows[0]!.epoch, last: rows.at(-1)!.epoch });
  });

  it('places the split form’s tail in a later month when the file spans month ends (start on the 1st)', async () => {
    // From October 1 to November 22: the tail's days (21, 22) also occur in October.
    const { path, rows } = junctionFile(5000);
    const opened = await openFixture(path);
    expect(new Date(rows.at(-1)!.epoch).toISOString()).toBe('2026-11-22T01:45:00.000Z');
    expect(opened.info.timeRange).toEqual({ first: rows[0]!.epoch, last: rows.at(-1)!.epoch });
  });

  it('has no time range when the file has no time', async () => {
    const opened = await openSniffedFile(await sniffCsv(temp.write(joinLines(['a,b', '1,x', '2,y']))), null);
    expect(opened.info.time).toBeNull();
    expect(opened.info.timeRange).toBeNull();
  });

  it('reads a small file’s range whole (head and tail are the same rows), junctions and all', async () => {
    const { path, rows } = junctionFile(100);
    const opened = await openFixture(path, { ...TRAFFIC_OVERRIDES, roles: {} });
    expect(opened.info.location).toBe('Junction');
    expect(opened.info.timeRange).toEqual({ first: rows[0]!.epoch, last: rows.at(-1)!.epoch });
  });

  it('finds the end of a split-form file that spans several months', async () => {
    // 200 days from October 1, one row per slot: the tail lies seven months after the anchor.
    const rows = trafficRows(200 * 96);
    const opened = await openFixture(temp.write(trafficCsv(rows)));
    expect(new Date(rows.at(-1)!.epoch).getUTCMonth() + 1).toBe(4);
    expect(opened.info.timeRange).toEqual({ first: rows[0]!.epoch, last: rows.at(-1)!.epoch });
  });
});

describe('slash dates the first block leaves open', () => {
  /** A month of 15-minute counts at `sites` sites, its dates written as `write` says: bigger than the first block the app reads. */
  const monthOfCounts = (write: (day: number) => string, days: number, sites = 12): { path: string; rows: number } => {
    const lines = ['Date,Time,Site,Count'];
    for (let day = 1; day <= days; day++)
      for (let quarter = 0; quarter < 96; quarter++)
        for (let site = 0; site < sites; site++) lines.push(`${write(day)},${String(quarter >> 2).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')},S${site},${(day * 31 + quarter * 7 + site) % 200}`);
    return { path: temp.write(joinLines(lines)), rows: lines.length - 1 };
  };
  const pad = (n: number): string => String(n).padStart(2, '0');

  async function readAll(path: string): Promise<{ read: number; accepted: number; first: string; last: string; opened: Awaited<ReturnType<typeof openSniffedFile>> }> {
    const opened = await openSniffedFile(await sniffCsv(path), null);
    let read = 0;
    let accepted = 0;
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for await (const batch of readCsvBatches({ path: opened.sniffed.path, dialect: opened.sniffed.dialect, schema: opened.schema })) {
      read += batch.records.length + batch.rejected.length;
      accepted += batch.records.length;
      for (const record of batch.records) {
        first = Math.min(first, record.time ?? first);
        last = Math.max(last, record.time ?? last);
      }
    }
    return { read, accepted, first: new Date(first).toISOString(), last: new Date(last).toISOString(), opened };
  }

  it('reads a British month day first when only later rows show it (13/03/2023), losing no row', async () => {
    const file = monthOfCounts((day) => `${pad(day)}/03/2023`, 31);
    const result = await readAll(file.path);
    // The first block holds days 1 to 9 only: either reading fits them.
    expect(new Set(result.opened.sniffed.sampleRows.map((row) => row[0])).size).toBeLessThan(13);
    expect(result.opened.schema.time).toMatchObject({ kind: 'parts', date: 'Date', dateFormat: 'dmy' });
    expect(result.opened.info.notes.join(' ')).toContain('day first');
    expect({ read: result.read, accepted: result.accepted }).toEqual({ read: file.rows, accepted: file.rows });
    expect([result.first, result.last]).toEqual(['2023-03-01T00:00:00.000Z', '2023-03-31T23:45:00.000Z']);
  });

  it('reads dashes day first until a later row is month first only (03-13-2023), and then month first', async () => {
    const american = await readAll(monthOfCounts((day) => `03-${pad(day)}-2023`, 31).path);
    expect(american.opened.schema.time).toMatchObject({ dateFormat: 'mdy-dash' });
    expect({ accepted: american.accepted, first: american.first, last: american.last }).toEqual({ accepted: american.read, first: '2023-03-01T00:00:00.000Z', last: '2023-03-31T23:45:00.000Z' });
    const european = await readAll(monthOfCounts((day) => `${pad(day)}-03-2023`, 31).path);
    expect(european.opened.schema.time).toMatchObject({ dateFormat: 'dmy-dash' });
    expect(european.accepted).toBe(european.read);
  });

  it('keeps an American month month first, and a file whose every date could be either as it was read', async () => {
    const american = await readAll(monthOfCounts((day) => `03/${pad(day)}/2023`, 31).path);
    expect(american.opened.schema.time).toMatchObject({ dateFormat: 'mdy' });
    expect([american.first, american.last]).toEqual(['2023-03-01T00:00:00.000Z', '2023-03-31T23:45:00.000Z']);
    const open = await readAll(monthOfCounts((day) => `${pad(day)}/03/2023`, 12).path);
    expect(open.opened.schema.time).toMatchObject({ dateFormat: 'mdy' });
    expect(open.accepted).toBe(open.read);
  });
});

describe('a decimal comma the first block does not show', () => {
  const counts = (speed: (slot: number) => string): { path: string; rows: number } => {
    const lines = ['Zeit;Zählstelle;Kfz;Geschwindigkeit'];
    for (let slot = 0; slot < 96 * 31; slot++)
      for (let site = 0; site < 8; site++) {
        const time = new Date(Date.UTC(2023, 2, 1) + slot * 900_000).toISOString().slice(0, 16).replace('T', ' ');
        lines.push(`${time};Z${site};${(slot * 7 + site * 13) % 300};${speed(slot)}`);
      }
    return { path: temp.write(joinLines(lines)), rows: lines.length - 1 };
  };

  it('is found in later rows (speeds whole for three weeks, then 52,5), and no row is lost', async () => {
    const file = counts((slot) => (slot < 96 * 20 ? String(40 + (slot % 50)) : `${40 + (slot % 50)},${slot % 10}`));
    const opened = await openSniffedFile(await sniffCsv(file.path), null);
    expect(opened.schema.decimalComma).toBe(true);
    expect(opened.info.notes.join(' ')).toContain('decimal comma');
    let accepted = 0;
    let read = 0;
    let speedSum = 0;
    for await (const batch of readCsvBatches({ path: opened.sniffed.path, dialect: opened.sniffed.dialect, schema: opened.schema })) {
      read += batch.records.length + batch.rejected.length;
      accepted += batch.records.length;
      for (const record of batch.records) speedSum += record.values[3] as number;
    }
    expect({ read, accepted }).toEqual({ read: file.rows, accepted: file.rows });
    // Every speed counted, its tenths included: the sum the generator wrote.
    let expected = 0;
    for (let slot = 0; slot < 96 * 31; slot++) expected += 8 * (40 + (slot % 50) + (slot < 96 * 20 ? 0 : (slot % 10) / 10));
    expect(speedSum).toBeCloseTo(expected, 6);
  });

  it('is not assumed where a number anywhere is written with a decimal point', async () => {
    const file = counts((slot) => (slot === 5 ? '52.5' : slot < 96 * 20 ? String(40 + (slot % 50)) : `${40 + (slot % 50)},5`));
    const opened = await openSniffedFile(await sniffCsv(file.path), null);
    expect(opened.schema.decimalComma).toBe(false);
  });
});

describe('a column empty in the first block', () => {
  it('is a measure when rows further into the file hold numbers there, and every one of them is read', async () => {
    const lines = ['timestamp;site;cars;trucks'];
    let trucks = 0;
    for (let slot = 0; slot < 96 * 31; slot++)
      for (let site = 0; site < 8; site++) {
        const time = new Date(Date.UTC(2023, 2, 1) + slot * 900_000).toISOString().slice(0, 16).replace('T', ' ');
        const truck = slot < 96 * 20 ? '' : String((slot + site) % 30);
        trucks += truck === '' ? 0 : Number(truck);
        lines.push(`${time};S${site};${(slot * 7 + site) % 300};${truck}`);
      }
    const path = temp.write(joinLines(lines));
    const opened = await openSniffedFile(await sniffCsv(path), null);
    expect(opened.schema.columns.find((column) => column.name === 'trucks')).toMatchObject({ role: 'measure', type: 'number' });
    expect(opened.info.notes.join(' ')).toContain('"trucks" is empty in the first rows');
    let sum = 0;
    let accepted = 0;
    for await (const batch of readCsvBatches({ path: opened.sniffed.path, dialect: opened.sniffed.dialect, schema: opened.schema })) {
      accepted += batch.records.length;
      for (const record of batch.records) sum += (record.values[3] as number | null) ?? 0;
    }
    expect({ accepted, sum }).toEqual({ accepted: lines.length - 1, sum: trucks });
    // A role the user chose for it stays.
    const kept = await openSniffedFile(await sniffCsv(path), { roles: { trucks: 'category' }, timeFormat: null, anchor: null });
    expect(kept.schema.columns.find((column) => column.name === 'trucks')?.role).toBe('category');
  });
});
