import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqlWasmPath } from './sqlWasmPath';

describe('sqlWasmPath', () => {
  it('finds the wasm file sql.js ships, in development', () => {
    const path = sqlWasmPath();
    expect(path.endsWith(join('sql.js', 'dist', 'sql-wasm.wasm'))).toBe(true);
    expect(existsSync(path)).toBe(true);
  });

  it('uses the unpacked copy beside app.asar in the packaged layout', () => {
    const packed = join('/opt', 'Traffic Monitor', 'resources', 'app.asar', 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm');
    const unpacked = packed.replace('app.asar', 'app.asar.unpacked');
    expect(sqlWasmPath(() => packed, (candidate) => candidate === unpacked)).toBe(unpacked);
    // Not unpacked (a build without asarUnpack): the asar path is all there is.
    expect(sqlWasmPath(() => packed, () => false)).toBe(packed);
  });
});
