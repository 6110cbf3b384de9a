/**
 * The live table's INSERT statements. With sql.js's API every text value costs a malloc, an
 * encoding loop, a free and a few calls through its wrappers; binding it directly costs writing its
 * bytes into one buffer the statement owns and one call. sql.js's Statement.bind also resets the
 * statement and clears its bindings on every call. Direct binding made the inserts about 1.5 times
 * as fast; it needs the module's memory and exports (see memoryDatabase.ts), so without them the
 * statement is sql.js's.
 *
 * Values bind as sql.js binds them, so a row reads back the same either way: whole numbers within
 * 32 bits as integers, other numbers as reals, strings as UTF-8 text of their full length, null as
 * NULL.
 */
import type { Database, SqlValue, Statement } from 'sql.js';
import { pointerAt, SQLITE_OK, type DirectAccess, type SqlJsExports } from './memoryDatabase';

export type Cell = number | string | null;

export interface InsertStatement {
  /** Inserts the row(s) whose values `params` holds: exactly the statement's parameters, in order. */
  run(params: readonly Cell[]): void;
  /** Lets go of what the last run bound; after a failed run, makes the statement usable again. */
  reset(): void;
  free(): void;
}

export function prepareInsert(db: Database, direct: DirectAccess | null, sql: string): InsertStatement {
  return direct ? new DirectInsert(direct, sql) : new SqlJsInsert(db.prepare(sql));
}

class SqlJsInsert implements InsertStatement {
  constructor(private readonly statement: Statement) {}

  run(params: readonly Cell[]): void {
    // bind resets the statement first, freeing the texts the previous run bound.
    this.statement.bind(params as SqlValue[]);
    this.statement.step();
  }

  reset(): void {
    this.statement.reset();
  }

  free(): void {
    this.statement.free();
  }
}

const SQLITE_DONE = 101;
/** SQLite reads a text where it lies, until the statement's next run. */
const SQLITE_STATIC = 0;
/** SQLite copies a text at once. */
const SQLITE_TRANSIENT = -1;
/** Text bytes one run can bind from the statement's buffer (rows of the sample city's take about 100 each); texts beyond it are copied. */
const TEXT_BUFFER_BYTES = 64 * 1024;

class DirectInsert implements InsertStatement {
  private readonly exports: SqlJsExports;
  private statement: number;
  private readonly text: number;
  private heap: Uint8Array;

  constructor(private readonly direct: DirectAccess, sql: string) {
    const { exports, memory, handle } = direct;
    this.exports = exports;
    const sqlText = exports.stringToNewUTF8(sql);
    const out = exports._malloc(4);
    try {
      const status = exports._sqlite3_prepare_v2(handle, sqlText, -1, out, 0);
      if (status !== SQLITE_OK) throw new Error(this.errorMessage());
      this.statement = pointerAt(memory, out);
    } finally {
      exports._free(out);
      exports._free(sqlText);
    }
    this.text = exports._malloc(TEXT_BUFFER_BYTES);
    this.heap = new Uint8Array(memory.buffer);
  }

  run(params: readonly Cell[]): void {
    const exports = this.exports;
    const statement = this.statement;
    let heap = this.heapView();
    let at = this.text;
    const end = at + TEXT_BUFFER_BYTES;
    for (let i = 0; i < params.length; i++) {
      const value = params[i];
      const index = i + 1;
      let status: number;
      if (typeof value === 'string') {
        const length = value.length;
        // ASCII (nearly every text of a CSV) is its own UTF-8: written as it is read.
        let ascii = at + length <= end;
        for (let c = 0; ascii && c < length; c++) {
          const code = value.charCodeAt(c);
          if (code > 0x7f) ascii = false;
          else heap[at + c] = code;
        }
        if (ascii) {
          status = exports._sqlite3_bind_text(statement, index, at, length, SQLITE_STATIC);
          at += length;
        } else {
          status = this.bindCopy(index, value);
          heap = this.heapView();
        }
      } else if (typeof value === 'number') {
        status = value === (value | 0) ? exports._sqlite3_bind_int(statement, index, value) : exports._sqlite3_bind_double(statement, index, value);
      } else {
        // NULL, bound as sql.js binds it.
        status = exports._sqlite3_bind_blob(statement, index, 0, 0, 0);
      }
      if (status !== SQLITE_OK) this.fail();
    }
    if (exports._sqlite3_step(statement) !== SQLITE_DONE) this.fail();
    // A statement that ran must be reset before it can be bound again.
    exports._sqlite3_reset(statement);
  }

  reset(): void {
    this.exports._sqlite3_reset(this.statement);
  }

  free(): void {
    if (this.statement === 0) return;
    this.exports._sqlite3_finalize(this.statement);
    this.exports._free(this.text);
    this.statement = 0;
  }

  /** Any other text, encoded by sql.js's own encoder as sql.js would, and copied by SQLite. */
  private bindCopy(index: number, value: string): number {
    const exports = this.exports;
    const pointer = exports.stringToNewUTF8(value);
    try {
      return exports._sqlite3_bind_text(this.statement, index, pointer, exports.lengthBytesUTF8(value), SQLITE_TRANSIENT);
    } finally {
      exports._free(pointer);
    }
  }

  /** The memory's bytes; growing the memory (SQLite allocating) replaces its buffer. */
  private heapView(): Uint8Array {
    const buffer = this.direct.memory.buffer;
    if (this.heap.buffer !== buffer) this.heap = new Uint8Array(buffer);
    return this.heap;
  }

  /** Throws SQLite's message, as sql.js does, with the statement reset for the next run. */
  private fail(): never {
    const message = this.errorMessage();
    this.exports._sqlite3_reset(this.statement);
    throw new Error(message);
  }

  private errorMessage(): string {
    return this.exports.UTF8ToString(this.exports._sqlite3_errmsg(this.direct.handle));
  }
}
