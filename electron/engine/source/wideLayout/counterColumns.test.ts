/**
 * A column per counter (Montréal's bicycle counters, METR-LA's sensors): each column a place, read
 * unfolded into a record per time and counter; files whose columns are classes, directions or a
 * total stay as they are. Expected records are built here from the lines written.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSniffedFile } from '../openFile';
import { createReplaySource } from '../replayOrder/createReplaySource';
import { sniffCsv } from '../sniffCsv';
import { openUnfolded } from './unfoldedCopy';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function file(name: string, lines: readonly string[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'tm-counters-'));
  folders.push(folder);
  const path = join(folder, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** 40 days of daily counts at `columns`, one column each, with one cell left empty. */
function daily(header: string, columns: number): string[] {
  const lines = [header];
  for (let day = 1; day <= 40; day++) {
    const date = new Date(Date.UTC(2012, 0, day)).toISOString().slice(0, 10);
    lines.push([date, ...Array.from({ length: columns }, (_, c) => (day === 7 && c === 1 ? '' : String((day * 37 + c * 11) % 300)))].join(','));
  }
  return lines;
}

async function open(path: string) {
  return openUnfolded(await openSniffedFile(await sniffCsv(path), null), async () => null);
}

describe('a file with a column per counter', () => {
  it('is read as a record per day and counter, the counter its location, every record carrying its line', async () => {
    const lines = daily('Date,Berri 1,Côte-Sainte-Catherine,Maisonneuve 1,du Parc', 4);
    const path = file('counters.csv', lines);
    const unfolded = await open(path);
    expect(unfolded).not.toBeNull();
    const { schema, info } = unfolded!.opened;
    // The page is told of the user's file, not the working copy.
    expect({ name: info.name, sizeBytes: info.sizeBytes }).toEqual({ name: 'counters.csv', sizeBytes: statSync(path).size });
    expect(schema.location).toBe('Counter');
    expect(schema.measure).toBe('Value');
    expect(info.notes[0]).toContain('one column per counter (4 columns');
    const names = ['Berri 1', 'Côte-Sainte-Catherine', 'Maisonneuve 1', 'du Parc'];
    const seen: { line: number; counter: unknown; value: unknown }[] = [];
    for await (const batch of createReplaySource(unfolded!.opened).rows(null, new AbortController().signal)) {
      expect(batch.rejected).toEqual([]);
      for (const record of batch.records) seen.push({ line: record.line, counter: record.values[1], value: record.values[2] });
    }
    const expected = lines.slice(1).flatMap((text, row) => {
      const cells = text.split(',');
      return names.map((counter, c) => ({ line: row + 2, counter, value: cells[c + 1] === '' ? null : Number(cells[c + 1]) }));
    });
    expect(seen).toEqual(expected);
    await unfolded!.remove();
  });

  it('is left as it is when its columns say what they count, hold a total, are too few, or there is a location or no time', async () => {
    expect(await open(file('classes.csv', daily('Date,CarCount,BikeCount,BusCount,TruckCount', 4)))).toBeNull();
    expect(await open(file('fremont.csv', daily('Date,Fremont Bridge Total,East Sidewalk,West Sidewalk', 3)))).toBeNull();
    expect(await open(file('two.csv', daily('Date,North,South', 2)))).toBeNull();
    const located = daily('Date,A,B,C', 3).map((line, i) => `${line},${i === 0 ? 'Station' : `S${i % 3}`}`);
    expect(await open(file('located.csv', located))).toBeNull();
    // A file without a header: the app named its columns, which says nothing of places.
    expect(await open(file('headerless.csv', daily('Date,A,B,C,D', 4).slice(1)))).toBeNull();
    const untimed = daily('Label,A,B,C', 3).map((line, i) => (i === 0 ? line : line.replace(/^\d{4}-\d\d-\d\d/, `row ${i}`)));
    expect(await open(file('untimed.csv', untimed))).toBeNull();
  });

  it('unfolds counters of which a few name what they count, and passes over a row of descriptions under the header (Ottawa)', async () => {
    const lines = daily('Date,1_ALEX,2_ORPY,3_COBY,ADAWE BIKE', 4);
    lines.splice(1, 0, 'Title,Ottawa approach to the Alexandra Bridge,Ottawa River Pathway,Eastern Canal Pathway,Adawe crossing bikes');
    const unfolded = await open(file('ottawa.csv', lines));
    expect(unfolded?.opened.schema.location).toBe('Counter');
    const counters = new Set<unknown>();
    let rejected = 0;
    for await (const batch of createReplaySource(unfolded!.opened).rows(null, new AbortController().signal)) {
      rejected += batch.rejected.length;
      for (const record of batch.records) counters.add(record.values[1]);
    }
    // The description row's four records have no date: rejected, not lost.
    expect({ counters: [...counters].sort(), rejected }).toEqual({ counters: ['1_ALEX', '2_ORPY', '3_COBY', 'ADAWE BIKE'], rejected: 4 });
    await unfolded!.remove();
  });

  it('is left as it is when the columns are one row\'s readings: signed offsets, or a detector\'s confidences beside box sizes', async () => {
    const signed = daily('Date,A,B,C', 3).map((line, i) => (i === 0 ? line : line.replace(/,(\d+)$/, ',-$1')));
    expect(await open(file('signed.csv', signed))).toBeNull();
    const video = daily('Date,w,h,ColorConf,TypeConf', 4).map((line, i) => (i === 0 ? line : line.replace(/,(\d+),(\d+)$/, ',0.$1,0.$2')));
    expect(await open(file('video.csv', video))).toBeNull();
  });
});
