/**
 * Reads only the first block of a file to decide whether it is CSV, how it is written, what its
 * columns are, and roughly how many rows it holds. Never reads the whole file.
 */
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { CommandError } from '../../../shared/envelope';
import type { FileEncoding } from '../../../shared/encoding';
import { createBlockParser } from './blockParser';
import { isExcelText, unwrapExcelTextRows } from './excelText';
import { detectDelimiter, detectNewline, type CsvDialect } from './csvDialect';
import { byteOrderMark, detectEncoding } from './detectEncoding';
import { normaliseHeader } from './headerNames';
import { isNumericText } from './inferSchema';
import { detectTimeFormat } from './time/timeFormats';
import { findHeaderLine } from './titleLines';
import { namesWithGroups } from './groupedHeader';
import { shownText, textCodecFor, type TextCodec } from './textCodec';
import { fitsWidth, hasEmptyExtraFields, withoutEmptyExtraFields } from './rowWidth';

const SNIFF_BYTES = 256 * 1024;
/** The end of the file, probed for the encoding as well as the head (see detectEncoding). */
const TAIL_PROBE_BYTES = 64 * 1024;

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
  /**
   * Whole rows from blocks spread through the rest of the file and its end (none when the first
   * block is the whole file): later days, to settle what the first block leaves open, such as
   * whether `01/03/2023` is the 1st of March or the 3rd of January.
   */
  laterRows?: string[][];
  /** Data rows guessed from the first block (exact when the whole file fits in it). */
  estimatedRows: number;
  /** Non-blank lines above the header (a report's title, its date), passed over by every reader. */
  titleLines: string[];
  /** Sampled rows end with a delimiter past the last column (rowWidth.ts); absent in older callers' fixtures means no. */
  lineEndDelimiter?: boolean;
  /** The encoding the bytes say; `dialect.encoding` differs only when the user chose another. */
  detectedEncoding: FileEncoding;
  /**
   * The column names as read in the detected encoding: corrections are remembered under them, so
   * they are found again on opening, before any chosen encoding is known.
   */
  headerKey: string[];
}

export interface SniffOptions {
  /** Read the file in this encoding rather than the detected one. */
  encoding?: FileEncoding;
}

interface FileBytes {
  head: Buffer;
  /** The last bytes, when the head is not the whole file. */
  tail: Buffer | null;
  /** Blocks from evenly spaced places between the head and the tail, when the head is not the whole file. */
  middle: Buffer[];
  size: number;
}

/** Blocks read between the head and the tail, and their size: a few hundred rows each. */
const MIDDLE_PROBES = 6;
const MIDDLE_PROBE_BYTES = 16 * 1024;

async function readProbes(path: string): Promise<FileBytes> {
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
    let tail: Buffer | null = null;
    const middle: Buffer[] = [];
    if (bytesRead < size) {
      const length = Math.min(TAIL_PROBE_BYTES, size - bytesRead);
      tail = Buffer.alloc(length);
      tail = tail.subarray(0, (await handle.read(tail, 0, length, size - length)).bytesRead);
      const span = size - length - bytesRead;
      if (span > MIDDLE_PROBES * MIDDLE_PROBE_BYTES) {
        for (let k = 1; k <= MIDDLE_PROBES; k++) {
          // Even offsets, so a UTF-16 file's blocks start on a character.
          const at = (bytesRead + Math.floor((span * k) / (MIDDLE_PROBES + 1))) & ~1;
          const block = Buffer.alloc(MIDDLE_PROBE_BYTES);
          middle.push(block.subarray(0, (await handle.read(block, 0, MIDDLE_PROBE_BYTES, at)).bytesRead));
        }
      }
    }
    return { head: head.subarray(0, bytesRead), tail, middle, size };
  } finally {
    await handle.close();
  }
}

/** NUL characters never occur in text CSV; they are the surest sign of a binary file. */
function assertText(text: string, codec: TextCodec, markBytes: number, path: string): void {
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const byte = markBytes + codec.byteLength(text.slice(0, nul));
    throw new CommandError('NOT_CSV', `${basename(path)} is not a CSV text file: it contains binary data (a NUL byte at byte ${byte}).`);
  }
}

/** The head as text in `encoding`, without a byte-order mark, and whether the file starts with one. */
function headText(head: Buffer, wholeFile: boolean, codec: TextCodec): { text: string; hasBom: boolean; markBytes: number } {
  const mark = byteOrderMark(head);
  const markBytes = mark?.encoding === codec.encoding ? mark.bytes : 0;
  const decoder = codec.newDecoder();
  // A partial head may end inside a character: the decoder holds those bytes back.
  const text = decoder.write(head.subarray(markBytes)) + (wholeFile ? decoder.end() : '');
  // Names and the preview show invalid bytes as every program does; the reader rejects their rows.
  return { text: shownText(text), hasBom: markBytes > 0, markBytes };
}

interface SniffedText {
  dialect: CsvDialect;
  names: string[];
  sampleRows: string[][];
  laterRows: string[][];
  estimatedRows: number;
  /** Non-blank lines above the header (see titleLines.ts), passed over by every reader. */
  titleLines: string[];
  /** Sampled rows end with a delimiter past the last column (rowWidth.ts): read without the empty field it makes. */
  lineEndDelimiter: boolean;
}

type CellKind = 'empty' | 'time' | 'number' | 'text';

/** What a cell holds: a time or a number (values, which a column name never is), text, or nothing. */
function kindOf(cell: string): CellKind {
  const text = cell.trim();
  if (text === '') return 'empty';
  if (detectTimeFormat([text]) !== null) return 'time';
  return isNumericText(text) || isNumericText(text, true) ? 'number' : 'text';
}

const isValue = (cell: string): boolean => {
  const kind = kindOf(cell);
  return kind === 'time' || kind === 'number';
};

/**
 * True when the first line is data rather than a header: every non-empty cell is a value (a
 * number or a time) and the next line has values in the same places; or the line holds a time
 * (no column is named by a date) and every cell is of the same kind as the next line's below it,
 * text where it has text (a sensor code such as `01F0005N`), a time where it has a time, cells
 * empty on either line aside (PeMS rows leave the lanes a station lacks empty). A header
 * of years or ids alone over a table of text, or of dates over a table of counts, fails the test.
 */
function looksLikeData(first: readonly string[], next: readonly string[] | undefined): boolean {
  const filled = first.filter((cell) => cell.trim() !== '');
  if (filled.length < 2) return false;
  if (next === undefined) return filled.every(isValue);
  if (next.length !== first.length) return false;
  let alike = 0;
  let times = 0;
  for (let index = 0; index < first.length; index++) {
    const kind = kindOf(first[index] ?? '');
    const below = kindOf(next[index] ?? '');
    // Rows of a timed file carry their time: a first line with none where the next has one is the
    // header over it (METR-LA's `,773869,767541,…` of sensor ids over timestamped speeds).
    if (below === 'time' && kind !== 'time') return false;
    // Cells empty on either line (a lane a station does not have) say nothing either way.
    if (kind === 'empty' || below === 'empty') continue;
    if (kind !== below) return false;
    alike++;
    if (kind === 'time') times++;
  }
  return filled.every(isValue) || (alike >= 2 && times > 0);
}

/**
 * True when the first row heads groups of columns rather than naming them: some of its cells are
 * empty (merged cells of a spreadsheet's heading), the row below fills every cell with a name (no
 * number, no time, none empty), and the row after that holds values. VicRoads' SCATS volumes write
 * `,,,,,,,,,Start Time,0:00,0:15,…` over `SCATS Number,Location,…,Date,V00,V01,…`.
 */
function isGroupHeading(rows: readonly (readonly string[])[]): boolean {
  const [heading, names, data] = rows;
  if (heading === undefined || names === undefined || data === undefined) return false;
  if (names.length !== heading.length) return false;
  // Columns empty in all three rows at the end (a spreadsheet's unused columns) say nothing.
  let width = names.length;
  while (width > 0 && [heading, names, data].every((row) => (row[width - 1] ?? '').trim() === '')) width--;
  if (!heading.slice(0, width).some((cell) => cell.trim() === '')) return false;
  if (!names.slice(0, width).every((cell) => kindOf(cell) === 'text')) return false;
  return data.filter(isValue).length >= 2;
}

function sniffText(bytes: FileBytes, encoding: FileEncoding, path: string): SniffedText {
  const { head, size } = bytes;
  const codec = textCodecFor(encoding);
  const wholeFileInHead = head.length >= size;
  const { text, hasBom, markBytes } = headText(head, wholeFileInHead, codec);
  assertText(text, codec, markBytes, path);
  if (text.trim() === '') {
    throw new CommandError('FILE_EMPTY', `${basename(path)} holds only blank space, no header and no rows.`);
  }
  const newline = detectNewline(text);
  const allLines = text.split(newline);
  if (!wholeFileInHead) allLines.pop(); // the last line of a partial block may be cut
  const tableAt = (headerIndex: number) => {
    const titleText = headerIndex === 0 ? '' : allLines.slice(0, headerIndex).join(newline) + newline;
    const table = text.slice(titleText.length);
    const delimiter = detectDelimiter(allLines.slice(headerIndex));
    const parsed = createBlockParser({ delimiter, newline })(table, wholeFileInHead);
    const rows = parsed.rows.filter((row) => !(row.length === 1 && row[0] === ''));
    return { headerIndex, titleText, table, delimiter, parsed, rows };
  };
  let found = tableAt(findHeaderLine(allLines));
  // A group heading over the header (`,,,,Start Time,0:00,0:15,…` over `Site,Date,V00,V01,…`) is a title line too.
  let heading: readonly string[] | null = null;
  if (isGroupHeading(found.rows)) {
    const next = allLines.findIndex((line, index) => index > found.headerIndex && line.trim() !== '');
    if (next > 0) {
      heading = found.rows[0] ?? null;
      found = tableAt(next);
    }
  }
  const { headerIndex, titleText, table, delimiter, parsed, rows } = found;
  // Cells written as `="0015"` (kept text through Excel): read as the text inside, here and by every reader.
  const excelText = rows.some((row) => row.some(isExcelText));
  if (excelText) unwrapExcelTextRows(rows);
  const titleLines = allLines.slice(0, headerIndex).filter((line) => line.trim() !== '');
  const headerAt = headerIndex === 0 ? null : { byte: markBytes + codec.byteLength(titleText), line: headerIndex + 1 };
  const [firstCells, ...afterFirst] = rows;
  if (!firstCells) {
    if (!wholeFileInHead && !text.includes(newline)) {
      throw new CommandError(
        'NOT_CSV',
        `${basename(path)}'s first line is longer than the ${SNIFF_BYTES / 1024} KB read to recognise the file (no line break in it): a header that long cannot be read.`,
      );
    }
    throw new CommandError('NOT_CSV', `${basename(path)} has no header line.`);
  }
  // A file written without a header starts with data: its first line is a row, and the columns get names.
  const headerless = looksLikeData(firstCells, afterFirst[0]);
  const headerCells = headerless ? firstCells.map(() => '') : firstCells;
  const dataRows = headerless ? rows : afterFirst;
  // Inference sees only rows the reader could accept: a ragged row, or an unclosed quote that
  // swallows the rest of the block into one field, would otherwise hide the columns' types. A row
  // that only ends with a delimiter is whole (rowWidth.ts), seen at the header's width.
  const width = headerCells.length;
  const sampleRows = dataRows.filter((row) => fitsWidth(row, width)).map((row) => withoutEmptyExtraFields(row, width));
  const lineEndDelimiter = dataRows.some((row) => hasEmptyExtraFields(row, width));
  const sampleBytes = codec.byteLength(table.slice(0, parsed.cursor));
  const bytesPerRow = rows.length > 0 ? sampleBytes / rows.length : sampleBytes;
  const tableBytes = size - (headerAt?.byte ?? 0);
  const estimatedRows = wholeFileInHead ? dataRows.length : Math.round(tableBytes / Math.max(bytesPerRow, 1)) - (headerless ? 0 : 1);
  const laterRows = wholeFileInHead ? [] : [...bytes.middle, ...(bytes.tail ? [bytes.tail] : [])].flatMap((block, at, blocks) => wholeRowsOf(block, codec, { delimiter, newline, excelText }, headerCells.length, at === blocks.length - 1));
  return {
    dialect: { delimiter, newline, hasBom, encoding, ...(headerless ? { headerless } : {}), ...(headerAt ? { headerAt } : {}), ...(excelText ? { excelText } : {}) },
    // Names repeated under a group heading (`Left` under `Southbound` and under `Westbound`) take their group.
    names: normaliseHeader((heading && !headerless ? namesWithGroups(heading, headerCells) : null) ?? headerCells),
    sampleRows,
    laterRows,
    estimatedRows: Math.max(estimatedRows, 0),
    titleLines,
    lineEndDelimiter,
  };
}

/**
 * The rows of a block taken from inside the file: its first line (cut where the block starts) and,
 * unless the block ends the file, its last are dropped, and rows of another width (a block that
 * began inside a quoted field) are left out.
 */
function wholeRowsOf(block: Buffer, codec: TextCodec, dialect: Pick<CsvDialect, 'delimiter' | 'newline' | 'excelText'>, width: number, endsFile: boolean): string[][] {
  const decoder = codec.newDecoder();
  const text = decoder.write(block) + (endsFile ? decoder.end() : '');
  const start = text.indexOf(dialect.newline);
  if (start < 0) return [];
  const end = endsFile ? text.length : text.lastIndexOf(dialect.newline);
  if (end <= start) return [];
  const rows = createBlockParser(dialect)(text.slice(start + dialect.newline.length, end), true).rows;
  return rows.filter((row) => fitsWidth(row, width)).map((row) => withoutEmptyExtraFields(row, width));
}

export async function sniffCsv(path: string, options: SniffOptions = {}): Promise<SniffedCsv> {
  const bytes = await readProbes(path);
  const detectedEncoding = detectEncoding(bytes);
  const detected = sniffText(bytes, detectedEncoding, path);
  const chosen = options.encoding !== undefined && options.encoding !== detectedEncoding ? sniffText(bytes, options.encoding, path) : detected;
  return {
    path,
    name: basename(path),
    sizeBytes: bytes.size,
    ...chosen,
    detectedEncoding,
    headerKey: detected.names,
  };
}
