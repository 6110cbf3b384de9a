/**
 * Window rows written straight from the aggregator's figures (WindowAggregator.ofFigures +
 * writeWindowTableCells, the SQL window tables' way) against cells worked out by hand, and against
 * the row path (emit + windowTableCells) over the sample city.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue, TrafficRecord } from '../../../shared/records';
import type { WindowSpec } from '../../../shared/windows/windowContract';
import { sqlTime } from '../sql';
import { SAMPLE_COLUMNS, sampleRecords } from '../testing/sampleCity';
import { recordLayout, type RecordLayout } from './recordLayout';
import { WindowAggregator } from './windowAggregator';
import { windowTableCells, windowTableColumns, writeWindowTableCells } from './windowTable';

const MIN = 60_000;
const HOUR = 60 * MIN;

function spec(overrides: Partial<WindowSpec>): WindowSpec {
  return { name: 'w', kind: 'tumble', sizeMs: 15 * MIN, hopMs: 15 * MIN, latenessMs: 0, emit: 'final', measures: null, ...overrides };
}

/** Every figures row as cells, side by side in one reused buffer as the SQL tables keep them, then cut into rows. */
function figureCells(windowSpec: WindowSpec, layout: RecordLayout, width: number, records: readonly TrafficRecord[]): CellValue[][] {
  const buffer: CellValue[] = [];
  let rows = 0;
  const aggregator = WindowAggregator.ofFigures(windowSpec, layout, (figures, windowEnd, closed) => {
    writeWindowTableCells(buffer, rows * width, figures, sqlTime(figures.start), sqlTime(windowEnd), closed);
    rows++;
  });
  aggregator.addAll(records);
  aggregator.flush();
  const out: CellValue[][] = [];
  for (let r = 0; r < rows; r++) out.push(buffer.slice(r * width, (r + 1) * width));
  return out;
}

function rowCells(windowSpec: WindowSpec, layout: RecordLayout, records: readonly TrafficRecord[]): CellValue[][] {
  const out: CellValue[][] = [];
  const aggregator = new WindowAggregator(windowSpec, layout, (row) => out.push(windowTableCells(row)));
  aggregator.addAll(records);
  aggregator.flush();
  return out;
}

/** Two location columns (a compound location) and two measures, the second often empty. */
const COLUMNS = [
  { name: 'Road', type: 'text', role: 'location' },
  { name: 'Flow', type: 'number', role: 'measure' },
  { name: 'Lane', type: 'number', role: 'location' },
  { name: 'Speed', type: 'number', role: 'measure' },
] as const;
let line = 1;
function at(minutes: number, road: string, lane: number, flow: CellValue, speed: CellValue): TrafficRecord {
  return { line: ++line, values: [road, flow, lane, speed], time: minutes * MIN };
}

describe('window rows from the figures', () => {
  const layout = recordLayout([...COLUMNS]);
  const width = windowTableColumns([...COLUMNS], layout).length;
  const t = (minutes: number): string => sqlTime(minutes * MIN);

  it('gives the cells worked out by hand: compound locations, empty measures as nulls, hop windows in end order', () => {
    const records = [at(0, 'A1', 1, 10, null), at(5, 'A1', 2, 4, 50), at(14, 'A1', 1, 6, 'n/a'), at(20, 'A1', 1, 1.5, 40), at(31, 'A1', 2, null, null)];
    const cells = figureCells(spec({ kind: 'hop', sizeMs: 30 * MIN, hopMs: 15 * MIN }), layout, width, records);
    expect(width).toBe(2 + 2 + 1 + 8 + 1);
    expect(cells).toEqual([
      // The window before the first row, ending at 15.
      [t(-15), t(15), 'A1', 1, 2, 16, 8, 6, 10, null, null, null, null, 1],
      [t(-15), t(15), 'A1', 2, 1, 4, 4, 4, 4, 50, 50, 50, 50, 1],
      [t(0), t(30), 'A1', 1, 3, 17.5, 17.5 / 3, 1.5, 10, 40, 40, 40, 40, 1],
      [t(0), t(30), 'A1', 2, 1, 4, 4, 4, 4, 50, 50, 50, 50, 1],
      [t(15), t(45), 'A1', 1, 1, 1.5, 1.5, 1.5, 1.5, 40, 40, 40, 40, 1],
      [t(15), t(45), 'A1', 2, 1, null, null, null, null, null, null, null, null, 1],
      [t(30), t(60), 'A1', 2, 1, null, null, null, null, null, null, null, null, 1],
    ]);
  });

  it('writes every cell of a reused buffer, so nothing of an earlier row shows through', () => {
    const buffer: CellValue[] = new Array<CellValue>(width).fill('stale');
    const aggregator = WindowAggregator.ofFigures(spec({}), layout, (figures, _windowEnd, closed) => writeWindowTableCells(buffer, 0, figures, 's', 'e', closed));
    aggregator.addAll([at(0, 'B', 3, null, null), at(15, 'B', 3, null, null)]);
    expect(buffer).toEqual(['s', 'e', 'B', 3, 1, null, null, null, null, null, null, null, null, 1]);
  });

  it('equals the row path over the sample city: tumbling, hopping, with lateness and shuffled rows', () => {
    const sample = recordLayout(SAMPLE_COLUMNS);
    const sampleWidth = windowTableColumns(SAMPLE_COLUMNS, sample).length;
    const records = sampleRecords().slice(0, 20_000);
    const shuffled: TrafficRecord[] = [];
    for (let i = 0; i < records.length; i += 40) shuffled.push(...records.slice(i, i + 40).reverse());
    for (const windowSpec of [spec({}), spec({ kind: 'hop', sizeMs: HOUR, hopMs: 15 * MIN }), spec({ sizeMs: HOUR, hopMs: HOUR, latenessMs: 30 * MIN })]) {
      const expected = rowCells(windowSpec, sample, shuffled);
      expect(expected.length).toBeGreaterThan(1000);
      expect(figureCells(windowSpec, sample, sampleWidth, shuffled)).toEqual(expected);
    }
  });
});
