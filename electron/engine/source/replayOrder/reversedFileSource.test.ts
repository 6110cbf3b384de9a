import { afterAll, describe, expect, it } from 'vitest';
import type { SeekTarget } from '../../../../shared/contract';
import { TempDir } from '../../testing/trafficFixture';
import { openSniffedFile } from '../openFile';
import { sniffCsv } from '../sniffCsv';
import { indexBlocks } from './blockIndex';
import { NEWEST_FIRST_OVERRIDES, NEWEST_FIRST_START, NEWEST_FIRST_STEP_MS, newestFirstFile, type NewestFirstRow } from './newestFirstFixture';
import type { ReplayBatch } from './replaySource';
import { ReversedFileSource } from './reversedFileSource';

const temp = new TempDir();
afterAll(() => temp.cleanup());

// About 1.2 MB: several of the reader's 256 KB blocks, so rows are read back across block ends.
const SLOTS = 6000;
const JUNCTIONS = 4;
const written = newestFirstFile({ junctions: JUNCTIONS, slots: SLOTS, rejectEvery: 997, multilineEvery: 331, brokenAt: [5, 9_001, 23_990] });
const total = written.rows.length;
/** The file's rows in replay order: oldest first, i.e. the file backwards. */
const replayOrder = [...written.rows].reverse();

async function opened(): Promise<{ source: ReversedFileSource; size: number; path: string }> {
  const path = temp.write(written.text);
  const file = await openSniffedFile(await sniffCsv(path), NEWEST_FIRST_OVERRIDES);
  expect(file.order?.kind).toBe('reversed');
  expect(file.info.replayOrder).toMatchObject({ reversed: true, merged: false });
  const source = new ReversedFileSource({ path, dialect: file.sniffed.dialect, schema: file.schema, sizeBytes: file.sniffed.sizeBytes });
  return { source, size: file.sniffed.sizeBytes, path };
}

async function readAll(source: ReversedFileSource, seek: SeekTarget | null): Promise<ReplayBatch[]> {
  const batches: ReplayBatch[] = [];
  for await (const batch of source.rows(seek, new AbortController().signal)) batches.push(batch);
  source.dispose();
  return batches;
}

/** Rows in the order the source hands them out, rejected rows placed by rejectedAt. */
function delivered(batches: readonly ReplayBatch[]): { line: number; time: number | null; values: unknown[] | null }[] {
  const out: { line: number; time: number | null; values: unknown[] | null }[] = [];
  for (const batch of batches) {
    let r = 0;
    batch.rejected.forEach((row, j) => {
      for (; r < (batch.rejectedAt[j] as number); r++) out.push({ ...(batch.records[r] as { line: number; time: number | null; values: unknown[] }) });
      out.push({ line: row.line, time: null, values: null });
    });
    for (; r < batch.records.length; r++) out.push({ ...(batch.records[r] as { line: number; time: number | null; values: unknown[] }) });
  }
  return out;
}

describe('a file written newest first, replayed from its end', () => {
  it('indexes the file in several blocks, every row counted', async () => {
    const { path } = await opened();
    const file = await openSniffedFile(await sniffCsv(path), NEWEST_FIRST_OVERRIDES);
    const index = await indexBlocks({ path, dialect: file.sniffed.dialect, schema: file.schema }, new AbortController().signal);
    expect(index.points.length).toBeGreaterThan(3);
    expect(index.rows).toBe(total);
    expect(index.points.every((point, i) => i === 0 || point.byte > (index.points[i - 1] as { byte: number }).byte)).toBe(true);
  });

  it('hands out every row exactly once, oldest first, rejected rows with their real lines, counts reconciled', async () => {
    const { source, size } = await opened();
    const batches = await readAll(source, null);
    const rows = delivered(batches);
    expect(rows.map((row) => row.line)).toEqual(replayOrder.map((row) => row.line));
    expect(rows.map((row) => row.time)).toEqual(replayOrder.map((row) => row.time));
    // Time never goes back over the good rows.
    const times = rows.flatMap((row) => (row.time === null ? [] : [row.time]));
    expect(times.every((time, i) => i === 0 || time >= (times[i - 1] as number))).toBe(true);
    expect(times[0]).toBe(NEWEST_FIRST_START);
    expect(times.at(-1)).toBe(NEWEST_FIRST_START + (SLOTS - 1) * NEWEST_FIRST_STEP_MS);
    // A note over two lines comes back whole, and the row after a broken quote is kept.
    const twoLines = replayOrder.find((row) => row.note.includes('\n') && row.time !== null) as NewestFirstRow;
    const back = rows.find((row) => row.line === twoLines.line);
    expect(back?.values?.[3]).toBe('lane closed\nreopened');
    expect(back?.values?.[2]).toBe(twoLines.vehicles);
    const afterBroken = written.rows[9_002] as NewestFirstRow;
    expect(rows.find((row) => row.line === afterBroken.line)?.values?.[2]).toBe(afterBroken.vehicles);
    // Progress as the replay sees it: rows passed and bytes consumed only grow, and end at the file's.
    const last = batches.at(-1) as ReplayBatch;
    expect(last.rowsSoFar).toBe(total);
    expect(last.bytesRead).toBe(size);
    expect(batches.every((batch, i) => i === 0 || (batch.rowsSoFar > (batches[i - 1] as ReplayBatch).rowsSoFar && batch.bytesRead > (batches[i - 1] as ReplayBatch).bytesRead))).toBe(true);
    expect(batches.reduce((sum, batch) => sum + batch.skipped, 0)).toBe(0);
  });

  it.each([0, 1, 7_777, total - 1, total + 5])('seeks to replay row %i: the rows from there on, the ones before counted as skipped', async (target) => {
    const { source } = await opened();
    const batches = await readAll(source, { kind: 'row', row: target });
    const expected = replayOrder.slice(Math.min(target, total));
    expect(delivered(batches).map((row) => row.line)).toEqual(expected.map((row) => row.line));
    expect(batches.reduce((sum, batch) => sum + batch.skipped, 0)).toBe(Math.min(target, total));
    if (batches.length > 0) expect((batches.at(-1) as ReplayBatch).rowsSoFar).toBe(total);
  });

  it.each([
    ['before the first row', NEWEST_FIRST_START - 3_600_000],
    ['mid-file', NEWEST_FIRST_START + 2_345 * NEWEST_FIRST_STEP_MS + 60_000],
    ['the last slot', NEWEST_FIRST_START + (SLOTS - 1) * NEWEST_FIRST_STEP_MS],
    ['after the last row', NEWEST_FIRST_START + SLOTS * NEWEST_FIRST_STEP_MS],
  ])('seeks by time (%s): exactly the good rows at or after it', async (_name, time) => {
    const { source } = await opened();
    const batches = await readAll(source, { kind: 'time', time });
    const rows = delivered(batches);
    const first = replayOrder.findIndex((row) => row.time !== null && row.time >= time);
    const expected = first === -1 ? [] : replayOrder.slice(first);
    expect(rows.map((row) => row.line)).toEqual(expected.map((row) => row.line));
    expect(batches.reduce((sum, batch) => sum + batch.skipped, 0) + rows.length).toBe(total);
  });

  it('a stopped replay stops waiting for the index; the next one gets every row', async () => {
    const { source } = await opened();
    const stop = new AbortController();
    stop.abort();
    await expect(source.rows(null, stop.signal).next()).rejects.toThrow(/stopped/);
    const rows = delivered(await readAll(source, null));
    expect(rows.length).toBe(total);
  });
});
