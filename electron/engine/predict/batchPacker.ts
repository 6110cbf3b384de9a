/**
 * Turns rows into PredictBatches: the location's name becomes a small integer (new names are
 * reported once), the numeric columns are copied into one Float64Array. Used on the engine's thread
 * for the stream (so it must cost little per row) and in the worker for history files.
 */
import type { CellValue, TrafficRecord } from '../../../shared/records';
import type { ColumnInfo } from '../../../shared/schema';
import type { PredictBatch, PredictInput } from './predictBatch';

/** The name rows without a location column (or an empty cell) are filed under. */
export const ALL_LOCATIONS = 'All';

/** Where the packer finds what it needs in a row's values. */
export interface PackLayout {
  input: PredictInput;
  /** Index of the location column in the values; -1 when the data has none. */
  locationIndex: number;
  /** Index in the values of each of input.numericColumns. */
  numericIndexes: number[];
}

/** The layout of rows with these columns: measures that are numbers are the numeric columns; `mainMeasure` the file's. */
export function packLayoutFor(columns: readonly ColumnInfo[], mainMeasure: string | null = null): PackLayout {
  const numeric = columns.flatMap((column, index) => (column.type === 'number' && column.role === 'measure' ? [{ name: column.name, index }] : []));
  return {
    input: {
      numericColumns: numeric.map((column) => column.name),
      hasTime: columns.some((column) => column.role === 'timestamp'),
      ...(mainMeasure === null ? {} : { mainMeasure }),
    },
    locationIndex: columns.findIndex((column) => column.role === 'location'),
    numericIndexes: numeric.map((column) => column.index),
  };
}

export function locationName(value: CellValue | undefined): string {
  if (value === null || value === undefined || value === '') return ALL_LOCATIONS;
  return String(value);
}

export class BatchPacker {
  private readonly codes = new Map<string, number>();
  private newNames: string[] = [];
  private location: Int32Array;
  private time: Float64Array;
  private values: Float64Array;
  private count = 0;

  constructor(
    private readonly layout: PackLayout,
    private readonly capacity: number,
  ) {
    this.location = new Int32Array(capacity);
    this.time = new Float64Array(capacity);
    this.values = new Float64Array(capacity * layout.numericIndexes.length);
  }

  get size(): number {
    return this.count;
  }

  get full(): boolean {
    return this.count >= this.capacity;
  }

  add(record: TrafficRecord): void {
    const { values } = record;
    const { locationIndex, numericIndexes } = this.layout;
    const name = locationIndex < 0 ? ALL_LOCATIONS : locationName(values[locationIndex]);
    let code = this.codes.get(name);
    if (code === undefined) {
      code = this.codes.size;
      this.codes.set(name, code);
      this.newNames.push(name);
    }
    const row = this.count++;
    this.location[row] = code;
    this.time[row] = record.time ?? Number.NaN;
    const width = numericIndexes.length;
    const base = row * width;
    for (let i = 0; i < width; i++) {
      const value = values[numericIndexes[i] as number];
      this.values[base + i] = typeof value === 'number' ? value : Number.NaN;
    }
  }

  /** The rows packed since the last take (their arrays change hands: they are transferred), and names first seen in them. */
  take(): { batch: PredictBatch; newLocations: string[] } | null {
    if (this.count === 0) return null;
    const width = this.layout.numericIndexes.length;
    const batch: PredictBatch = {
      count: this.count,
      location: this.location.slice(0, this.count),
      time: this.time.slice(0, this.count),
      values: this.values.slice(0, this.count * width),
    };
    const newLocations = this.newNames;
    this.newNames = [];
    this.count = 0;
    return { batch, newLocations };
  }
}
