import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readCsvBatches } from '../csvBatchReader';
import { openSniffedFile } from '../openFile';
import { sniffCsv } from '../sniffCsv';
import { createReplaySource } from '../replayOrder/createReplaySource';
import { openUnfolded } from './unfoldedCopy';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const HOURS = ['12:00-1:00 AM', ...Array.from({ length: 10 }, (_, i) => `${i + 1}:00-${i + 2}:00AM`), '11:00-12:00PM', '12:00-1:00PM', ...Array.from({ length: 10 }, (_, i) => `${i + 1}:00-${i + 2}:00PM`), '11:00-12:00AM'];

/** Three days of two directions of two segments, a quoted street with a comma, and a broken last line. */
function wideFile(): string {
  const folder = mkdtempSync(join(tmpdir(), 'tm-wide-'));
  folders.push(folder);
  const lines = [`ID,Segment ID,Roadway Name,Direction,Date,${HOURS.map((h) => `"${h}"`).join(',')}`];
  let id = 1;
  for (let day = 1; day <= 3; day++) {
    for (const [segment, road] of [[1000, 'BROADWAY'], [1001, '"AMSTERDAM AVE, UPPER"']] as const) {
      for (const direction of ['NB', 'SB']) lines.push([id++, segment, road, direction, `09/0${day}/2012`, ...HOURS.map((_, h) => (segment + day * 7 + h * 13 + direction.length) % 500)].join(','));
    }
  }
  // Last, so that Python's reader (which lets the open quote run on) swallows no row after it.
  lines.push('99,1002,"BROKEN ROAD,NB,09/03/2012');
  const path = join(folder, 'volume-counts.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** The records a melt of the original gives, by Python's csv module: time, segment, direction, interval, value. */
function pythonMelt(path: string): string[] {
  const script = [
    'import csv,sys',
    'r=csv.reader(open(sys.argv[1],newline=""))',
    'h=next(r); out=[]',
    'for row in r:',
    '  if len(row)!=len(h): continue',
    '  for i,c in enumerate(h[5:]): out.append("%s %02d:00|%s|%s|%s|%s"%(row[4],i,row[1],row[3],c,row[5+i]))',
    'print("\\n".join(sorted(out)))',
  ].join('\n');
  return execFileSync('python3', ['-c', script, path], { encoding: 'utf8' }).trim().split('\n');
}

describe('lines of an unfolded file', () => {
  it("are the user's file's lines, not the working copy's: in every record and in a rejected row", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'tm-wide-lines-'));
    folders.push(folder);
    const hours = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`);
    const lines = [`Site,Date,${hours.join(',')}`];
    for (let day = 1; day <= 4; day++) {
      for (const site of ['A1', 'B2', 'C3']) lines.push([site, `2024-03-0${day}`, ...hours.map((_, h) => String(day * 100 + h))].join(','));
    }
    // Line 9 (day 3, site B2): one hour holds a word instead of a count.
    lines[8] = lines[8]!.replace(',304,', ',lots,');
    const path = join(folder, 'sites.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const unfolded = await openUnfolded(await openSniffedFile(await sniffCsv(path), null), async () => null);
    expect(unfolded).not.toBeNull();
    const byLine = new Map<number, Set<string>>();
    const rejected: { line: number; reason: string }[] = [];
    for await (const batch of createReplaySource(unfolded!.opened).rows(null, new AbortController().signal)) {
      for (const record of batch.records) {
        const site = String(record.values[unfolded!.opened.schema.columns.findIndex((column) => column.name === 'Site')]);
        if (!byLine.has(record.line)) byLine.set(record.line, new Set());
        byLine.get(record.line)!.add(site);
      }
      rejected.push(...batch.rejected.map((row) => ({ line: row.line, reason: row.reason })));
    }
    // Lines 2-13 hold the 12 rows: each record carries the line of the row it came from.
    expect([...byLine.keys()].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    for (const [line, sites] of byLine) expect([...sites]).toEqual([(lines[line - 1] as string).split(',')[0]]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.line).toBe(9);
    expect(rejected[0]?.reason).toContain('"lots"');
    await unfolded!.remove();
  });
});

describe('unfolding a file with a column per hour', () => {
  it('gives the records a melt of the original gives, in time order, and names the line it could not read', async () => {
    const path = wideFile();
    const original = await openSniffedFile(await sniffCsv(path), null);
    const unfolded = await openUnfolded(original, async () => null);
    expect(unfolded).not.toBeNull();
    const { schema, info, sniffed } = unfolded!.opened;
    expect(info.name).toBe('volume-counts.csv');
    expect(schema.measure).toBe('Volume');
    expect(schema.time).toMatchObject({ kind: 'column', column: 'Time' });
    expect(schema.location).toBe('Segment ID');
    expect(info.notes[0]).toContain('each of the file\'s 12 rows became 24 records (288 in all)');
    // The header, four rows of each of three days, then the broken line: line 14.
    expect(info.notes[0]).toMatch(/1 line of the file could not be read and is not in it: line 14 \(unmatched quote/);

    const seen: string[] = [];
    const times: number[] = [];
    const names = schema.columns.map((column) => column.name);
    for await (const batch of readCsvBatches({ path: sniffed.path, dialect: sniffed.dialect, schema })) {
      expect(batch.rejected).toEqual([]);
      for (const record of batch.records) {
        const value = (name: string): unknown => record.values[names.indexOf(name)];
        seen.push([value('Time'), value('Segment ID'), value('Direction'), value('Interval'), value('Volume')].join('|'));
        times.push(record.time as number);
      }
    }
    expect(seen.sort()).toEqual(pythonMelt(path));
    expect(times.every((time, i) => i === 0 || time >= (times[i - 1] as number))).toBe(true);
    expect(new Date(times[0] as number).toISOString()).toBe('2012-09-01T00:00:00.000Z');
    expect(new Date(times[times.length - 1] as number).toISOString()).toBe('2012-09-03T23:00:00.000Z');
    // The original is untouched; the copy goes when asked.
    expect(readFileSync(path, 'utf8')).toContain('"12:00-1:00 AM"');
    await unfolded!.remove();
    expect(() => readFileSync(sniffed.path)).toThrow();
  });

  it('reads hour columns numbered from 1 as hour-ending: H01 is 00:00 to 01:00, H24 is 23:00 to 24:00', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'tm-wide-'));
    folders.push(folder);
    const hours = Array.from({ length: 24 }, (_, i) => `H${String(i + 1).padStart(2, '0')}`);
    const lines = [`Station;Datum;${hours.join(';')}`, ...['0412', '0413'].flatMap((station) => ['10.03.2025', '11.03.2025'].map((day) => `${station};${day};${hours.map((_, h) => 100 + h).join(';')}`))];
    const path = join(folder, 'hourly-stations.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const unfolded = await openUnfolded(await openSniffedFile(await sniffCsv(path), null), async () => null);
    expect(unfolded?.opened.info.notes[0]).toContain('(24 columns, "H01" … "H24", numbered from 1: "H01" is the interval ending at 01:00)');
    const { schema, sniffed } = unfolded!.opened;
    const firstByInterval = new Map<string, number>();
    for await (const batch of readCsvBatches({ path: sniffed.path, dialect: sniffed.dialect, schema })) {
      for (const record of batch.records) {
        const interval = String(record.values[schema.columns.findIndex((column) => column.name === 'Interval')]);
        if (!firstByInterval.has(interval)) firstByInterval.set(interval, record.time as number);
      }
    }
    expect(new Date(firstByInterval.get('H01') as number).toISOString()).toBe('2025-03-10T00:00:00.000Z');
    expect(new Date(firstByInterval.get('H24') as number).toISOString()).toBe('2025-03-10T23:00:00.000Z');
    await unfolded!.remove();
  });
});
