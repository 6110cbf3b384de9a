/**
 * Reads only the first block of a file to decide whether it is CSV, how it is written, what its
 * columns are, and roughly how many rows it holds. Never reads the whole file.
 */
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { CommandError } from '../../../shared/envelope';
import { createBlockParser } from './blockParser';
import { detectDelimiter, detectNewline, type CsvDialect } from './csvDialect';
import { normaliseHeader } from './headerNames';

const SNIFF_BYTES = 256 * 1024;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** What the first block of a file tells: how it is written, its header and a sample of rows. */
export interface SniffedCsv {
  path: string;
  name: string;
  sizeBytes: number;
  dialect: CsvDialect;
  /** Unique, non-empty column names from the header. */
  names: string[];
  /** Rows of the first block as text, for inference and the schema dialog's preview. */
  sampleRows: string[][];
  /** Data rows guessed from the first block (exact when the whole file fits in it). */
  estimatedRows: number;
}

async function readHead(path: string): Promise<{ head: Buffer; size: number }> {
  let size: number;
  try {
    const stats = await stat(path);
    if (!stats.isFile()) throw new CommandError('FILE_UNREADABLE', `Not a file: ${path}`);
    size = stats.size;
  } catch (error) {
    if (error instanceof CommandError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CommandError('FILE_NOT_FOUND', `File not found: ${path}`);
    throw new CommandError('FILE_UNREADABLE', `Cannot read ${path}: ${(error as Error).message}`);
  }
  if (size === 0) throw new CommandError('FILE_EMPTY', `The file is empty (0 bytes): ${basename(path)}`);
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, SNIFF_BYTES));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return { head: head.subarray(0, bytesRead), size };
  } finally {
    await handle.close();
  }
}

/** NUL bytes never occur in text CSV; they are the surest sign of a binary file. */
function assertText(head: Buffer, path: string): void {
  const nul = head.indexOf(0);
  if (nul >= 0) {
    throw new CommandError(
      'NOT_CSV',
      `${basename(path)} is not a CSV text file: it contains binary data (a NUL byte at byte ${nul}).`,
    );
  }
}

export async function sniffCsv(path: string): Promise<SniffedCsv> {
  const { head, size } = await readHead(path);
  assertText(head, path);
  const hasBom = UTF8_BOM.every((byte, index) => head[index] === byte);
  const text = head.subarray(hasBom ? 3 : 0).toString('utf8');
  if (text.trim() === '') {
    throw new CommandError('FILE_EMPTY', `${basename(path)} holds only blank space, no header and no rows.`);
  }
  const newline = detectNewline(text);
  const wholeFileInHead = head.length >= size;
  const lines = text.split(newline);
  if (!wholeFileInHead) lines.pop(); // the last line of a partial block may be cut
  const delimiter = detectDelimiter(lines);
  const parsed = createBlockParser({ delimiter, newline })(text, wholeFileInHead);
  const rows = parsed.rows.filter((row) => !(row.length === 1 && row[0] === ''));
  const [headerCells, ...dataRows] = rows;
  if (!headerCells) throw new CommandError('NOT_CSV', `${basename(path)} has no header line.`);
  // Inference sees only rows the reader could accept: a ragged row, or an unclosed quote that
  // swallows the rest of the block into one field, would otherwise hide the columns' types.
  const sampleRows = dataRows.filter((row) => row.length === headerCells.length);
  const sampleBytes = Buffer.byteLength(text.slice(0, parsed.cursor));
  const bytesPerRow = rows.length > 0 ? sampleBytes / rows.length : sampleBytes;
  const estimatedRows = wholeFileInHead ? dataRows.length : Math.round(size / Math.max(bytesPerRow, 1)) - 1;
  return {
    path,
    name: basename(path),
    sizeBytes: size,
    dialect: { delimiter, newline, hasBom },
    names: normaliseHeader(headerCells),
    sampleRows,
    estimatedRows: Math.max(estimatedRows, 0),
  };
}
