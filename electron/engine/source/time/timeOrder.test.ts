import { afterAll, describe, expect, it } from 'vitest';
import { TempDir, joinLines } from '../../testing/trafficFixture';
import { openSniffedFile } from '../openFile';
import { sniffCsv } from '../sniffCsv';
import { detectTimeOrder, orderOf } from './timeOrder';
import { timedRows } from './timedSample';

const temp = new TempDir();
afterAll(() => temp.cleanup());

const Q = 15 * 60_000;
const START = Date.UTC(2026, 9, 5);
const iso = (time: number): string => new Date(time).toISOString();

/** Rows (sensor, time) as an ISO-timestamp file; `sensor` null writes a file without a location column. */
function file(rows: readonly { sensor: string | null; time: number }[]): string {
  const withSensor = rows.some((row) => row.sensor !== null);
  const header = withSensor ? 'timestamp,sensor,vehicles' : 'timestamp,vehicles';
  const lines = rows.map((row, i) => (withSensor ? `${iso(row.time)},${row.sensor ?? ''},${10 + (i % 7)}` : `${iso(row.time)},${10 + (i % 7)}`));
  return temp.write(joinLines([header, ...lines]));
}

/** `slots` 15-min slots from START, every sensor once per slot, oldest slot first. */
function interleaved(slots: number, sensors: readonly string[]): { sensor: string; time: number }[] {
  const rows: { sensor: string; time: number }[] = [];
  for (let slot = 0; slot < slots; slot++) for (const sensor of sensors) rows.push({ sensor, time: START + slot * Q });
  return rows;
}

async function open(path: string) {
  const opened = await openSniffedFile(await sniffCsv(path), null);
  return { info: opened.info, finding: detectTimeOrder(timedRows(opened.sniffed.sampleRows, opened.schema)) };
}

describe('time order of a file, from its first block', () => {
  it('oldest first: every step of every sensor goes up', async () => {
    // 3 sensors × 50 slots: each sensor has 49 steps, all up.
    const { info, finding } = await open(file(interleaved(50, ['S1', 'S2', 'S3'])));
    expect(info.location).toBe('sensor');
    expect(finding.steps).toEqual({ up: 147, down: 0, same: 0 });
    expect(info.timeOrder).toBe('ascending');
  });

  it('newest first: the same file reversed runs descending, and its time range still spans the whole file', async () => {
    const rows = interleaved(50, ['S1', 'S2', 'S3']).reverse();
    const { info, finding } = await open(file(rows));
    expect(finding.steps).toEqual({ up: 0, down: 147, same: 0 });
    expect(info.timeOrder).toBe('descending');
    expect(info.timeRange).toEqual({ first: START, last: START + 49 * Q });
    // Replayed from its end, oldest first: its time going back is its order, not a grouped file to merge or warn about.
    expect(info.replayOrder).toMatchObject({ reversed: true, merged: false, note: expect.stringMatching(/newest first: replayed oldest first/) });
  });

  it('newest first, grouped by sensor: merged by time, each sensor read from its end, without the note that a grouped file is out of time order', async () => {
    const rows = ['A', 'B'].flatMap((sensor) => Array.from({ length: 30 }, (_, k) => ({ sensor, time: START + (29 - k) * Q })));
    const { info, finding } = await open(file(rows));
    // A: 29 steps down, B: 29 steps down; B's first row goes back up, but to another sensor.
    expect(finding.steps).toEqual({ up: 0, down: 58, same: 0 });
    expect(info.timeOrder).toBe('descending');
    expect(info.replayOrder).toMatchObject({ merged: true, reversed: true, runs: 2, note: expect.stringMatching(/each newest first/) });
    expect(info.replayOrder?.note).not.toMatch(/file order|not in time order/);
  });

  it('mixed: one sensor oldest first and one newest first, or one sensor zig-zagging, is neither', async () => {
    const up = Array.from({ length: 30 }, (_, i) => ({ sensor: 'A', time: START + i * Q }));
    const down = Array.from({ length: 30 }, (_, i) => ({ sensor: 'B', time: START + (29 - i) * Q }));
    const split = await open(file([...up, ...down]));
    // A: 29 steps up; B: 29 steps down; pooled 29 of 58 each way, under four in five.
    expect(orderOf(split.finding.byLocation.get('A')!)).toBe('ascending');
    expect(orderOf(split.finding.byLocation.get('B')!)).toBe('descending');
    expect(split.finding.steps).toEqual({ up: 29, down: 29, same: 0 });
    expect(split.info.timeOrder).toBe('mixed');

    // Slots 0, 10, 1, 11, 2, 12, …: 20 rows, 19 steps, 10 up (to the +10 ones) and 9 down.
    const zigzag = Array.from({ length: 20 }, (_, i) => ({ sensor: 'A', time: START + (i % 2 === 0 ? i / 2 : 10 + (i - 1) / 2) * Q }));
    const zig = await open(file(zigzag));
    expect(zig.finding.steps).toEqual({ up: 10, down: 9, same: 0 });
    expect(zig.info.timeOrder).toBe('mixed');
  });

  it('newest first with one row out of place, in a file without a location column, is still descending', async () => {
    // 40 rows newest first, the 21st and 22nd swapped: 39 steps, 1 up (back to the swapped row) and 38 down.
    const rows = Array.from({ length: 40 }, (_, k) => ({ sensor: null, time: START + (39 - k) * Q }));
    [rows[20], rows[21]] = [rows[21]!, rows[20]!];
    const { info, finding } = await open(file(rows));
    expect(info.location).toBeNull();
    expect(finding.steps).toEqual({ up: 1, down: 38, same: 0 });
    expect(info.timeOrder).toBe('descending');
  });

  it('sensors interleaved over different spans: judged per sensor, not from row to row', async () => {
    // A runs a day ahead of B; rows alternate A, B, both newest first. Row to row the time jumps a
    // day down (A→B) then a day less a slot up (B→A): half up, half down. Per sensor: all down.
    const rows: { sensor: string; time: number }[] = [];
    for (let k = 0; k < 40; k++) {
      rows.push({ sensor: 'A', time: START + 96 * Q + (39 - k) * Q });
      rows.push({ sensor: 'B', time: START + (39 - k) * Q });
    }
    const { info, finding } = await open(file(rows));
    expect(finding.byLocation.get('A')).toEqual({ up: 0, down: 39, same: 0 });
    expect(finding.byLocation.get('B')).toEqual({ up: 0, down: 39, same: 0 });
    expect(info.timeOrder).toBe('descending');
  });

  it('no time column: no order to tell', async () => {
    const path = temp.write(joinLines(['sensor,vehicles', 'A,1', 'A,2', 'B,3']));
    const { info } = await open(path);
    expect(info.time).toBeNull();
    expect(info.timeOrder).toBeNull();
  });
});
