/**
 * The original pipeline's `filter("Total > 50")`, made interactive: any numeric column, any of
 * >, ≥, <, ≤, any value, changed at any time, with counts over every row consumed so far.
 */
import type { ThresholdSettings, ThresholdView } from '../../../shared/contract';
import type { CellValue, TrafficRecord } from '../../../shared/records';
import type { ColumnInfo } from '../../../shared/schema';
import { passesThreshold } from '../../../shared/records';
import { mainMeasure, measuresInOrder } from '../source';
import { ValueCounts } from './valueCounts';

export const DEFAULT_THRESHOLD_VALUE = 50;

export class ThresholdStage {
  private readonly numeric: { index: number; name: string; counts: ValueCounts }[];
  /** The file's main measure, offered first. */
  private readonly main: string | null;
  private settings: ThresholdSettings | null;
  private columnIndex = -1;
  /** Rows that reached the stage, including those whose cell in the chosen column is empty. */
  private evaluated = 0;

  /** `measure`: the file's main measure, where the filter starts (when not given, the one mainMeasure picks). */
  constructor(columns: readonly ColumnInfo[], measure: string | null = null) {
    this.numeric = columns
      .map((column, index) => ({ column, index }))
      .filter(({ column }) => column.type === 'number')
      .map(({ column, index }) => ({ index, name: column.name, counts: new ValueCounts() }));
    const main = mainMeasure(this.numeric.map((c) => c.name), measure);
    this.main = main;
    const preferred = this.numeric.find((c) => c.name === main);
    this.settings = preferred ? { column: preferred.name, operator: '>', value: DEFAULT_THRESHOLD_VALUE } : null;
    this.columnIndex = preferred?.index ?? -1;
  }

  get current(): ThresholdSettings | null {
    return this.settings;
  }

  /** Forgets every counted row (a new replay) but keeps the user's settings. */
  reset(): void {
    for (const column of this.numeric) column.counts = new ValueCounts();
    this.evaluated = 0;
  }

  /** Throws when the column is unknown or not numeric: the caller turns it into a clear message. */
  set(settings: ThresholdSettings): void {
    const column = this.numeric.find((c) => c.name === settings.column);
    if (!column) throw new Error(`"${settings.column}" is not a numeric column of this file`);
    this.settings = settings;
    this.columnIndex = column.index;
  }

  process(records: readonly TrafficRecord[]): void {
    const numeric = this.numeric;
    for (const record of records) {
      const values = record.values;
      for (const column of numeric) {
        const value = values[column.index];
        if (typeof value === 'number') column.counts.add(value);
      }
    }
    this.evaluated += records.length;
  }

  passes(values: readonly CellValue[]): boolean {
    const settings = this.settings;
    if (!settings || this.columnIndex < 0) return false;
    return passesThreshold(values[this.columnIndex] ?? null, settings.operator, settings.value);
  }

  view(): ThresholdView {
    const settings = this.settings;
    const counts = this.numeric.find((c) => c.name === settings?.column)?.counts;
    return {
      settings,
      // Quality shares, weather and sensor readings are offered after the counts.
      numericColumns: measuresInOrder(
        this.numeric.map((c) => c.name),
        this.main,
      ),
      observedMin: counts?.min ?? null,
      observedMax: counts?.max ?? null,
      passing: settings && counts ? counts.countPassing(settings.operator, settings.value) : 0,
      evaluated: this.evaluated,
      approximate: counts?.approximate ?? false,
    };
  }
}
