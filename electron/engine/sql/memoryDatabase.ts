/**
 * sql.js keeps its database as a file in Emscripten's in-memory file system: every page SQLite
 * writes at a commit is copied out of WebAssembly memory into that file, whose JavaScript array
 * grows by an eighth at a time (a copy of the whole file each time). Filling the live table spent
 * about half its time there. SQLite's own in-memory database (':memory:') keeps its pages in its
 * page cache and writes them nowhere, but sql.js has no way to open one: it always opens a file.
 * So the worker loads sql.js with its own instantiation of the wasm (an Emscripten hook), which
 * hands it the module's memory, opens ':memory:' with functions the module exports, and puts that
 * connection in place of the file's in a sql.js Database, whose methods all go through its `db`
 * handle. Everything else (views, the user's tables, functions, statements) works unchanged, in the
 * one schema `main`. The same memory and exports let the inserts bind their values directly (see
 * insertStatement.ts). The pages then live in the module's memory, which sql.js caps at 2 GB (about
 * 20 million rows shaped like the sample city's; SQLite reports "out of memory" beyond), where the
 * file could grow further, ever more slowly.
 *
 * All of this leans on sql.js internals, so each piece is checked; when one is missing (another
 * sql.js version, or sql.js was loaded elsewhere first) the database is sql.js's usual file and the
 * inserts go through sql.js's API: the same rows, just slower.
 */
import initSqlJs, { type Database, type SqlJsConfig, type SqlJsStatic } from 'sql.js';

/** What sql.js's module exports beyond its typed API (pointers are offsets into its memory). */
export interface SqlJsExports {
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  _sqlite3_open(filename: number, handleOut: number): number;
  _sqlite3_close_v2(handle: number): number;
  _sqlite3_errmsg(handle: number): number;
  _sqlite3_prepare_v2(handle: number, sql: number, bytes: number, statementOut: number, tailOut: number): number;
  _sqlite3_bind_text(statement: number, index: number, text: number, bytes: number, destructor: number): number;
  _sqlite3_bind_blob(statement: number, index: number, blob: number, bytes: number, destructor: number): number;
  _sqlite3_bind_int(statement: number, index: number, value: number): number;
  _sqlite3_bind_double(statement: number, index: number, value: number): number;
  _sqlite3_step(statement: number): number;
  _sqlite3_reset(statement: number): number;
  _sqlite3_finalize(statement: number): number;
  _sqlite3_column_count(statement: number): number;
  _sqlite3_column_name(statement: number, index: number): number;
  _sqlite3_column_type(statement: number, index: number): number;
  _sqlite3_column_double(statement: number, index: number): number;
  _sqlite3_column_text(statement: number, index: number): number;
  _sqlite3_column_bytes(statement: number, index: number): number;
  _RegisterExtensionFunctions(handle: number): number;
  stringToNewUTF8(text: string): number;
  lengthBytesUTF8(text: string): number;
  UTF8ToString(pointer: number): string;
}

const EXPORTED: readonly (keyof SqlJsExports)[] = [
  '_malloc',
  '_free',
  '_sqlite3_open',
  '_sqlite3_close_v2',
  '_sqlite3_errmsg',
  '_sqlite3_prepare_v2',
  '_sqlite3_bind_text',
  '_sqlite3_bind_blob',
  '_sqlite3_bind_int',
  '_sqlite3_bind_double',
  '_sqlite3_step',
  '_sqlite3_reset',
  '_sqlite3_finalize',
  '_sqlite3_column_count',
  '_sqlite3_column_name',
  '_sqlite3_column_type',
  '_sqlite3_column_double',
  '_sqlite3_column_text',
  '_sqlite3_column_bytes',
  '_RegisterExtensionFunctions',
  'stringToNewUTF8',
  'lengthBytesUTF8',
  'UTF8ToString',
];

/** What is used here of the WebAssembly API, which the node build's libraries do not declare. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmApi {
  instantiate(bytes: ArrayBuffer, imports: unknown): Promise<{ instance: { exports: Record<string, unknown> } }>;
  Memory: abstract new (...args: never[]) => WasmMemory;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

export interface LoadedSqlJs {
  sql: SqlJsStatic;
  /** The module's memory when this load instantiated it, else null (no ':memory:' then). */
  memory: WasmMemory | null;
}

/** A connection's handle with what it takes to call SQLite on it directly. */
export interface DirectAccess {
  exports: SqlJsExports;
  memory: WasmMemory;
  handle: number;
}

export interface OpenedDatabase {
  db: Database;
  /** Null when sql.js does not offer what direct calls need: then only its API is used. */
  direct: DirectAccess | null;
}

export const SQLITE_OK = 0;

/**
 * sql.js instantiates its module once per process and hands every later caller that one, so the
 * memory is whatever the first load captured.
 */
let capturedMemory: WasmMemory | null = null;

/** Loads sql.js from the wasm's bytes, keeping hold of its memory. */
export async function loadSqlJs(wasmBinary: ArrayBuffer): Promise<LoadedSqlJs> {
  // sql.js's promise would never settle if the instantiation below failed: that failure ends the load instead.
  let failed: (error: unknown) => void = () => undefined;
  const instantiationFailed = new Promise<never>((_, reject) => (failed = reject));
  const config: SqlJsConfig = {
    wasmBinary,
    instantiateWasm(imports, receive) {
      wasm.instantiate(wasmBinary, imports).then(({ instance }) => {
        capturedMemory = Object.values(instance.exports).find((value): value is WasmMemory => value instanceof wasm.Memory) ?? null;
        receive(instance as Parameters<typeof receive>[0]);
      }, failed);
      // Emscripten fills in the exports once `receive` is called.
      return {};
    },
  };
  const sql = await Promise.race([initSqlJs(config), instantiationFailed]);
  return { sql, memory: capturedMemory };
}

function exportsOf(sql: SqlJsStatic): SqlJsExports | null {
  const candidate = sql as unknown as Partial<Record<keyof SqlJsExports, unknown>>;
  return EXPORTED.every((name) => typeof candidate[name] === 'function') ? (candidate as SqlJsExports) : null;
}

/** The pointer SQLite wrote to `out` (read afresh: a call may have grown, and so replaced, the memory's buffer). */
export function pointerAt(memory: WasmMemory, out: number): number {
  return new Int32Array(memory.buffer, out, 1)[0] ?? 0;
}

/** Opens ':memory:' and returns its handle, or null when it could not be opened. */
function openMemoryHandle(exports: SqlJsExports, memory: WasmMemory): number | null {
  const name = exports.stringToNewUTF8(':memory:');
  const out = exports._malloc(4);
  try {
    new Int32Array(memory.buffer, out, 1)[0] = 0;
    const status = exports._sqlite3_open(name, out);
    const handle = pointerAt(memory, out);
    if (status === SQLITE_OK && handle !== 0) return handle;
    if (handle !== 0) exports._sqlite3_close_v2(handle);
    return null;
  } finally {
    exports._free(out);
    exports._free(name);
  }
}

/** True when `db`'s main schema has no file: SQLite reports an in-memory database's file as ''. */
export function isInMemory(db: Database): boolean {
  const [list] = db.exec("SELECT file FROM pragma_database_list WHERE name = 'main'");
  return list?.values[0]?.[0] === '';
}

/** A sql.js Database on SQLite's ':memory:', or on sql.js's usual file when that cannot be done. */
export function openDatabase({ sql, memory }: LoadedSqlJs): OpenedDatabase {
  const db = new sql.Database();
  const exports = exportsOf(sql);
  const holder = db as unknown as Partial<{ db: unknown }>;
  if (!exports || !memory || typeof holder.db !== 'number') return { db, direct: null };
  const fileHandle = holder.db;
  const handle = openMemoryHandle(exports, memory);
  if (handle === null) return { db, direct: { exports, memory, handle: fileHandle } };
  holder.db = handle;
  // As sql.js does for every database it opens (its older math and string functions).
  exports._RegisterExtensionFunctions(handle);
  if (!isInMemory(db)) {
    holder.db = fileHandle;
    exports._sqlite3_close_v2(handle);
    return { db, direct: { exports, memory, handle: fileHandle } };
  }
  // Nothing was written to the file; Database.close() still removes it.
  exports._sqlite3_close_v2(fileHandle);
  return { db, direct: { exports, memory, handle } };
}
