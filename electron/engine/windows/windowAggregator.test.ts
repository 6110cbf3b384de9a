import { describe, expect, it } from 'vitest';
import type { CellValue, TrafficRecord } from '../../../shared/records';
import type { WindowRow, WindowSpec } from '../../../shared/windows/windowContract';
import { recordLayout, type RecordLayout } from './recordLayout';
import { SAMPLE_COLUMNS, sampleRecords, sampleRows, type SampleRow } from '../testing/sampleCity';
import { WindowAggregator } from './windowAggregator';

const MIN = 60_000;
const HOUR = 60 * MIN;

function spec(overrides: Partial<WindowSpec>): WindowSpec {
  return { name: 'w', kind: 'tumble', sizeMs: 15 * MIN, hopMs: 15 * MIN, latenessMs: 0, emit: 'final', measures: null, ...overrides };
}

function run(windowSpec: WindowSpec, records: readonly TrafficRecord[], layout: RecordLayout, flush = true): { rows: WindowRow[]; aggregator: WindowAggregator } {
  const rows: WindowRow[] = [];
  const aggregator = new WindowAggregator(windowSpec, layout, (row) => rows.push(row));
  aggregator.addAll(records);
  if (flush) aggregator.flush();
  return { rows, aggregator };
}

interface Expected {
  count: number;
  sums: number[];
  mins: number[];
  maxs: number[];
}

const MEASURES = (row: SampleRow): number[] => [row.car, row.bike, row.bus, row.truck, row.total];

/**
 * The brute force: for every row, every hop-aligned start from well before it to it, kept when
 * start <= time < start + size (the inequality itself, not the module's arithmetic).
 */
function bruteForce(rows: readonly SampleRow[], sizeMs: number, hopMs: number): Map<string, Expected> {
  const groups = new Map<string, Expected>();
  for (const row of rows) {
    for (let start = Math.floor((row.time - 2 * sizeMs) / hopMs) * hopMs; start <= row.time; start += hopMs) {
      if (!(start <= row.time && row.time < start + sizeMs)) continue;
      const key = `${start}|${row.junction}`;
      let group = groups.get(key);
      if (!group) {
        group = { count: 0, sums: [0, 0, 0, 0, 0], mins: Array(5).fill(Infinity), maxs: Array(5).fill(-Infinity) };
        groups.set(key, group);
      }
      group.count++;
      MEASURES(row).forEach((value, m) => {
        group.sums[m]! += value;
        group.mins[m] = Math.min(group.mins[m]!, value);
        group.maxs[m] = Math.max(group.maxs[m]!, value);
      });
    }
  }
  return groups;
}

/** Compared as two plain maps in one assertion: 27 000 separate expects would take seconds. */
function expectMatchesBruteForce(rows: readonly WindowRow[], expected: Map<string, Expected>, sizeMs: number): void {
  const actual = new Map<string, Expected>();
  let worstMeanError = 0;
  for (const row of rows) {
    const key = `${row.windowStart}|${String(row.location[0])}`;
    expect(actual.has(key), `${key} emitted twice`).toBe(false);
    expect(row.windowEnd - row.windowStart).toBe(sizeMs);
    expect(row.closed).toBe(true);
    expect(row.measures.every((measure) => measure.count === row.rowCount)).toBe(true);
    actual.set(key, {
      count: row.rowCount,
      sums: row.measures.map((measure) => measure.sum!),
      mins: row.measures.map((measure) => measure.min!),
      maxs: row.measures.map((measure) => measure.max!),
    });
    const group = expected.get(key);
    if (group) row.measures.forEach((measure, m) => (worstMeanError = Math.max(worstMeanError, Math.abs(measure.mean! - group.sums[m]! / group.count))));
  }
  expect(actual).toEqual(expected);
  expect(worstMeanError).toBeLessThan(1e-9);
}

describe('windows over the sample city, against a brute-force group-by of the CSV', () => {
  const layout = recordLayout(SAMPLE_COLUMNS);

  it('aggregates every measure, in schema order', () => {
    expect(layout.measureNames).toEqual(['CarCount', 'BikeCount', 'BusCount', 'TruckCount', 'Total']);
    expect(layout.locationNames).toEqual(['Junction']);
  });

  it('tumbling 15-minute windows: one row per junction and slot', () => {
    const { rows } = run(spec({}), sampleRecords(), layout);
    expectMatchesBruteForce(rows, bruteForce(sampleRows(), 15 * MIN, 15 * MIN), 15 * MIN);
    // Hand count: 10 junctions × 96 slots × 28 days, one row each.
    expect(rows.length).toBe(10 * 96 * 28);
    expect(rows.every((row) => row.rowCount === 1)).toBe(true);
  });

  it('tumbling hourly windows: four rows each', () => {
    const { rows } = run(spec({ sizeMs: HOUR, hopMs: HOUR }), sampleRecords(), layout);
    expectMatchesBruteForce(rows, bruteForce(sampleRows(), HOUR, HOUR), HOUR);
    expect(rows.length).toBe(10 * 24 * 28);
    expect(rows.every((row) => row.rowCount === 4)).toBe(true);
  });

  it('hopping 1-hour windows every 15 minutes, partial windows at both ends included', () => {
    const { rows } = run(spec({ kind: 'hop', sizeMs: HOUR, hopMs: 15 * MIN }), sampleRecords(), layout);
    expectMatchesBruteForce(rows, bruteForce(sampleRows(), HOUR, 15 * MIN), HOUR);
    // Every slot starts a window, plus three that begin before the first row.
    expect(rows.length).toBe(10 * (96 * 28 + 3));
  });

  it('hopping 1 hour every 30 minutes with emission in window-end order', () => {
    const { rows } = run(spec({ kind: 'hop', sizeMs: HOUR, hopMs: 30 * MIN }), sampleRecords(), layout);
    expectMatchesBruteForce(rows, bruteForce(sampleRows(), HOUR, 30 * MIN), HOUR);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.windowEnd).toBeGreaterThanOrEqual(rows[i - 1]!.windowEnd);
  });

  it('rows shuffled within the allowed lateness give the same windows and none late', () => {
    const records = sampleRecords();
    // Reverse each block of 40 rows (an hour of the city): up to an hour out of order.
    const shuffled: TrafficRecord[] = [];
    for (let i = 0; i < records.length; i += 40) shuffled.push(...records.slice(i, i + 40).reverse());
    const { rows, aggregator } = run(spec({ sizeMs: HOUR, hopMs: HOUR, latenessMs: HOUR }), shuffled, layout);
    expectMatchesBruteForce(rows, bruteForce(sampleRows(), HOUR, HOUR), HOUR);
    expect(aggregator.view().lateCount).toBe(0);
  });

  it('holds only open windows: bounded by junctions × (size + lateness) / hop', () => {
    const rows: WindowRow[] = [];
    const aggregator = new WindowAggregator(spec({ kind: 'hop', sizeMs: HOUR, hopMs: 15 * MIN, latenessMs: 30 * MIN }), layout, (row) => rows.push(row));
    let most = 0;
    for (const record of sampleRecords()) {
      aggregator.add(record);
      most = Math.max(most, aggregator.view().openRows);
    }
    // 4 windows a row is in, 2 more hops of lateness, and the one just opened: 7 per junction.
    expect(most).toBeLessThanOrEqual(10 * 7);
    expect(rows.length).toBeGreaterThan(0);
  });
});

/** Hand-made rows: location in column 0, one measure in column 1. */
const HAND_COLUMNS = recordLayout([
  { name: 'Place', type: 'text', role: 'location' },
  { name: 'Flow', type: 'number', role: 'measure' },
]);
let line = 1;
function at(minutes: number, place: string, flow: CellValue = 1): TrafficRecord {
  return { line: ++line, values: [place, flow], time: minutes * MIN };
}
const brief = (row: WindowRow): string =>
  `${row.windowStart / MIN}-${row.windowEnd / MIN} ${String(row.location[0])} n=${row.rowCount} sum=${String(row.measures[0]!.sum)}${row.closed ? '' : ' open'}`;

describe('watermark and emission', () => {
  it('emits a window when the watermark passes its end, locations in first-seen order', () => {
    const out: WindowRow[] = [];
    const aggregator = new WindowAggregator(spec({}), HAND_COLUMNS, (row) => out.push(row));
    aggregator.addAll([at(0, 'A', 2), at(5, 'B', 3), at(14, 'A', 4)]);
    expect(out).toEqual([]);
    expect(aggregator.watermark).toBe(14 * MIN);
    aggregator.add(at(15, 'B', 1));
    expect(out.map(brief)).toEqual(['0-15 A n=2 sum=6', '0-15 B n=1 sum=3']);
    aggregator.add(at(44, 'A', 1));
    expect(out.map(brief).slice(2)).toEqual(['15-30 B n=1 sum=1']);
    aggregator.flush();
    expect(out.map(brief).slice(3)).toEqual(['30-45 A n=1 sum=1']);
  });

  it('waits the allowed lateness before emitting', () => {
    const out: WindowRow[] = [];
    const aggregator = new WindowAggregator(spec({ latenessMs: 10 * MIN }), HAND_COLUMNS, (row) => out.push(row));
    aggregator.addAll([at(0, 'A'), at(20, 'A')]);
    expect(aggregator.watermark).toBe(10 * MIN);
    expect(out).toEqual([]);
    // Within the lateness: still added.
    aggregator.add(at(3, 'A'));
    aggregator.add(at(25, 'A'));
    expect(out.map(brief)).toEqual(['0-15 A n=2 sum=2']);
    expect(aggregator.view().lateCount).toBe(0);
  });

  it('counts and lists rows for emitted windows, without adding them', () => {
    const out: WindowRow[] = [];
    const aggregator = new WindowAggregator(spec({}), HAND_COLUMNS, (row) => out.push(row));
    aggregator.addAll([at(0, 'A', 5), at(20, 'A', 1)]);
    const late = at(3, 'B', 100);
    aggregator.add(late);
    aggregator.flush();
    expect(out.map(brief)).toEqual(['0-15 A n=1 sum=5', '15-30 A n=1 sum=1']);
    const view = aggregator.view();
    expect(view.lateCount).toBe(1);
    expect(view.late).toEqual([{ time: 3 * MIN, location: 'B', line: late.line, behindWatermarkMs: 17 * MIN, missedWindows: 1 }]);
    expect(view.lateDropped).toBe(0);
  });

  it('keeps the newest late rows listed and counts the rest', () => {
    const aggregator = new WindowAggregator(spec({}), HAND_COLUMNS, () => undefined, { lateListed: 2 });
    aggregator.add(at(60, 'A'));
    for (let minute = 0; minute < 5; minute++) aggregator.add(at(minute, 'A'));
    const view = aggregator.view();
    expect(view.lateCount).toBe(5);
    expect(view.late.map((row) => row.time / MIN)).toEqual([3, 4]);
    expect(view.lateDropped).toBe(3);
  });

  it('adds a hopping row to its open windows and counts it late for the closed one', () => {
    const out: WindowRow[] = [];
    const aggregator = new WindowAggregator(spec({ kind: 'hop', sizeMs: 30 * MIN, hopMs: 15 * MIN }), HAND_COLUMNS, (row) => out.push(row));
    aggregator.addAll([at(10, 'A'), at(30, 'A')]);
    // Watermark 30: [0,30) emitted; 20 falls in [0,30) (closed) and [15,45) (open).
    expect(out.map(brief)).toEqual(['-15-15 A n=1 sum=1', '0-30 A n=1 sum=1']);
    aggregator.add(at(20, 'A', 7));
    aggregator.flush();
    expect(out.map(brief).slice(2)).toEqual(['15-45 A n=2 sum=8', '30-60 A n=1 sum=1']);
    expect(aggregator.view().late.map((row) => row.missedWindows)).toEqual([1]);
  });

  it('EMIT CHANGES emits every update of an open window, then the closed row', () => {
    const out: WindowRow[] = [];
    const aggregator = new WindowAggregator(spec({ emit: 'changes' }), HAND_COLUMNS, (row) => out.push(row));
    aggregator.addAll([at(0, 'A', 2), at(1, 'B', 3), at(2, 'A', 4), at(16, 'A', 1)]);
    expect(out.map(brief)).toEqual([
      '0-15 A n=1 sum=2 open',
      '0-15 B n=1 sum=3 open',
      '0-15 A n=2 sum=6 open',
      '15-30 A n=1 sum=1 open',
      '0-15 A n=2 sum=6',
      '0-15 B n=1 sum=3',
    ]);
  });

  it('EMIT CHANGES on a hopping window reports a row in each of its windows, oldest first', () => {
    const out: WindowRow[] = [];
    const aggregator = new WindowAggregator(spec({ kind: 'hop', sizeMs: HOUR, hopMs: 30 * MIN, emit: 'changes' }), HAND_COLUMNS, (row) => out.push(row));
    aggregator.add(at(40, 'A'));
    expect(out.map(brief)).toEqual(['0-60 A n=1 sum=1 open', '30-90 A n=1 sum=1 open']);
  });

  it('flush closes every open window; rows for them afterwards are late', () => {
    const out: WindowRow[] = [];
    const aggregator = new WindowAggregator(spec({ latenessMs: HOUR }), HAND_COLUMNS, (row) => out.push(row));
    aggregator.addAll([at(0, 'A'), at(20, 'B'), at(50, 'A')]);
    expect(out).toEqual([]);
    expect(aggregator.view().openRows).toBe(3);
    aggregator.flush();
    expect(out.map(brief)).toEqual(['0-15 A n=1 sum=1', '15-30 B n=1 sum=1', '45-60 A n=1 sum=1']);
    expect(aggregator.view().openRows).toBe(0);
    aggregator.add(at(55, 'A'));
    expect(aggregator.view().lateCount).toBe(1);
    aggregator.flush();
    expect(out).toHaveLength(3);
  });

  it('leaves empty cells out of a measure but counts the row; untimed rows belong to no window', () => {
    const out: WindowRow[] = [];
    const aggregator = new WindowAggregator(spec({}), HAND_COLUMNS, (row) => out.push(row));
    aggregator.addAll([at(0, 'A', null), at(1, 'A', 4), at(2, 'A', 'n/a'), { line: 99, values: ['A', 1], time: null }]);
    aggregator.flush();
    expect(out).toHaveLength(1);
    expect(out[0]!.rowCount).toBe(3);
    expect(out[0]!.measures[0]).toEqual({ count: 1, sum: 4, mean: 4, min: 4, max: 4 });
    expect(aggregator.view().untimed).toBe(1);
  });

  it('a window with no number in a measure has nulls, not zeros', () => {
    const out: WindowRow[] = [];
    const aggregator = new WindowAggregator(spec({}), HAND_COLUMNS, (row) => out.push(row));
    aggregator.add(at(0, 'A', null));
    aggregator.flush();
    expect(out[0]!.measures[0]).toEqual({ count: 0, sum: null, mean: null, min: null, max: null });
  });

  it('reset forgets windows, watermark and late rows', () => {
    const out: WindowRow[] = [];
    const aggregator = new WindowAggregator(spec({}), HAND_COLUMNS, (row) => out.push(row));
    aggregator.addAll([at(60, 'A'), at(0, 'A')]);
    aggregator.reset();
    expect(aggregator.view()).toMatchObject({ watermark: null, openRows: 0, closedRows: 0, lateCount: 0, late: [] });
    aggregator.add(at(0, 'A'));
    expect(aggregator.view().lateCount).toBe(0);
  });

  it('windows before 1970 start on the hop boundary before the time', () => {
    const out: WindowRow[] = [];
    const aggregator = new WindowAggregator(spec({}), HAND_COLUMNS, (row) => out.push(row));
    aggregator.add(at(-1, 'A'));
    aggregator.flush();
    expect(out.map(brief)).toEqual(['-15-0 A n=1 sum=1']);
  });
});
