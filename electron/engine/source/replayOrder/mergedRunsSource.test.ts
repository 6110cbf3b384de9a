import { afterAll, describe, expect, it } from 'vitest';
import type { OpenedFile } from '../openedFile';
import { TempDir } from '../../testing/trafficFixture';
import { openSniffedFile } from '../openFile';
import { sniffCsv } from '../sniffCsv';
import { createReplaySource } from './createReplaySource';
import {
  GROUPED_OVERRIDES,
  GROUPED_START,
  STEP_MS,
  byTimeThenLine,
  groupedNewestFirstSpecs,
  groupedSpecs,
  junctionNames,
  replay,
  writeRows,
  type RowSpec,
  type WrittenFile,
} from './groupedFixture';

const temp = new TempDir();
afterAll(() => temp.cleanup());

const open = async (written: WrittenFile): Promise<OpenedFile> => openSniffedFile(await sniffCsv(temp.write(written.text)), GROUPED_OVERRIDES);

const JUNCTIONS = junctionNames(4);
const SLOTS = 6000; // 24,000 rows, about 900 KB: each run spans several reader blocks
/** Bad rows: the first data row, a row mid-run, the last row of a run, and the file's last row. */
const BAD = new Set([0, 7_321, 2 * SLOTS - 1, 4 * SLOTS - 1]);

describe('replay order of a file grouped by location', () => {
  const written = writeRows(groupedSpecs(JUNCTIONS, SLOTS, BAD));

  it('is detected on opening, with its runs where the file has them and the span of all of them', async () => {
    const opened = await open(written);
    expect(opened.order?.kind).toBe('merged');
    if (opened.order?.kind !== 'merged') return;
    expect(opened.order.runs.map((run) => run.location)).toEqual(JUNCTIONS);
    // The first run holds the header too; each later run starts at its junction's first row.
    expect(opened.order.runs.map((run) => run.start)).toEqual([0, ...written.runStarts.slice(1)]);
    expect(opened.info.replayOrder).toEqual({ merged: true, runs: 4, note: 'Grouped by location: 4 runs, replayed merged by time.' });
    expect(opened.info.timeRange).toEqual({ first: GROUPED_START, last: GROUPED_START + (SLOTS - 1) * STEP_MS });
  });

  it('delivers every row once, in event-time order (ties in file order), rejected rows with their real lines', async () => {
    const opened = await open(written);
    const result = await replay(opened);
    const times = result.records.map((record) => record.time as number);
    expect(times.every((time, i) => i === 0 || time >= (times[i - 1] as number))).toBe(true);
    expect(result.records.map((record) => record.line)).toEqual(byTimeThenLine(written.rows));
    const bad = written.rows.filter((row) => row.time === null);
    expect(result.rejected.map((row) => row.line).sort((a, b) => a - b)).toEqual(bad.map((row) => row.line));
    expect(result.rejected.map((row) => row.text)).toEqual(expect.arrayContaining(bad.map((row) => row.text)));
    // Each rejected row comes after its run's row before it and before its run's row after it.
    const deliveredAt = new Map(result.records.map((record, i) => [record.line, i]));
    result.rejected.forEach((row, i) => {
      const after = result.rejectedAfter[i] as number;
      const before = deliveredAt.get(row.line - 1);
      const next = deliveredAt.get(row.line + 1);
      if (before !== undefined && written.rows[row.line - 3]?.junction === written.rows[row.line - 2]?.junction) expect(after).toBeGreaterThan(before);
      if (next !== undefined && written.rows[row.line - 1]?.junction === written.rows[row.line - 2]?.junction) expect(after).toBeLessThanOrEqual(next);
    });
    expect(result.records.length + result.rejected.length).toBe(written.rows.length);
    expect(result.last?.rowsSoFar).toBe(written.rows.length);
    expect(result.last?.bytesRead).toBe(Buffer.byteLength(written.text));
    expect(result.skipped).toBe(0);
  });

  it('seeks by time: every run starts at its first row at or after the target, and again from what it learnt', async () => {
    const opened = await open(written);
    const source = createReplaySource(opened);
    const target = GROUPED_START + Math.floor(SLOTS / 2) * STEP_MS + 7 * 60_000;
    const expected = byTimeThenLine(written.rows.filter((row) => row.time !== null && row.time >= target));
    // Rejected rows after the first row at or after the target in their run are delivered too.
    const firstReached = new Map<string, number>();
    for (const row of written.rows) if (row.time !== null && row.time >= target && !firstReached.has(row.junction)) firstReached.set(row.junction, row.line);
    const expectedRejected = written.rows.filter((row) => row.time === null && row.line > (firstReached.get(row.junction) ?? Infinity)).map((row) => row.line);

    for (const pass of ['cold', 'with checkpoints']) {
      const result = await replay(opened, { kind: 'time', time: target }, source);
      expect(result.records.map((record) => record.line), pass).toEqual(expected);
      expect(result.rejected.map((row) => row.line).sort((a, b) => a - b), pass).toEqual(expectedRejected);
      expect(result.last?.rowsSoFar, pass).toBe(written.rows.length);
    }
    expect(expectedRejected.length).toBeGreaterThan(0);
  });

  it('seeks by row: the merged order from that row on', async () => {
    const opened = await open(written);
    const full = await replay(opened);
    const result = await replay(opened, { kind: 'row', row: 10_000 });
    const merged = [...full.records.map((r) => r.line)];
    const deliveredAll = full.records.length + full.rejected.length;
    expect(result.records.length + result.rejected.length).toBe(deliveredAll - 10_000);
    expect(result.records.map((r) => r.line)).toEqual(merged.slice(merged.length - result.records.length));
    expect(result.last?.rowsSoFar).toBe(written.rows.length);
  });

  it('handles CRLF line ends and a byte-order mark', async () => {
    const crlf = writeRows(groupedSpecs(JUNCTIONS, 3000, new Set([5, 3000])), { newline: '\r\n', bom: true });
    const opened = await open(crlf);
    expect(opened.order?.kind).toBe('merged');
    const result = await replay(opened);
    expect(result.records.map((record) => record.line)).toEqual(byTimeThenLine(crlf.rows));
    expect(result.rejected.map((row) => row.line).sort((a, b) => a - b)).toEqual([7, 3002]);
    expect(result.last?.bytesRead).toBe(Buffer.byteLength(crlf.text));
  });
});

/**
 * Each run written newest first (an export sorted by location, then latest first): merged by time,
 * each run read from its own end.
 */
describe('replay order of a file grouped by location, each run newest first', () => {
  const written = writeRows(groupedNewestFirstSpecs(JUNCTIONS, SLOTS, BAD));

  it('is detected on opening as runs to merge, each read from its end, with the span of all of them', async () => {
    const opened = await open(written);
    expect(opened.order).toMatchObject({ kind: 'merged', newestFirst: true });
    if (opened.order?.kind !== 'merged') return;
    expect(opened.order.runs.map((run) => run.location)).toEqual(JUNCTIONS);
    expect(opened.order.runs.map((run) => run.start)).toEqual([0, ...written.runStarts.slice(1)]);
    expect(opened.info.replayOrder).toEqual({ merged: true, reversed: true, runs: 4, note: 'Grouped by location, each newest first: 4 runs, replayed merged by time, oldest first.' });
    expect(opened.info.timeRange).toEqual({ first: GROUPED_START, last: GROUPED_START + (SLOTS - 1) * STEP_MS });
  });

  it('delivers every row once, in event-time order (ties in file order), rejected rows in their place with their real lines', async () => {
    const opened = await open(written);
    const result = await replay(opened);
    expect(result.records.map((record) => record.line)).toEqual(byTimeThenLine(written.rows));
    const bad = written.rows.filter((row) => row.time === null);
    expect(result.rejected.map((row) => row.line).sort((a, b) => a - b)).toEqual(bad.map((row) => row.line));
    // Read from the end, a rejected row comes after the older row below it and before the newer row above it.
    const deliveredAt = new Map(result.records.map((record, i) => [record.line, i]));
    const junctionOf = (line: number): string | undefined => written.rows[line - 2]?.junction;
    result.rejected.forEach((row, i) => {
      const after = result.rejectedAfter[i] as number;
      const older = deliveredAt.get(row.line + 1);
      const newer = deliveredAt.get(row.line - 1);
      if (older !== undefined && junctionOf(row.line + 1) === junctionOf(row.line)) expect(after).toBeGreaterThan(older);
      if (newer !== undefined && junctionOf(row.line - 1) === junctionOf(row.line)) expect(after).toBeLessThanOrEqual(newer);
    });
    expect(result.records.length + result.rejected.length).toBe(written.rows.length);
    expect(result.last?.rowsSoFar).toBe(written.rows.length);
    expect(result.last?.bytesRead).toBe(Buffer.byteLength(written.text));
    expect(result.skipped).toBe(0);
  });

  it('seeks by time: every run from its oldest row at or after the target, the rows skipped counted', async () => {
    const opened = await open(written);
    const source = createReplaySource(opened);
    const target = GROUPED_START + Math.floor(SLOTS / 2) * STEP_MS + 7 * 60_000;
    const expected = byTimeThenLine(written.rows.filter((row) => row.time !== null && row.time >= target));
    // In each run, the first row reached is the last line at or after the target; rejected rows above it come too.
    const firstReached = new Map<string, number>();
    for (const row of written.rows) if (row.time !== null && row.time >= target) firstReached.set(row.junction, row.line);
    const expectedRejected = written.rows.filter((row) => row.time === null && row.line < (firstReached.get(row.junction) ?? -1)).map((row) => row.line);
    const result = await replay(opened, { kind: 'time', time: target }, source);
    expect(result.records.map((record) => record.line)).toEqual(expected);
    expect(result.rejected.map((row) => row.line).sort((a, b) => a - b)).toEqual(expectedRejected);
    expect(result.records.length + result.rejected.length + result.skipped).toBe(written.rows.length);
    expect(result.last?.rowsSoFar).toBe(written.rows.length);
    expect(expectedRejected.length).toBeGreaterThan(0);
  });

  it('seeks by row: the merged order from that row on', async () => {
    const opened = await open(written);
    const full = await replay(opened);
    const result = await replay(opened, { kind: 'row', row: 10_000 });
    const merged = full.records.map((r) => r.line);
    expect(result.records.length + result.rejected.length).toBe(written.rows.length - 10_000);
    expect(result.records.map((r) => r.line)).toEqual(merged.slice(merged.length - result.records.length));
    expect(result.last?.rowsSoFar).toBe(written.rows.length);
  });

  it('runs that follow each other backwards (the newest period first) are simply read from the end', async () => {
    // J001 holds the newest 2,000 slots, J002 the 2,000 before, J003 the oldest: the file read backwards is in time order.
    const specs: RowSpec[] = [];
    JUNCTIONS.slice(0, 3).forEach((junction, k) => {
      for (let slot = (3 - k) * 2000 - 1; slot >= (2 - k) * 2000; slot--) specs.push({ junction, time: GROUPED_START + slot * STEP_MS });
    });
    const periods = writeRows(specs);
    const opened = await open(periods);
    expect(opened.order?.kind).toBe('reversed');
    const result = await replay(opened);
    expect(result.records.map((record) => record.line)).toEqual(byTimeThenLine(periods.rows));
  });
});
