import { afterAll, describe, expect, it } from 'vitest';
import { TempDir, junctionCsv, junctionRows, openFixture } from '../../testing/trafficFixture';
import { openSniffedFile } from '../openFile';
import { sniffCsv } from '../sniffCsv';
import { createReplaySource } from './createReplaySource';
import { MAX_MERGED_RUNS } from './detectReplayOrder';
import { GROUPED_OVERRIDES, GROUPED_START, STEP_MS, groupedSpecs, interleavedSpecs, junctionNames, writeRows, type RowSpec } from './groupedFixture';

const temp = new TempDir();
afterAll(() => temp.cleanup());

const openSpecs = async (specs: readonly RowSpec[]) => openSniffedFile(await sniffCsv(temp.write(writeRows(specs).text)), GROUPED_OVERRIDES);

async function mergedTimes(specs: readonly RowSpec[]): Promise<number[]> {
  const opened = await openSpecs(specs);
  const times: number[] = [];
  for await (const batch of createReplaySource(opened).rows(null, new AbortController().signal)) times.push(...batch.records.map((record) => record.time as number));
  return times;
}

const nonDecreasing = (times: readonly number[]): boolean => times.every((time, i) => i === 0 || time >= (times[i - 1] as number));

describe('detectReplayOrder', () => {
  it('leaves a file in time order (locations taking turns) as written, saying nothing', async () => {
    const opened = await openSpecs(interleavedSpecs(junctionNames(4), 8000));
    expect(opened.order).toEqual({ kind: 'file', note: null });
    expect(opened.info.replayOrder).toBeUndefined();
  });

  it('leaves a file whose location runs already follow each other in time as written', async () => {
    const specs = junctionNames(3).flatMap((junction, j) =>
      Array.from({ length: 4000 }, (_, slot) => ({ junction, time: GROUPED_START + (j * 4000 + slot) * STEP_MS })),
    );
    expect((await openSpecs(specs)).order).toEqual({ kind: 'file', note: null });
  });

  it('falls back to file order, with a note, for a file grouped in many tiny runs', async () => {
    const opened = await openSpecs(groupedSpecs(junctionNames(100), 20));
    expect(opened.order?.kind).toBe('file');
    expect(opened.info.replayOrder).toEqual({ merged: false, runs: null, note: expect.stringContaining(`more than ${MAX_MERGED_RUNS} runs`) });
  });

  it('falls back when bisection finds more runs than a merge holds open', async () => {
    // Long first run (the head sees one location), then 80 short ones.
    const specs = [...groupedSpecs(['J000'], 9000), ...groupedSpecs(junctionNames(80), 40)];
    const opened = await openSpecs(specs);
    expect(opened.order?.kind).toBe('file');
    expect(opened.info.replayOrder?.note).toContain(`more than ${MAX_MERGED_RUNS} runs`);
  });

  it('falls back, with a note, when the first run is not in time order', async () => {
    const specs = groupedSpecs(junctionNames(4), 3000).map((spec, i) => ({ ...spec, time: i % 2 === 0 ? spec.time + 3 * STEP_MS : spec.time }));
    const opened = await openSpecs(specs);
    expect(opened.order?.kind).toBe('file');
    expect(opened.info.replayOrder?.note).toMatch(/not in time order: replayed in file order/);
  });

  it('falls back, naming the location, when a later run is not in time order (found by sampling)', async () => {
    const specs = groupedSpecs(junctionNames(4), 6000);
    const last = specs.splice(18_000);
    specs.push(...last.reverse());
    const opened = await openSpecs(specs);
    expect(opened.order?.kind).toBe('file');
    expect(opened.info.replayOrder?.note).toContain('location J004 are not in time order');
  });

  it('merges a file whose locations come back (monthly exports appended, each grouped)', async () => {
    const month = (from: number): RowSpec[] =>
      junctionNames(4).flatMap((junction) => Array.from({ length: 2000 }, (_, slot) => ({ junction, time: GROUPED_START + (from + slot) * STEP_MS })));
    const specs = [...month(0), ...month(2000)];
    const opened = await openSpecs(specs);
    expect(opened.order?.kind === 'merged' ? opened.order.runs.map((run) => run.location) : opened.order).toEqual([...junctionNames(4), ...junctionNames(4)]);
    const times = await mergedTimes(specs);
    expect(times).toHaveLength(specs.length);
    expect(nonDecreasing(times)).toBe(true);
  });

  it('merges a small grouped file that fits in the first block', async () => {
    const specs = groupedSpecs(junctionNames(3), 10);
    expect((await openSpecs(specs)).info.replayOrder?.note).toBe('Grouped by location: 3 runs, replayed merged by time.');
    const times = await mergedTimes(specs);
    expect(times).toHaveLength(30);
    expect(nonDecreasing(times)).toBe(true);
  });

  it('does not judge the split time form (its month follows from every row before)', async () => {
    const rows = junctionRows(200, ['J01', 'J02']);
    const grouped = [...rows.filter((row) => row.junction === 'J01'), ...rows.filter((row) => row.junction === 'J02')];
    const opened = await openFixture(temp.write(junctionCsv(grouped)));
    expect(opened.order).toEqual({ kind: 'file', note: null });
  });
});
