import { afterAll, describe, expect, it } from 'vitest';
import type { OpenedFile } from '../openedFile';
import { TempDir } from '../../testing/trafficFixture';
import { openSniffedFile } from '../openFile';
import { sniffCsv } from '../sniffCsv';
import { createReplaySource } from './createReplaySource';
import { GROUPED_OVERRIDES, GROUPED_START, STEP_MS, byTimeThenLine, groupedSpecs, junctionNames, replay, writeRows, type WrittenFile } from './groupedFixture';

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
