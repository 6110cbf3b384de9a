/**
 * What every unfolded working copy shares (a column per time of day, a column per counter): the
 * original read row by row with every cell as written (its own reading of the copy types them),
 * the copy written as UTF-8 CSV in the original's delimiter, and the lines of the original that
 * could not be read at all counted and named for the note.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { RejectedRow } from '../../../../shared/contract';
import { readCsvBatches } from '../csvBatchReader';
import type { SniffedCsv } from '../sniffCsv';
import { emptyTrailingColumns, type TableSchema } from '../tableSchema';
import type { UnfoldedLineMap } from './unfoldedLines';

/** Original lines that could not be read, named in the note: the first few of them. */
const NAMED_REJECTS = 3;

export interface UnfoldResult {
  /** Data rows of the original that were unfolded, and the records they became. */
  rows: number;
  records: number;
  /** Original lines that could not be read, and the first few of them. */
  unreadable: number;
  firstUnreadable: RejectedRow[];
  /** The original line of each line of the copy. */
  lineMap: UnfoldedLineMap;
}

/** A cell as the copy writes it: quoted when it holds the delimiter, a quote, a line break or edge spaces. */
export function fieldWriter(delimiter: string): (text: string) => string {
  const special = new RegExp(`[${delimiter.replace(/[\\\]^-]/g, '\\$&')}"\\r\\n]|^\\s|\\s$`);
  return (text) => (special.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
}

/** Names for the copy's new columns that no kept column has (`Time 2` beside a kept `Time`). */
export function freeNames(kept: readonly string[]): (name: string) => string {
  const taken = new Set(kept);
  return (name) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate); n++) candidate = `${name} ${n}`;
    taken.add(candidate);
    return candidate;
  };
}

/** Text gathered before it is written to the copy: a write per row would cost more than the row. */
const WRITE_BYTES = 64 * 1024;

/**
 * Writes the working copy `target`: `header`, then for every row of `sniffed` read with its cells
 * as written (text, untouched) the text `row` returns for it (perhaps none yet, perhaps rows held
 * before it), then what `end` returns. Returns the original's lines that could not be read at all.
 */
export async function writeWorkingCopy(
  sniffed: SniffedCsv,
  target: string,
  header: string,
  row: (values: (string | null)[], line: number) => string,
  end: () => string,
  signal?: AbortSignal,
): Promise<Pick<UnfoldResult, 'unreadable' | 'firstUnreadable'>> {
  const asText: TableSchema = {
    columns: sniffed.names.map((name) => ({ name, type: 'text', role: 'category' })),
    time: null,
    location: null,
    decimalComma: false,
    measure: null,
    notes: [],
    // Rows that leave out the file's always-empty last columns are whole, as the file's own reading takes them.
    emptyTrailingColumns: emptyTrailingColumns(sniffed.names.length, sniffed.sampleRows),
  };
  const out = createWriteStream(target, { encoding: 'utf8' });
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const result = { unreadable: 0, firstUnreadable: [] as RejectedRow[] };
  try {
    let text = header;
    for await (const batch of readCsvBatches({ path: sniffed.path, dialect: sniffed.dialect, schema: asText, ...(signal ? { signal } : {}) })) {
      for (const rejected of batch.rejected) {
        result.unreadable++;
        if (result.firstUnreadable.length < NAMED_REJECTS) result.firstUnreadable.push(rejected);
      }
      for (const record of batch.records) {
        text += row(record.values as (string | null)[], record.line);
        if (text.length >= WRITE_BYTES) {
          await write(text);
          text = '';
        }
      }
    }
    await write(text + end());
  } finally {
    out.end();
    await once(out, 'close');
  }
  return result;
}
