import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RejectedRow } from '../../../../shared/contract';
import type { SchemaOverrides } from '../../../../shared/schema';
import {
  TempDir,
  TRAFFIC_OVERRIDES,
  joinLines,
  junctionCsv,
  junctionRows,
  rowFields,
  trafficCsv,
  trafficRows,
} from '../../testing/trafficFixture';
import { readCsvBatches } from '../csvBatchReader';
import type { CsvDialect } from '../csvDialect';
import { sniffCsv } from '../sniffCsv';
import { resolveTableSchema, type TableSchema } from '../tableSchema';
import { setEngineLogSink } from '../../supervision/engineLog';
import { writeTsWorkerEntry } from '../../testing/tsWorkerEntry';
import { scanFile, type FileProfile } from './scanFile';

const temp = new TempDir();
afterAll(() => temp.cleanup());

interface Opened {
  path: string;
  dialect: CsvDialect;
  schema: TableSchema;
}

async function open(path: string, overrides: SchemaOverrides | null = TRAFFIC_OVERRIDES): Promise<Opened> {
  const sniffed = await sniffCsv(path);
  return { path, dialect: sniffed.dialect, schema: resolveTableSchema(sniffed.names, sniffed.sampleRows, sniffed.dialect.delimiter, overrides) };
}

/** What the profile must be: one sequential read by the replay's own reader. */
async function sequentialProfile({ path, dialect, schema }: Opened): Promise<Omit<FileProfile, 'segments' | 'rescanned'>> {
  let rows = 0;
  let accepted = 0;
  const rejected: RejectedRow[] = [];
  let first: number | null = null;
  let last: number | null = null;
  const numeric = schema.columns.flatMap((column, index) => (column.type === 'number' ? [index] : []));
  const min = new Map<number, number>();
  const max = new Map<number, number>();
  for await (const batch of readCsvBatches({ path, dialect, schema })) {
    rows += batch.records.length + batch.rejected.length;
    accepted += batch.records.length;
    rejected.push(...batch.rejected);
    for (const record of batch.records) {
      if (record.time !== null) {
        first = first === null ? record.time : Math.min(first, record.time);
        last = last === null ? record.time : Math.max(last, record.time);
      }
      for (const index of numeric) {
        const value = record.values[index];
        if (typeof value !== 'number') continue;
        min.set(index, Math.min(min.get(index) ?? value, value));
        max.set(index, Math.max(max.get(index) ?? value, value));
      }
    }
  }
  return {
    rows,
    accepted,
    rejected: rejected.length,
    rejectedRows: rejected.slice(0, 200),
    timeRange: first === null || last === null ? null : { first, last },
    columns: numeric.map((index) => ({ column: schema.columns[index]!.name, min: min.get(index) ?? null, max: max.get(index) ?? null })),
  };
}

async function expectSameAsSequential(opened: Opened, segmentCounts: readonly number[]): Promise<FileProfile[]> {
  const expected = await sequentialProfile(opened);
  const profiles: FileProfile[] = [];
  for (const segments of segmentCounts) {
    const profile = await scanFile({ ...opened, segments, workerPath: null });
    expect(profile, `${segments} segments`).toEqual({ ...expected, segments: profile.segments, rescanned: profile.rescanned });
    profiles.push(profile);
  }
  return profiles;
}

/** Traffic rows with bad rows sprinkled through the file (bad numbers, missing fields, bad times). */
function trafficLinesWithRejects(count: number): string[] {
  const lines = trafficRows(count).map((row) => rowFields(row).join(','));
  for (let i = 37; i < lines.length; i += 211) {
    const fields = lines[i]!.split(',');
    const kind = (i / 211) % 3 < 1 ? 'number' : (i / 211) % 3 < 2 ? 'fields' : 'time';
    if (kind === 'number') fields[4] = '12abc';
    if (kind === 'fields') fields.pop();
    if (kind === 'time') fields[0] = '25:61:00 XM';
    lines[i] = fields.join(',');
  }
  return ['Time,Date,Day of the week,CarCount,BikeCount,BusCount,TruckCount,Total,Traffic Situation', ...lines];
}

describe('scanFile', () => {
  it('gives what a sequential read gives, with rejected rows in several segments (split time form)', async () => {
    // 6,000 slots run from October into December: the month rolls over inside later segments.
    const opened = await open(temp.write(joinLines(trafficLinesWithRejects(6000))));
    const [one, ...many] = await expectSameAsSequential(opened, [1, 2, 3, 5, 8]);
    expect(one!.rejected).toBeGreaterThan(20);
    expect(one!.segments).toBe(1);
    expect(many.map((profile) => profile.segments)).toEqual([2, 3, 5, 8]);
    expect(many.every((profile) => profile.rescanned === 0)).toBe(true); // placed from runs alone
  });

  it('reads a split-form segment again when its month cannot be placed from runs', async () => {
    // Anchored in September, the 31st of October is no date: rejected, which only a read with the
    // timeline can list.
    const overrides: SchemaOverrides = { ...TRAFFIC_OVERRIDES, anchor: { year: 2026, month: 9 } };
    const opened = await open(temp.write(trafficCsv(trafficRows(6000))), overrides);
    const [, profile] = await expectSameAsSequential(opened, [1, 4]);
    expect(profile!.rejected).toBeGreaterThan(0);
    expect(profile!.rejectedRows[0]?.reason).toMatch(/^no such date: day 31 of Sep 2026/);
    expect(profile!.rescanned).toBeGreaterThan(0);
  });

  it('re-reads the next segment when a quoted multi-line field straddles the cut', async () => {
    const row = (i: number, note: string): string => `2026-10-01T${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00,J${i % 5},${i % 97},${note}`;
    const before = Array.from({ length: 400 }, (_, i) => row(i, 'plain'));
    // Longer than a read block after the field, so the segment finishing it stops before the end.
    const after = Array.from({ length: 4000 }, (_, i) => row(400 + i, 'plain'));
    after[20] = after[20]!.replace(/,\d+,/, ',lots,'); // a rejected row after the long field
    // Half the file, in the middle: the even cut at half the size falls inside it.
    const note = `"${Array.from({ length: 8000 }, (_, i) => `note line ${i}, "" quoted`).join('\n')}"`;
    const path = temp.write(joinLines(['Timestamp,Junction,Count,Note', ...before, row(400, note), ...after]));
    const opened = await open(path, null);
    expect(opened.schema.time?.kind).toBe('column');
    const text = readFileSync(path, 'latin1');
    const cut = Math.floor(text.length / 2);
    expect(text.indexOf('"')).toBeLessThan(cut); // the cut at half the size is inside the field
    expect(text.lastIndexOf('"')).toBeGreaterThan(cut);
    const profiles = await expectSameAsSequential(opened, [2, 3, 4]);
    expect(profiles.map((profile) => profile.rescanned)).toEqual([1, 1, 1]);
    expect(profiles[0]!.rows).toBe(4401);
    expect(profiles[0]!.rejectedRows.map((rejected) => rejected.line)).toEqual([1 + 400 + 8000 + 21]);
  });

  it('handles CRLF line ends, a BOM and blank lines', async () => {
    const lines = trafficLinesWithRejects(3000);
    lines.splice(900, 0, '', '');
    lines.splice(2000, 0, '');
    const opened = await open(temp.write(joinLines(lines, { newline: '\r\n', bom: true })));
    expect(opened.dialect.newline).toBe('\r\n');
    await expectSameAsSequential(opened, [2, 3, 7]);
  });

  it('starts at the header below title lines: rows and their lines agree with the reader and with the file, in any number of segments', async () => {
    const lines = trafficLinesWithRejects(3000);
    const titled = ['Traffic counts report', 'Area: centre, north', 'Generated: 2025-03-14 06:00', '', ...lines];
    for (const options of [{ newline: '\n' as const, bom: false }, { newline: '\r\n' as const, bom: true }]) {
      const opened = await open(temp.write(joinLines(titled, options)));
      expect(opened.dialect.headerAt?.line).toBe(5);
      const profiles = await expectSameAsSequential(opened, [1, 2, 5]);
      // Counted by hand: the bad rows sit at data index 37 + 211k, below four title lines and the header.
      const bad = Array.from({ length: 3000 }, (_, i) => i).filter((i) => i >= 37 && (i - 37) % 211 === 0);
      expect(profiles[0]!.rows).toBe(3000);
      expect(profiles[0]!.rejectedRows.map((row) => row.line)).toEqual(bad.map((i) => i + 6));
    }
  });

  it('reads numbers in every form exactly as the reader does, plain or not (fast path and fallback agree)', async () => {
    // Plain forms the scan reads in place, and forms only the regular decoder judges: with spaces,
    // exponents, a plus sign, no digit before or after the point, too many digits, hex, text.
    const forms = ['0', '-0', '007', '12.5', '-3.25', '0.1', '1.005', '123456789012345', ' 42', '42 ', '1e3', '+5', '.5', '5.', '1234567890123456789', '0x1F', 'n/a', '', ' '];
    const lines = ['Timestamp,Junction,Count,Speed,Note'];
    for (let i = 0; i < 4000; i++) {
      const time = i === 1234 ? '2026-13-01T00:00:00' : `2026-10-${String(1 + (Math.floor(i / 96) % 28)).padStart(2, '0')}T${String(Math.floor(i / 4) % 24).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}:00`;
      // Mostly plain counts, so the columns are inferred as numbers; every form comes up in both.
      const form = (k: number): string => (k % 5 === 0 ? forms[(k / 5) % forms.length]! : String(k % 300));
      const row = [time, `J${i % 7}`, form(i), form(i * 3 + 1), i % 11 === 0 ? '' : 'ok'];
      if (i % 997 === 0) row.pop(); // too few fields
      if (i % 1009 === 0) row.push('extra'); // too many
      lines.push(i % 1013 === 0 ? ',,,,' : row.join(','));
      if (i % 503 === 0) lines.push(''); // a blank line
    }
    for (const newline of ['\n', '\r\n'] as const) {
      const opened = await open(temp.write(joinLines(lines, { newline })), null);
      expect(opened.schema.columns.map((column) => column.type)).toEqual(['time', 'text', 'number', 'number', 'text']);
      const [profile] = await expectSameAsSequential(opened, [1, 3]);
      expect(profile!.accepted).toBeGreaterThan(1000);
      const reasons = new Set(profile!.rejectedRows.map((row) => row.reason.replace(/found ".*"$/, 'found "…"')));
      expect([...reasons].sort()).toEqual(
        expect.arrayContaining([
          'column "Count" expects a number, found "…"',
          'expected 5 fields, found 4',
          'expected 5 fields, found 6',
          'the row has no values (every field is empty)',
        ]),
      );
    }
  });

  it('handles a semicolon file with decimal commas', async () => {
    const lines = ['Zeit;Sensor;Geschwindigkeit;Anzahl'];
    for (let i = 0; i < 3000; i++) {
      const speed = i === 1500 ? 'schnell' : `${40 + (i % 50)},${i % 10}`;
      lines.push(`2026-10-${String(1 + (Math.floor(i / 96) % 28)).padStart(2, '0')} ${String(Math.floor(i / 4) % 24).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')};S${i % 7};${speed};${i % 13}`);
    }
    const opened = await open(temp.write(joinLines(lines)), null);
    expect(opened.dialect.delimiter).toBe(';');
    expect(opened.schema.decimalComma).toBe(true);
    const [profile] = await expectSameAsSequential(opened, [1, 2, 5]);
    expect(profile!.rejected).toBe(1);
    expect(profile!.columns.find((column) => column.column === 'Geschwindigkeit')).toEqual({ column: 'Geschwindigkeit', min: 40, max: 89.9 });
  });

  it('handles a file without a trailing newline, and one row per junction', async () => {
    const opened = await open(temp.write(junctionCsv(junctionRows(600, ['A', 'B', 'C', 'D']), { trailingNewline: false })));
    const [profile] = await expectSameAsSequential(opened, [1, 2, 6]);
    expect(profile!.rows).toBe(2400);
  });

  it('handles a header-only file and a file of one row', async () => {
    const header = 'Time,Date,Day of the week,CarCount,BikeCount,BusCount,TruckCount,Total,Traffic Situation';
    const one = await open(temp.write(trafficCsv(trafficRows(1))));
    await expectSameAsSequential(one, [1, 3]);
    const sniffed = await sniffCsv(temp.write(`${header}\n`));
    const schema = resolveTableSchema(sniffed.names, [], ',', TRAFFIC_OVERRIDES);
    const profile = await scanFile({ path: sniffed.path, dialect: sniffed.dialect, schema, segments: 2, workerPath: null });
    expect(profile).toMatchObject({ rows: 0, accepted: 0, rejected: 0, timeRange: null });
  });

  it('stops when aborted', async () => {
    const opened = await open(temp.write(trafficCsv(trafficRows(3000))));
    const abort = new AbortController();
    abort.abort();
    await expect(scanFile({ ...opened, segments: 2, workerPath: null, signal: abort.signal })).rejects.toThrow();
  });

  it('scans in worker threads', async () => {
    // The worker script is TypeScript here: a small CommonJS entry registers tsx, then loads it.
    const entry = writeTsWorkerEntry(temp.path, join(__dirname, 'scanWorker.ts'));
    const opened = await open(temp.write(joinLines(trafficLinesWithRejects(6000))));
    const expected = await sequentialProfile(opened);
    const profile = await scanFile({ ...opened, segments: 3, workerPath: entry });
    expect(profile).toEqual({ ...expected, segments: 3, rescanned: 0 });

    const abort = new AbortController();
    const aborted = scanFile({ ...opened, segments: 3, workerPath: entry, signal: abort.signal });
    abort.abort();
    await expect(aborted).rejects.toThrow(/aborted/);
  });

  it('scans a segment again in a fresh worker when its worker dies, and fails the scan if it dies again', async () => {
    const entry = writeTsWorkerEntry(temp.path, join(__dirname, 'scanWorker.ts'));
    const marks = temp.path;
    // Dies the first time it is given a segment (as a heap limit or an uncaught error would end it), then scans.
    const diesOnce = temp.write(
      `const { workerData } = require('node:worker_threads');
       const fs = require('node:fs');
       const mark = ${JSON.stringify(marks)} + '/died-' + workerData.start;
       if (!fs.existsSync(mark)) { fs.writeFileSync(mark, ''); process.exit(3); }
       require(${JSON.stringify(entry)});`,
      'dies-once.cjs',
    );
    const alwaysDies = temp.write('process.exit(3);', 'always-dies.cjs');
    const logged: string[] = [];
    setEngineLogSink((source, line) => logged.push(`[${source}] ${line}`));
    try {
      const opened = await open(temp.write(joinLines(trafficLinesWithRejects(6000))));
      const expected = await sequentialProfile(opened);
      expect(await scanFile({ ...opened, segments: 3, workerPath: diesOnce })).toEqual({ ...expected, segments: 3, rescanned: 0 });
      expect(logged.filter((line) => line === '[file scan worker] stopped unexpectedly: its thread exited with code 3')).toHaveLength(3);
      expect(logged.filter((line) => /^\[file scan worker\] scanning bytes \d+–\d+ again in a new worker$/.test(line))).toHaveLength(3);

      await expect(scanFile({ ...opened, segments: 3, workerPath: alwaysDies })).rejects.toThrow(/file scan worker stopped \(its thread exited with code 3\)/);
    } finally {
      setEngineLogSink((source, line) => console.error(`[${source}] ${line}`));
    }
  });
});
