/** The data model every process agrees on: columns, cell values, rows. */

export const COLUMN_TYPES = ['number', 'text', 'time'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];


/** Missing cells are `null`; numbers are parsed once in the engine, never in the page. */
export type CellValue = number | string | null;

/** A row as it travels on the bus: values in schema order plus where it came from. */
export interface TrafficRecord {
  /** 1-based line in the source file where the row starts. */
  line: number;
  values: CellValue[];
  /** Event time in epoch ms (zone-less times as UTC wall clock); null when the file has no time. */
  time: number | null;
}

export const THRESHOLD_OPERATORS = ['>', '>=', '<', '<='] as const;
export type ThresholdOperator = (typeof THRESHOLD_OPERATORS)[number];

export function passesThreshold(value: CellValue, operator: ThresholdOperator, threshold: number): boolean {
  if (typeof value !== 'number') return false;
  switch (operator) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
  }
}
