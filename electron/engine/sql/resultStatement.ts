/**
 * A statement whose rows are read one cell at a time, with a limit on how much of a text value
 * becomes a JavaScript string. sql.js's own `get()` turns every value into a string whole: a
 * 300-million-character value (`printf('%.*c', 300000000, 'x')`) becomes 300 MB in the worker
 * before anything can cut it, and two of them pass V8's longest string. Reading the value's bytes
 * straight out of the module's memory (see memoryDatabase.ts) takes only the part wanted; its full
 * length is counted from the bytes. Without direct access, sql.js's API is used and cut afterwards.
 */
import type { Database, Statement } from 'sql.js';
import type { SqlCell } from '../../../shared/sql/sqlContract';
import { pointerAt, SQLITE_OK, type DirectAccess } from './memoryDatabase';
import { toCells } from './stepLoop';

const SQLITE_ROW = 100;
const SQLITE_DONE = 101;
const SQLITE_INTEGER = 1;
const SQLITE_FLOAT = 2;
const SQLITE_TEXT = 3;
const SQLITE_BLOB = 4;

export interface ResultStatement {
  readonly columns: readonly string[];
  /** True while there is a row; throws SQLite's message on an error. */
  step(): boolean;
  /** Column `index` of the current row; text longer than `limit` characters arrives cut. */
  cell(index: number, limit: number): SqlCell;
  /**
   * Column `index`'s UTF-8 bytes when it is text longer than `minBytes`, else null: a view into
   * SQLite's memory, valid until the next call into SQLite. For writing a value too big to be a string.
   */
  largeText(index: number, minBytes: number): Uint8Array | null;
  free(): void;
}

export function prepareResult(db: Database, direct: DirectAccess | null, sql: string): ResultStatement {
  return direct ? new DirectResult(direct, sql) : new SqlJsResult(db.prepare(sql));
}

/** A row's cells, each cut to `limit` characters. */
export function readRow(statement: ResultStatement, limit: number): SqlCell[] {
  const row = new Array<SqlCell>(statement.columns.length);
  for (let i = 0; i < row.length; i++) row[i] = statement.cell(i, limit);
  return row;
}

const decoder = new TextDecoder();

/** The first `limit` UTF-16 units of `text`, one fewer rather than half a surrogate pair. */
function prefix(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const high = text.charCodeAt(limit - 1);
  return text.slice(0, high >= 0xd800 && high <= 0xdbff ? limit - 1 : limit);
}

/** `text` as a cell of at most `limit` units; `length` is the whole value's, in characters. */
export function cutText(text: string, limit: number, length: number): SqlCell {
  return text.length <= limit ? text : { truncated: true, text: prefix(text, limit), length };
}

/** Characters (code points) in UTF-8 bytes: every byte that does not continue a sequence starts one. */
function codePoints(bytes: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < bytes.length; i++) if (((bytes[i] as number) & 0xc0) !== 0x80) count++;
  return count;
}

function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xdc00 || unit > 0xdfff) count++;
  }
  return count;
}

class DirectResult implements ResultStatement {
  readonly columns: readonly string[];
  private statement: number;

  constructor(private readonly direct: DirectAccess, sql: string) {
    const { exports, memory, handle } = direct;
    const text = exports.stringToNewUTF8(sql);
    const out = exports._malloc(4);
    try {
      new Int32Array(memory.buffer, out, 1)[0] = 0;
      if (exports._sqlite3_prepare_v2(handle, text, -1, out, 0) !== SQLITE_OK) throw new Error(this.errorMessage());
      this.statement = pointerAt(memory, out);
    } finally {
      exports._free(out);
      exports._free(text);
    }
    // As sql.js says of a text with no statement in it (only blanks or comments).
    if (this.statement === 0) throw new Error('Nothing to prepare');
    const count = exports._sqlite3_column_count(this.statement);
    this.columns = Array.from({ length: count }, (_, i) => exports.UTF8ToString(exports._sqlite3_column_name(this.statement, i)));
  }

  step(): boolean {
    const status = this.direct.exports._sqlite3_step(this.statement);
    if (status === SQLITE_ROW) return true;
    if (status === SQLITE_DONE) return false;
    throw new Error(this.errorMessage());
  }

  cell(index: number, limit: number): SqlCell {
    const exports = this.direct.exports;
    const statement = this.statement;
    switch (exports._sqlite3_column_type(statement, index)) {
      case SQLITE_INTEGER:
      case SQLITE_FLOAT:
        return exports._sqlite3_column_double(statement, index);
      case SQLITE_TEXT:
        return this.text(index, limit);
      case SQLITE_BLOB:
        // Blobs never cross as bytes (see toCells); their size is all the page shows.
        return `<blob ${exports._sqlite3_column_bytes(statement, index)} bytes>`;
      default:
        return null;
    }
  }

  largeText(index: number, minBytes: number): Uint8Array | null {
    const exports = this.direct.exports;
    if (exports._sqlite3_column_type(this.statement, index) !== SQLITE_TEXT) return null;
    const pointer = exports._sqlite3_column_text(this.statement, index);
    const bytes = exports._sqlite3_column_bytes(this.statement, index);
    if (bytes <= minBytes) return null;
    return new Uint8Array(this.direct.memory.buffer, pointer, bytes);
  }

  free(): void {
    if (this.statement === 0) return;
    this.direct.exports._sqlite3_finalize(this.statement);
    this.statement = 0;
  }

  private text(index: number, limit: number): SqlCell {
    const exports = this.direct.exports;
    // SQLite's advice: the text first, then its size in bytes.
    const pointer = exports._sqlite3_column_text(this.statement, index);
    const bytes = exports._sqlite3_column_bytes(this.statement, index);
    const heap = new Uint8Array(this.direct.memory.buffer, pointer, bytes);
    // A UTF-16 unit takes at least one byte: a value of at most `limit` bytes is whole.
    if (bytes <= limit) return decoder.decode(heap);
    // A unit takes at most three bytes, so 3 × limit bytes hold at least `limit` units; cut where a character starts.
    let end = Math.min(bytes, 3 * limit + 1);
    while (end < bytes && end > 0 && ((heap[end] as number) & 0xc0) === 0x80) end--;
    const text = decoder.decode(heap.subarray(0, end));
    if (end === bytes && text.length <= limit) return text;
    return { truncated: true, text: prefix(text, limit), length: codePoints(heap) };
  }

  private errorMessage(): string {
    return this.direct.exports.UTF8ToString(this.direct.exports._sqlite3_errmsg(this.direct.handle));
  }
}

/** sql.js's API: each row is read whole, then cut (the worker holds a huge value for a moment). */
class SqlJsResult implements ResultStatement {
  readonly columns: readonly string[];
  private row: SqlCell[] | null = null;

  constructor(private readonly statement: Statement) {
    this.columns = statement.getColumnNames();
  }

  step(): boolean {
    this.row = null;
    return this.statement.step();
  }

  cell(index: number, limit: number): SqlCell {
    this.row ??= toCells(this.statement.get());
    const value = this.row[index] ?? null;
    return typeof value === 'string' ? cutText(value, limit, codePointLength(value)) : value;
  }

  largeText(): Uint8Array | null {
    return null;
  }

  free(): void {
    this.statement.free();
  }
}
