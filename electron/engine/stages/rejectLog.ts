/** Every rejected row is counted; the first ones are kept with line and reason for the user. */
import type { RejectedRow, RejectedView } from '../../../shared/contract';

export const REJECT_LOG_CAPACITY = 1000;
/** Characters of a row's text shown on screen; the saved file has the rest. */
const SHOWN_TEXT = 200;

export class RejectLog {
  private readonly kept: RejectedRow[] = [];
  private sent = 0;
  private needsReset = false;
  total = 0;

  add(rows: readonly RejectedRow[]): void {
    this.total += rows.length;
    for (const row of rows) {
      if (this.kept.length >= REJECT_LOG_CAPACITY) break;
      this.kept.push(row.text.length > SHOWN_TEXT ? { ...row, text: `${row.text.slice(0, SHOWN_TEXT)}…` } : row);
    }
  }

  clear(): void {
    this.kept.length = 0;
    this.sent = 0;
    this.total = 0;
    this.needsReset = true;
  }

  takeView(full = false): RejectedView {
    const reset = full || this.needsReset;
    const rows = reset ? [...this.kept] : this.kept.slice(this.sent);
    if (!full) {
      this.sent = this.kept.length;
      this.needsReset = false;
    }
    return { reset, total: this.total, rows, capacity: REJECT_LOG_CAPACITY };
  }
}
