/**
 * Rows as the engine hands them to the prediction worker: columnar typed arrays (cheap to build at
 * replay speed and transferred, not copied). Only what forecasting needs travels: the location,
 * the event time and every numeric column.
 */
export interface PredictBatch {
  count: number;
  /** Index into the location names the worker was given (addLocations), in order of first sight. */
  location: Int32Array;
  /** Event time in epoch ms; NaN when the data has no time. */
  time: Float64Array;
  /** count × numericColumns.length values, row-major; NaN where a cell is missing or not a number. */
  values: Float64Array;
}

/** What the rows carry: the numeric columns (candidate targets and raw features), in batch order. */
export interface PredictInput {
  numericColumns: string[];
  hasTime: boolean;
  /**
   * The file's main measure (the schema's, which may be a total found in the data), forecast when
   * the settings request no target; absent or null: chosen by name.
   */
  mainMeasure?: string | null;
}
