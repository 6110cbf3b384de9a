/**
 * A quantile of sorted numbers, interpolated between the two nearest ranks (Hyndman & Fan's type
 * 7, the default of R, NumPy and spreadsheets), so the numbers the page shows are the ones a user
 * checking in a spreadsheet gets. `from`: where the sorted numbers start in `sorted` (a bin of a
 * larger buffer, read without making a view of it).
 */
export function quantileOfSorted(sorted: ArrayLike<number>, length: number, q: number, from = 0): number {
  if (length === 0) return Number.NaN;
  const rank = (length - 1) * q;
  const below = Math.floor(rank);
  const lower = sorted[from + below] as number;
  if (below + 1 >= length) return lower;
  return lower + (rank - below) * ((sorted[from + below + 1] as number) - lower);
}
