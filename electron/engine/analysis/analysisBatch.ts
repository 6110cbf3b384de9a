/**
 * Rows on their way to the analysis worker, packed so that crossing threads costs little: event
 * times, lines and every numeric column in one Float64Array (NaN for an empty cell), location
 * cells as codes into a name table that grows by the names each batch adds. Other columns
 * (categories, the time's own columns) are not needed by the checks and travel as nulls.
 */
import type { CellValue, TrafficRecord } from '../../../shared/records';
import type { ColumnInfo } from '../../../shared/schema';
import type { FeedEntry } from '../stages';

export interface AnalysisBatch {
  rows: number;
  /** Per row: time, line, then the numeric columns in `numeric` order. */
  numbers: Float64Array<ArrayBuffer>;
  /** Per row, one code per location column. */
  locations: Uint32Array<ArrayBuffer>;
  /** Location names first seen in this batch, in code order. */
  newNames: string[];
}

export interface BatchLayout {
  width: number;
  numeric: number[];
  location: number[];
}

export function batchLayout(columns: readonly ColumnInfo[]): BatchLayout {
  return {
    width: columns.length,
    numeric: columns.flatMap((column, index) => (column.type === 'number' && column.role !== 'location' ? [index] : [])),
    location: columns.flatMap((column, index) => (column.role === 'location' ? [index] : [])),
  };
}

/** Engine side: packs entries, coding location names it has not sent before. */
export class BatchPacker {
  private readonly codes = new Map<string, number>();

  constructor(private readonly layout: BatchLayout) {}

  pack(entries: readonly FeedEntry[]): AnalysisBatch {
    const { numeric, location } = this.layout;
    const stride = 2 + numeric.length;
    const numbers = new Float64Array(entries.length * stride);
    const locations = new Uint32Array(entries.length * location.length);
    const newNames: string[] = [];
    for (let r = 0; r < entries.length; r++) {
      const record = (entries[r] as FeedEntry).record;
      const values = record.values;
      let at = r * stride;
      numbers[at++] = record.time ?? Number.NaN;
      numbers[at++] = record.line;
      for (let c = 0; c < numeric.length; c++) {
        const value = values[numeric[c] as number];
        numbers[at++] = typeof value === 'number' ? value : Number.NaN;
      }
      for (let l = 0; l < location.length; l++) {
        const cell = values[location[l] as number];
        const name = cell === null || cell === undefined ? '' : String(cell);
        let code = this.codes.get(name);
        if (code === undefined) {
          code = this.codes.size;
          this.codes.set(name, code);
          newNames.push(name);
        }
        locations[r * location.length + l] = code;
      }
    }
    return { rows: entries.length, numbers, locations, newNames };
  }
}

/** Worker side: the records again, with the columns the checks read. */
export class BatchUnpacker {
  private readonly names: string[] = [];

  constructor(private readonly layout: BatchLayout) {}

  unpack(batch: AnalysisBatch): TrafficRecord[] {
    const { numeric, location, width } = this.layout;
    this.names.push(...batch.newNames);
    const stride = 2 + numeric.length;
    const records = new Array<TrafficRecord>(batch.rows);
    for (let r = 0; r < batch.rows; r++) {
      const values = new Array<CellValue>(width).fill(null);
      let at = r * stride;
      const time = batch.numbers[at++] as number;
      const line = batch.numbers[at++] as number;
      for (let c = 0; c < numeric.length; c++) {
        const value = batch.numbers[at++] as number;
        values[numeric[c] as number] = Number.isNaN(value) ? null : value;
      }
      for (let l = 0; l < location.length; l++) {
        const name = this.names[batch.locations[r * location.length + l] as number] ?? '';
        values[location[l] as number] = name === '' ? null : name;
      }
      records[r] = { line, time: Number.isNaN(time) ? null : time, values };
    }
    return records;
  }
}
