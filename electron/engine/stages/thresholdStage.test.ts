import { describe, expect, it } from 'vitest';
import type { CellValue, TrafficRecord } from '../../../shared/records';
import { TOTAL_INDEX, TRAFFIC_SCHEMA, rowValues, trafficRows } from '../testing/trafficFixture';
import { DEFAULT_THRESHOLD_VALUE, ThresholdStage } from './thresholdStage';


const rows = trafficRows(800, 21);
const records: TrafficRecord[] = rows.map((row, i) => ({ line: i + 2, values: rowValues(row), time: row.epoch }));

describe('ThresholdStage', () => {
  it('starts on Total > 50, the original pipeline filter', () => {
    const stage = new ThresholdStage(TRAFFIC_SCHEMA);
    expect(stage.current).toEqual({ column: 'Total', operator: '>', value: DEFAULT_THRESHOLD_VALUE });
    expect(DEFAULT_THRESHOLD_VALUE).toBe(50);
    stage.process(records);
    const view = stage.view();
    expect(view.passing).toBe(rows.filter((r) => r.total > 50).length);
    expect(view.evaluated).toBe(rows.length);
    expect(view.numericColumns).toEqual(['CarCount', 'BikeCount', 'BusCount', 'TruckCount', 'Total']);
    expect(view.observedMin).toBe(Math.min(...rows.map((r) => r.total)));
    expect(view.observedMax).toBe(Math.max(...rows.map((r) => r.total)));
  });

  it('finds Total whatever its case, and falls back to the first numeric column', () => {
    expect(new ThresholdStage([{ name: 'Speed', type: 'number', role: 'measure' }, { name: 'TOTAL', type: 'number', role: 'measure' }]).current?.column).toBe('TOTAL');
    const fallback = new ThresholdStage([
      { name: 'Time', type: 'time', role: 'timestamp' },
      { name: 'Junction', type: 'text', role: 'location' },
      { name: 'Vehicles', type: 'number', role: 'measure' },
      { name: 'Speed', type: 'number', role: 'measure' },
    ]);
    expect(fallback.current?.column).toBe('Vehicles');
  });

  it('has no settings and passes nothing when the file has no numeric column', () => {
    const stage = new ThresholdStage([{ name: 'Time', type: 'time', role: 'timestamp' }, { name: 'Note', type: 'text', role: 'category' }]);
    expect(stage.current).toBeNull();
    stage.process([{ line: 2, values: ['12:00:00 AM', 'x'], time: null }]);
    expect(stage.passes(['12:00:00 AM', 'x'])).toBe(false);
    expect(stage.view()).toMatchObject({ settings: null, passing: 0, evaluated: 1, numericColumns: [] });
  });

  it.each([
    ['>', (v: number, t: number) => v > t],
    ['>=', (v: number, t: number) => v >= t],
    ['<', (v: number, t: number) => v < t],
    ['<=', (v: number, t: number) => v <= t],
  ] as const)('counts and marks rows for %s on any numeric column', (operator, compare) => {
    const stage = new ThresholdStage(TRAFFIC_SCHEMA);
    stage.process(records);
    for (const [column, pick] of [
      ['Total', (r: (typeof rows)[number]) => r.total],
      ['CarCount', (r: (typeof rows)[number]) => r.car],
    ] as const) {
      const sample = pick(rows[7] as (typeof rows)[number]); // a value that occurs, so equality matters
      stage.set({ column, operator, value: sample });
      const expected = rows.filter((r) => compare(pick(r), sample));
      expect(stage.view().passing, `${column} ${operator} ${sample}`).toBe(expected.length);
      expect(records.filter((r) => stage.passes(r.values))).toHaveLength(expected.length);
    }
  });

  it('counts rows with an empty cell as evaluated but never passing', () => {
    const stage = new ThresholdStage(TRAFFIC_SCHEMA);
    stage.set({ column: 'Total', operator: '<', value: 1_000 });
    const empty: CellValue[] = [...rowValues(rows[0] as (typeof rows)[number])];
    empty[TOTAL_INDEX] = null;
    stage.process([{ line: 2, values: empty, time: null }, records[1] as TrafficRecord]);
    expect(stage.passes(empty)).toBe(false);
    expect(stage.view()).toMatchObject({ passing: 1, evaluated: 2 });
  });

  it('throws for an unknown or non-numeric column and keeps the previous settings', () => {
    const stage = new ThresholdStage(TRAFFIC_SCHEMA);
    expect(() => stage.set({ column: 'Speed', operator: '>', value: 1 })).toThrow(/"Speed"/);
    expect(() => stage.set({ column: 'Day of the week', operator: '>', value: 1 })).toThrow(/not a numeric column/);
    // The day of month is part of the time in the split form, not a measure to filter on.
    expect(() => stage.set({ column: 'Date', operator: '>', value: 1 })).toThrow(/not a numeric column/);
    expect(stage.current?.column).toBe('Total');
  });

  it('forgets counted rows on reset but keeps the chosen settings', () => {
    const stage = new ThresholdStage(TRAFFIC_SCHEMA);
    stage.set({ column: 'BusCount', operator: '>=', value: 10 });
    stage.process(records);
    stage.reset();
    expect(stage.view()).toMatchObject({ passing: 0, evaluated: 0, observedMin: null, observedMax: null });
    expect(stage.current).toEqual({ column: 'BusCount', operator: '>=', value: 10 });
    stage.process(records.slice(0, 100));
    expect(stage.view().passing).toBe(rows.slice(0, 100).filter((r) => r.bus >= 10).length);
  });
});
