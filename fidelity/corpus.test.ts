/**
 * The fidelity corpus: real public traffic files and synthetic files of one quirk each, opened as
 * a user opens them (sniff, infer, read every row; and the whole-file scan), checked against
 * expectations written independently of the app (rows counted by Python's csv module or by the
 * generator that wrote the file; roles, measure, locations and time span decided by hand). A file
 * added to the corpus is one CSV plus its `.expected.json`, nothing else.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvBatches } from '../electron/engine/source/csvBatchReader';
import { scanFile } from '../electron/engine/source/fileScan/scanFile';
import { detectReplayOrder } from '../electron/engine/source/replayOrder/detectReplayOrder';
import { detectTimeOrder } from '../electron/engine/source/time/timeOrder';
import { timedRows } from '../electron/engine/source/time/timedSample';
import { openSniffedFile } from '../electron/engine/source/openFile';
import { sniffCsv } from '../electron/engine/source/sniffCsv';
import { detectUnfolding, openUnfolded } from '../electron/engine/source/wideLayout/unfoldedCopy';
import { resolveTableSchema, settleByLaterRows, type TableSchema } from '../electron/engine/source/tableSchema';
import type { TimeSource } from '../shared/schema';

interface Expectation {
  file: string;
  origin: 'real' | 'synthetic';
  encoding: string;
  delimiter: string;
  dataRows: number;
  rejected: number;
  rejectedLines?: number[];
  time: { columns: string[]; first: string | null; last: string | null } | null;
  location: { column: string; distinct: number } | null;
  mainMeasure: string | null;
  notMeasures?: string[];
  sortedByLocation?: boolean;
  unsure?: string[];
  /** A column per time of day: the expectations are of the unfolded reading (a record per interval). */
  unfolded?: boolean;
}

/** The day the expectations' "most recent month before today" was worked out on. */
const REFERENCE_DAY = new Date(Date.UTC(2026, 11, 6));
const CORPUS = join(__dirname, 'corpus');

function expectations(): { path: string; expected: Expectation }[] {
  return ['real', 'synthetic'].flatMap((folder) =>
    readdirSync(join(CORPUS, folder))
      .filter((name) => name.endsWith('.expected.json'))
      .sort()
      .map((name) => {
        const expected = JSON.parse(readFileSync(join(CORPUS, folder, name), 'utf8')) as Expectation;
        return { path: join(CORPUS, folder, expected.file), expected };
      }),
  );
}

function timeColumns(time: TimeSource | null): string[] {
  if (time === null) return [];
  if (time.kind === 'column') return [time.column];
  if (time.kind === 'split') return [time.time, time.day, ...(time.weekday === null ? [] : [time.weekday])];
  return [time.date, time.year, time.month, time.day, time.clock, time.hhmm ?? null, time.hour, time.minute, time.second].filter((name): name is string => name !== null);
}

const iso = (time: number | null): string | null => (time === null ? null : new Date(time).toISOString().replace('.000Z', 'Z'));

interface ReadResult {
  read: number;
  accepted: number;
  rejectedLines: number[];
  first: number | null;
  last: number | null;
  locations: Set<string>;
}

async function readEveryRow(path: string, schema: TableSchema, dialect: Awaited<ReturnType<typeof sniffCsv>>['dialect']): Promise<ReadResult> {
  const result: ReadResult = { read: 0, accepted: 0, rejectedLines: [], first: null, last: null, locations: new Set() };
  const locationIndex = schema.columns.findIndex((column) => column.name === schema.location);
  for await (const batch of readCsvBatches({ path, dialect, schema })) {
    result.read += batch.records.length + batch.rejected.length;
    result.accepted += batch.records.length;
    result.rejectedLines.push(...batch.rejected.map((row) => row.line));
    for (const record of batch.records) {
      if (record.time !== null) {
        result.first = result.first === null ? record.time : Math.min(result.first, record.time);
        result.last = result.last === null ? record.time : Math.max(result.last, record.time);
      }
      if (locationIndex >= 0 && record.values[locationIndex] !== null) result.locations.add(String(record.values[locationIndex]));
    }
  }
  return result;
}

describe('fidelity corpus: every file opens right the first time', () => {
  const all = expectations();

  it('holds at least 12 real files and the synthetic quirk files', () => {
    expect(all.filter((entry) => entry.expected.origin === 'real').length).toBeGreaterThanOrEqual(12);
    expect(all.filter((entry) => entry.expected.origin === 'synthetic').length).toBeGreaterThanOrEqual(20);
  });

  it.each(all.map((entry) => [entry.expected.file, entry] as const))('%s', async (_name, { path: filePath, expected }) => {
    const original = await sniffCsv(filePath);
    expect(original.dialect.delimiter, 'delimiter').toBe(expected.delimiter);
    expect(original.dialect.encoding, 'encoding').toBe(expected.encoding);
    const { names, sampleRows, laterRows = [], dialect } = original;
    const inferred = settleByLaterRows(resolveTableSchema(names, sampleRows, dialect.delimiter, null, REFERENCE_DAY), names, sampleRows, laterRows, dialect.delimiter);
    // A column per time of day or per counter is read through its unfolded copy, as the app opens it; no other file is.
    expect(detectUnfolding(original, inferred) !== null, 'unfolded').toBe(expected.unfolded === true);
    const unfolded = expected.unfolded ? await openUnfolded(await openSniffedFile(original, null), async () => null) : null;
    const { sniffed, schema } = unfolded ? unfolded.opened : { sniffed: original, schema: inferred };
    const path = sniffed.path;

    // What the file means
    expect(timeColumns(schema.time).sort(), 'time columns').toEqual([...(expected.time?.columns ?? [])].sort());
    expect(schema.location, 'location column').toBe(expected.location?.column ?? null);
    expect(schema.measure, 'main measure').toBe(expected.mainMeasure);
    for (const name of expected.notMeasures ?? []) {
      expect(schema.columns.find((column) => column.name === name)?.role, `${name} is not a measure`).not.toBe('measure');
    }
    for (const word of expected.unsure ?? []) expect(schema.notes.join(' ').toLowerCase(), 'says what it was unsure of').toContain(word);

    // Every data row, read as a replay reads it
    const read = await readEveryRow(path, schema, sniffed.dialect);
    expect(read.read, 'read = the data rows counted independently').toBe(expected.dataRows);
    expect(read.read - read.accepted, 'rejected').toBe(expected.rejected);
    if (expected.rejectedLines) expect(read.rejectedLines, 'rejected lines').toEqual(expected.rejectedLines);
    if (expected.time?.first) expect(iso(read.first), 'first event time').toBe(expected.time.first);
    if (expected.time?.last) expect(iso(read.last), 'last event time').toBe(expected.time.last);
    if (expected.location) expect(read.locations.size, 'distinct locations').toBe(expected.location.distinct);

    // Grouped by location (merged by time, or replayed as written with a note saying so), or not
    if (expected.sortedByLocation !== undefined) {
      const order = await detectReplayOrder(sniffed, schema, timedRows(sniffed.sampleRows, schema), detectTimeOrder(timedRows(sniffed.sampleRows, schema)).order);
      const grouped = order.kind === 'merged' || order.note?.includes('Grouped by location') === true;
      expect(grouped, `grouped by location (${order.kind}: ${order.note})`).toBe(expected.sortedByLocation);
    }

    // The whole-file scan (in two segments) counts the same
    const profile = await scanFile({ path, dialect: sniffed.dialect, schema, workerPath: null, segments: 2 });
    expect({ rows: profile.rows, rejected: profile.rejected }, 'whole-file scan').toEqual({ rows: expected.dataRows, rejected: expected.rejected });
    await unfolded?.remove();
  });
});

/** The original tutorial's data set, where this checkout has it beside the project (it is not copied in). */
const TUTORIAL = join(__dirname, '..', '..', 'shared', 'data', 'Traffic.csv');

describe.runIf(existsSync(TUTORIAL))("the tutorial's Traffic.csv (skipped where ../shared/data is absent)", () => {
  it('replays 2,976 rows, none rejected, in March 2026, each row on its own weekday except where the file contradicts itself', async () => {
    const sniffed = await sniffCsv(TUTORIAL);
    const schema = resolveTableSchema(sniffed.names, sniffed.sampleRows, sniffed.dialect.delimiter, null, REFERENCE_DAY);
    const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    // The file's own day and weekday per line, read with a plain split (the file quotes nothing).
    // Days 10..31 then 1..9; March 10, 2026 is a Tuesday, as the file's first row says. The file
    // labels day 21 Sunday and day 22 Saturday (swapped): no month can agree with those 192 rows.
    const lines = readFileSync(TUTORIAL, 'utf8').split(/\r?\n/).map((line) => line.split(','));
    let accepted = 0;
    let rejected = 0;
    const disagreeing = new Set<string>();
    let first: number | null = null;
    let last: number | null = null;
    for await (const batch of readCsvBatches({ path: TUTORIAL, dialect: sniffed.dialect, schema })) {
      rejected += batch.rejected.length;
      for (const record of batch.records) {
        accepted++;
        const time = record.time as number;
        first ??= time;
        last = time;
        const [, day, weekday] = lines[record.line - 1] as string[];
        expect(new Date(time).getUTCDate(), `line ${record.line}`).toBe(Number(day));
        if (weekdays[new Date(time).getUTCDay()] !== weekday) disagreeing.add(`${day} ${weekday}`);
      }
    }
    expect({ accepted, rejected }).toEqual({ accepted: 2976, rejected: 0 });
    expect(iso(first)).toBe('2026-03-10T00:00:00Z');
    expect(iso(last)).toBe('2026-04-09T23:45:00Z');
    expect([...disagreeing].sort()).toEqual(['21 Sunday', '22 Saturday']);
    expect(schema.notes.join(' ')).toContain('of 192 rows');
    expect(schema.time?.label).toContain('March 2026');
  });
});
