/**
 * A quantile of sorted numbers, interpolated between the two nearest ranks (Hyndman & Fan's type
 * 7, the default of R, NumPy and spreadsheets), so the numbers the page shows are the ones a user
 * checking in a spreadsheet gets.
 */
export function quantileOfSorted(sorted: ArrayLike<number>, length: number, q: number): number {
  if (length === 0) return Number.NaN;
  const rank = (length - 1) * q;
  const below = Math.floor(rank);
  const lower = sorted[below] as number;
  if (below + 1 >= length) return lower;
  return lower + (rank - below) * ((sorted[below + 1] as number) - lower);
}
