/**
 * Reads single rows at byte offsets of a file without reading what lies between: the tool the
 * run finder bisects with. A probe lands anywhere in a row, so it moves on to the next line break
 * and reads the first line after it that is a whole, valid row with a time and a location.
 *
 * A probe treats one physical line as one row. A row whose quoted field holds a line break fails
 * that test and is passed over, so probes land only on plain rows; a line inside a multi-line
 * quoted field that happens to look like a whole row could mislead it, which is why the runs it
 * helps find are checked again by sampling (findLocationRuns) and why nothing is ever lost either
 * way: every byte of the file belongs to exactly one run, and each run is read by the real reader.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { MULTI_BYTE_ENCODINGS, type FileEncoding } from '../../../../shared/encoding';
import type { CsvDialect } from '../csvDialect';
import { createBlockParser, type BlockParser } from '../blockParser';
import { RowDecoder } from '../rowDecoder';
import { decodeBytes, textCodecFor, type TextCodec } from '../textCodec';
import type { TableSchema } from '../tableSchema';

/** A row found by a probe: where it starts and ends in the file, and what orders it. */
export interface ProbedRow {
  /** Byte offset of the row's first byte, and of the byte after its line break. */
  start: number;
  end: number;
  location: string;
  time: number;
}

/** Enough for any ordinary row; a probe doubles it, up to the longest row worth reading. */
const FIRST_WINDOW = 4 * 1024;
const MAX_WINDOW = 1024 * 1024;
/** Lines a probe reads past before giving up on finding a valid row near an offset. */
const MAX_LINES_PASSED = 256;

/** The encodings whose line breaks are single bytes that no other character contains. */
const BYTE_LINE_BREAK_ENCODINGS = new Set<string>(['utf-8', 'windows-1252', 'windows-1250', ...MULTI_BYTE_ENCODINGS]);

/** The dialect's text encoding, UTF-8 where the dialect does not name one. */
export function encodingOf(dialect: CsvDialect): FileEncoding {
  return dialect.encoding;
}

export class RowProbe {
  private readonly parse: BlockParser;
  private readonly decoder: RowDecoder;
  private readonly codec: TextCodec;
  private readonly lineBreak: number;
  private readonly crlf: boolean;
  private readonly locationIndex: number;
  private readonly fieldCount: number;
  /** Reads made so far (for tests and for the cost of detection). */
  reads = 0;

  private constructor(
    private readonly handle: FileHandle,
    private readonly size: number,
    dialect: CsvDialect,
    schema: TableSchema,
  ) {
    this.parse = createBlockParser({ delimiter: dialect.delimiter, newline: dialect.newline, excelText: dialect.excelText });
    this.decoder = new RowDecoder(schema);
    // The file's codec, not TextDecoder: Node 20's windows-1252 TextDecoder reads 0x80..0x9F as Latin-1 unless streaming.
    this.codec = textCodecFor(encodingOf(dialect));
    this.lineBreak = dialect.newline === '\r' ? 13 : 10;
    this.crlf = dialect.newline === '\r\n';
    this.locationIndex = schema.columns.findIndex((column) => column.name === schema.location);
    this.fieldCount = schema.columns.length;
  }

  /**
   * A probe for a file with a whole time (one column, or a date over several) and a location, in an encoding whose line breaks can
   * be found byte by byte; null otherwise (the split time form depends on every row before, and
   * UTF-16 spreads a line break over two bytes).
   */
  static async open(path: string, size: number, dialect: CsvDialect, schema: TableSchema): Promise<RowProbe | null> {
    if ((schema.time?.kind !== 'column' && schema.time?.kind !== 'parts') || schema.location === null) return null;
    if (!BYTE_LINE_BREAK_ENCODINGS.has(encodingOf(dialect))) return null;
    return new RowProbe(await open(path, 'r'), size, dialect, schema);
  }

  close(): Promise<void> {
    return this.handle.close();
  }

  private async read(from: number, length: number): Promise<Buffer> {
    const buffer = Buffer.alloc(Math.max(0, Math.min(length, this.size - from)));
    this.reads++;
    const { bytesRead } = await this.handle.read(buffer, 0, buffer.length, from);
    return buffer.subarray(0, bytesRead);
  }

  /** The row one line holds (its line break excluded), or null when it is not a whole valid row. */
  private rowOn(bytes: Buffer): Omit<ProbedRow, 'start' | 'end'> | null {
    let text = decodeBytes(this.codec, bytes);
    if (this.crlf && text.endsWith('\r')) text = text.slice(0, -1);
    if (text === '') return null;
    const parsed = this.parse(text, true);
    const fields = parsed.rows[0];
    if (parsed.rows.length !== 1 || parsed.errors.length > 0 || !fields || fields.length !== this.fieldCount) return null;
    const decoded = this.decoder.decode(fields);
    if (!decoded.ok || decoded.time === null) return null;
    const location = decoded.values[this.locationIndex];
    if (location === null || location === undefined) return null;
    return { location: String(location), time: decoded.time };
  }

  /**
   * The first valid row that starts at or after `offset` (offset 0 or 1: the first data row, the
   * header being passed over as a line that is not a row) and before `limit`; null when none is
   * found there.
   */
  async rowAtOrAfter(offset: number, limit: number): Promise<ProbedRow | null> {
    // Reading from one byte early tells whether `offset` itself starts a line.
    const from = Math.max(0, offset - 1);
    let window = FIRST_WINDOW;
    for (;;) {
      const bytes = await this.read(from, window);
      const reachesEnd = from + bytes.length >= this.size;
      let lineStart = bytes.indexOf(this.lineBreak) + 1;
      if (lineStart === 0) {
        if (reachesEnd || window >= MAX_WINDOW) return null;
        window *= 2;
        continue;
      }
      let passed = 0;
      for (;;) {
        if (from + lineStart >= limit || passed > MAX_LINES_PASSED) return null;
        const breakAt = bytes.indexOf(this.lineBreak, lineStart);
        // The last line of the file may have no line break.
        const lineEnd = breakAt === -1 ? (reachesEnd ? bytes.length : -1) : breakAt;
        if (lineEnd === -1) break; // the line goes on past the window: read a larger one
        const row = this.rowOn(bytes.subarray(lineStart, lineEnd));
        const end = breakAt === -1 ? lineEnd : breakAt + 1;
        if (row) return { ...row, start: from + lineStart, end: from + end };
        if (breakAt === -1) return null;
        lineStart = end;
        passed++;
      }
      if (window >= MAX_WINDOW) return null;
      window *= 2;
    }
  }

  /** The last valid row that starts before `limit` (and after the header); null when none is near. */
  async lastRowBefore(limit: number): Promise<ProbedRow | null> {
    let window = FIRST_WINDOW;
    for (;;) {
      const from = Math.max(0, limit - window);
      let last: ProbedRow | null = null;
      for (let at = from === 0 ? 1 : from; ; ) {
        const row = await this.rowAtOrAfter(at, limit);
        if (!row) break;
        last = row;
        at = row.end;
      }
      if (last || from === 0 || window >= MAX_WINDOW) return last;
      window *= 2;
    }
  }
}
