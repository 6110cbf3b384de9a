/**
 * An encoding chosen in Edit roles is remembered with the roles, under the header as read in the
 * detected encoding: tomorrow's export with the same columns opens in the chosen encoding, even
 * when the header itself reads differently in it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Engine } from './engine';

const SAMPLE = resolve(__dirname, '../../sample-data/traffic-sample.csv');
const dir = mkdtempSync(join(tmpdir(), 'remembered-encoding-'));
const engines: Engine[] = [];

afterEach(() => {
  for (const engine of engines.splice(0)) engine.stop();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A Latin-1 export whose header holds an umlaut, as a Windows-1252 file reads it. */
function latin1Export(name: string, slots: number): string {
  const lines = ['Zeit;Zählstelle;Kfz'];
  for (let slot = 0; slot < slots; slot++) lines.push(`${new Date(Date.UTC(2026, 9, 1) + slot * 900_000).toISOString()};Süd;${slot}`);
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(`${lines.join('\n')}\n`, 'latin1'));
  return path;
}

describe('a chosen encoding', () => {
  it('is remembered for the next file with the same header, and forgotten on Back to inferred', async () => {
    const engine = new Engine({ sampleCsvPath: SAMPLE, dataDir: mkdtempSync(join(dir, 'data-')), onViewUpdate: () => undefined });
    engines.push(engine);
    const today = await engine.handle('file:open', { path: latin1Export('today.csv', 10) });
    expect(today.encoding).toEqual({ name: 'windows-1252', chosen: false });
    expect(today.columns.map((column) => column.name)).toEqual(['Zeit', 'Zählstelle', 'Kfz']);

    const roles = Object.fromEntries(today.columns.map((column) => [column.name, column.role]));
    const chosen = await engine.handle('schema:apply', { overrides: { roles, timeFormat: null, anchor: null, encoding: 'utf-8' }, remember: true });
    expect(chosen.encoding).toEqual({ name: 'utf-8', chosen: true });
    expect(chosen.columns[1]?.name).toBe('Z\uFFFDhlstelle');

    const tomorrow = await engine.handle('file:open', { path: latin1Export('tomorrow.csv', 20) });
    expect(tomorrow.encoding).toEqual({ name: 'utf-8', chosen: true });
    expect(tomorrow.rolesRemembered).toBe(true);

    const reset = await engine.handle('schema:reset', undefined);
    expect(reset.encoding).toEqual({ name: 'windows-1252', chosen: false });
    const next = await engine.handle('file:open', { path: latin1Export('next.csv', 5) });
    expect(next.encoding).toEqual({ name: 'windows-1252', chosen: false });
    expect(next.rolesRemembered).toBe(false);
  });
});
