/**
 * An EMIT FINAL window's closed rows waiting for the next write (see windowTables.ts), their cells
 * written straight into arrays the size of one multi-row INSERT's parameters: a full array is
 * bound as it is, with no copy, and arrays are reused from write to write. A window emits about as
 * many rows as the stream brings (one per location and hop), so a growing flat array, copied again
 * into the statement's parameters, had been most of a window's cost and much of its garbage.
 */
import type { Cell, InsertStatement } from './insertStatement';

/** Arrays kept for reuse after a write: enough for the rows a few busy seconds emit between writes. */
const MAX_SPARE_CHUNKS = 256;

export class PendingWindowRows {
  /** Full arrays first, then the one being filled (`filled` rows of it). */
  private readonly chunks: Cell[][] = [];
  private readonly spare: Cell[][] = [];
  private filled = 0;
  private pendingRows = 0;
  /** Where nextRow's row starts in the array it returned. */
  offset = 0;

  constructor(
    /** Cells a row. */
    readonly width: number,
    /** Rows an array holds: the multi-row INSERT's rows (1 when there is none). */
    readonly rowsPerChunk: number,
  ) {}

  get rows(): number {
    return this.pendingRows;
  }

  /** Makes room for one more row; returns the array its `width` cells go in, from `offset`. */
  nextRow(): Cell[] {
    let chunk = this.chunks[this.chunks.length - 1];
    if (chunk === undefined || this.filled === this.rowsPerChunk) {
      chunk = this.spare.pop() ?? new Array<Cell>(this.width * this.rowsPerChunk).fill(null);
      this.chunks.push(chunk);
      this.filled = 0;
    }
    this.offset = this.filled * this.width;
    this.filled++;
    this.pendingRows++;
    return chunk;
  }

  /**
   * Inserts every pending row, in order: full arrays through `many` (rowsPerChunk rows a run; or
   * `one` when that is 1), the rest through `one` from `rowParams` (width cells). Returns the rows written.
   */
  writeTo(many: InsertStatement | null, one: InsertStatement, rowParams: Cell[]): number {
    const rows = this.pendingRows;
    const width = this.width;
    for (let c = 0; c < this.chunks.length; c++) {
      const chunk = this.chunks[c] as Cell[];
      const last = c === this.chunks.length - 1;
      const rowsHere = last ? this.filled : this.rowsPerChunk;
      if (rowsHere === this.rowsPerChunk && (many !== null || this.rowsPerChunk === 1)) {
        (many ?? one).run(chunk);
      } else {
        for (let r = 0; r < rowsHere; r++) {
          const from = r * width;
          for (let i = 0; i < width; i++) rowParams[i] = chunk[from + i] as Cell;
          one.run(rowParams);
        }
      }
    }
    many?.reset();
    this.clear();
    return rows;
  }

  /** Forgets the pending rows (their arrays are kept for reuse). */
  clear(): void {
    for (const chunk of this.chunks) if (this.spare.length < MAX_SPARE_CHUNKS) this.spare.push(chunk);
    this.chunks.length = 0;
    this.filled = 0;
    this.pendingRows = 0;
  }
}
