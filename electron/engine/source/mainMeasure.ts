/**
 * The measure a panel shows when the user has not chosen one: `Total` (the original data set's
 * vehicle count; exact name first, then any case), else the first numeric column. Predictions
 * forecast it and the junction graph sums it as load, so both agree on what "traffic" means.
 */
export function mainMeasure(numericColumns: readonly string[], requested: string | null): string | null {
  if (requested !== null && numericColumns.includes(requested)) return requested;
  if (numericColumns.includes('Total')) return 'Total';
  return numericColumns.find((name) => name.toLowerCase() === 'total') ?? numericColumns[0] ?? null;
}
