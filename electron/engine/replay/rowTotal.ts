/**
 * The file's row count as the progress shows it: the sniffer's estimate until the whole-file scan
 * or a replay that read the whole file makes it exact. A new run keeps it: the file is the same.
 */
export class RowTotal {
  rows: number | null;
  exact = false;

  constructor(estimate: number | null) {
    this.rows = estimate;
  }

  /** The background scan counted the rows; false when a total the replay already made exact stays. */
  scanned(rows: number): boolean {
    if (this.exact) return false;
    this.rows = rows;
    this.exact = true;
    return true;
  }

  /** The replay read the file to its end (or found it changed): what it read is the count. */
  readTo(position: number): void {
    this.rows = position;
    this.exact = true;
  }
}
