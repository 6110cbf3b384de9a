/**
 * Every rejected row of a replay, written to a CSV file as it happens, so the user can save all
 * of them (the on-screen list keeps only the first thousand). Disk, not memory: a bad 5 GB export
 * may reject millions of rows.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { RejectedRow } from '../../../shared/contract';
import { CommandError } from '../../../shared/envelope';
import { csvField, defuseFormula } from '../export';

const HEADER = 'line,reason,text\n';

/** Raw file text, quoted; a leading =, +, - or @ is prefixed so a spreadsheet shows it, not runs it. */
export function rejectedRowField(value: string): string {
  return csvField(defuseFormula(value));
}

export function rejectedRowsCsv(rows: readonly RejectedRow[]): string {
  let text = '';
  for (const row of rows) text += `${row.line},${rejectedRowField(row.reason)},${rejectedRowField(row.text)}\n`;
  return text;
}

export class RejectSpill {
  private stream: WriteStream | null = null;
  private path = '';
  private failure: Error | null = null;
  private rows = 0;
  private files = 0;

  constructor(private readonly dir: string) {}

  /**
   * Starts an empty file for a new replay, at once, so no row of the new replay is missed. Each
   * replay gets its own file: the previous one may still be flushing.
   */
  reset(): void {
    void this.dispose();
    mkdirSync(this.dir, { recursive: true });
    this.failure = null;
    this.rows = 0;
    this.path = join(this.dir, `rejected-${process.pid}-${++this.files}.csv`);
    const stream = createWriteStream(this.path);
    stream.on('error', (error) => {
      this.failure = error;
    });
    stream.write(HEADER);
    this.stream = stream;
  }

  add(rows: readonly RejectedRow[]): void {
    if (rows.length === 0 || !this.stream || this.failure) return;
    this.rows += rows.length;
    this.stream.write(rejectedRowsCsv(rows));
  }

  /** Copies what was written so far (every row added before this call) to `target`. */
  async saveTo(target: string): Promise<number> {
    const stream = this.stream;
    // What the user asked too early, not a disk fault: said as such, without the path it would have written.
    if (!stream) throw new CommandError('BAD_STATE', 'No replay has run yet, so there are no rejected rows to save.');
    await new Promise<void>((resolve, reject) => stream.write('', (error) => (error ? reject(error) : resolve())));
    if (this.failure) throw new Error(`The rejected rows could not be kept on disk: ${this.failure.message}`);
    const rows = this.rows;
    await copyFile(this.path, target);
    return rows;
  }

  /** Closes and deletes the current file. */
  async dispose(): Promise<void> {
    const stream = this.stream;
    const path = this.path;
    this.stream = null;
    if (!stream) return;
    await new Promise<void>((resolve) => stream.end(resolve));
    await rm(path, { force: true });
  }
}
