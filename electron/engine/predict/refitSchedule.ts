/**
 * When the model is fitted again. The first fit waits for enough rows to pin down every
 * coefficient (a few per input, never fewer than 50); after that it refits every K new training
 * rows — a fast replay — or every T seconds when rows trickle in — a slow one — so the model keeps
 * up with the traffic either way without refitting on every row.
 */
import type { RefitSettings } from '../../../shared/predict/predictContract';

const MIN_FIRST_FIT_ROWS = 50;
const ROWS_PER_INPUT = 3;

/** Training rows the first fit needs for a model with `width` inputs. */
export const minTrainingRows = (width: number): number => Math.max(MIN_FIRST_FIT_ROWS, ROWS_PER_INPUT * width);

export class RefitSchedule {
  private newRows = 0;
  private fittedOn = 0;
  private fittedAt = Number.NEGATIVE_INFINITY;

  /** A row was added to the training rows. */
  learnt(): void {
    this.newRows++;
  }

  /** The model was just fitted on `rows` training rows at wall-clock `at` (ms). */
  fitted(rows: number, at: number): void {
    this.newRows = 0;
    this.fittedOn = rows;
    this.fittedAt = at;
  }

  /**
   * Every K new rows; and while the model knows fewer than K rows, whenever the training rows have
   * doubled since its fit. A first model from 50 rows of a few minutes of traffic extrapolates
   * badly, and waiting K rows for the next fit would score thousands of rows with it.
   */
  dueByRows(refit: RefitSettings): boolean {
    return this.newRows >= refit.everyRows || (this.fittedOn < refit.everyRows && this.newRows >= this.fittedOn);
  }

  dueByTime(refit: RefitSettings, now: number): boolean {
    return this.newRows >= 1 && now - this.fittedAt >= refit.everySeconds * 1000;
  }

  /** The training rows were replaced (a new run of the stream): what came before is not "new". */
  forgetNewRows(): void {
    this.newRows = 0;
  }
}
