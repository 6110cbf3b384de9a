/**
 * Where sql.js's wasm file is. In development it sits in node_modules; in the packaged app
 * node_modules is inside app.asar and electron-builder unpacks sql.js beside it (asarUnpack),
 * because a worker thread reads the file with plain fs.
 */
import { existsSync } from 'node:fs';
import { sep } from 'node:path';

export function sqlWasmPath(resolve: (request: string) => string = require.resolve, exists: (path: string) => boolean = existsSync): string {
  const path = resolve('sql.js/dist/sql-wasm.wasm');
  const packed = `${sep}app.asar${sep}`;
  if (!path.includes(packed)) return path;
  const unpacked = path.replace(packed, `${sep}app.asar.unpacked${sep}`);
  return exists(unpacked) ? unpacked : path;
}
