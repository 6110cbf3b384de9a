import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SchemaOverrides } from '../../../shared/schema';
import { TempDir } from '../testing/trafficFixture';
import { SchemaMemory } from './schemaMemory';

const temp = new TempDir();
afterAll(() => temp.cleanup());

let dirs = 0;
const dataDir = (): string => {
  const dir = join(temp.path, `data-${++dirs}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

const HEADER = ['Time', 'Date', 'Day of the week', 'Total', 'Junction'];
const OTHER = ['timestamp', 'sensor', 'speed'];
const corrections: SchemaOverrides = { roles: { Junction: 'category', Total: 'measure' }, timeFormat: null, anchor: { year: 2025, month: 7 } };
const others: SchemaOverrides = { roles: { sensor: 'location' }, timeFormat: 'iso', anchor: null };

describe('SchemaMemory', () => {
  it('remembers corrections per header and recalls them in a new engine (from the file)', async () => {
    const dir = dataDir();
    const memory = new SchemaMemory(dir);
    expect(await memory.recall(HEADER)).toBeNull();
    await memory.remember(HEADER, corrections);
    await memory.remember(OTHER, others);
    expect(await memory.recall(HEADER)).toEqual(corrections);

    const later = new SchemaMemory(dir);
    expect(await later.recall(HEADER)).toEqual(corrections);
    expect(await later.recall(OTHER)).toEqual(others);
    // Only the exact header: another order, a missing or an extra column is another file.
    expect(await later.recall([...HEADER].reverse())).toBeNull();
    expect(await later.recall(HEADER.slice(0, -1))).toBeNull();
    expect(await later.recall([...HEADER, 'Extra'])).toBeNull();
    expect(JSON.parse(readFileSync(join(dir, 'schema-roles.json'), 'utf8'))).toMatchObject({ version: 1 });
  });

  it('replaces the corrections for a header, and forgets them on null', async () => {
    const dir = dataDir();
    const memory = new SchemaMemory(dir);
    await memory.remember(HEADER, corrections);
    const changed: SchemaOverrides = { ...corrections, roles: { Total: 'category' } };
    await memory.remember(HEADER, changed);
    expect(await new SchemaMemory(dir).recall(HEADER)).toEqual(changed);
    await memory.remember(HEADER, null);
    expect(await memory.recall(HEADER)).toBeNull();
    expect(await new SchemaMemory(dir).recall(HEADER)).toBeNull();
  });

  it.each([
    ['not JSON', '{"version": 1, "entr'],
    ['JSON of another shape', JSON.stringify({ version: 2, entries: [] })],
    ['an entry with an unknown role', JSON.stringify({ version: 1, entries: [{ header: HEADER, overrides: { roles: { Total: 'weird' }, timeFormat: null, anchor: null }, savedAt: 1 }] })],
    ['binary junk', Buffer.from([0xff, 0x00, 0x13, 0x37]).toString('latin1')],
    ['empty', ''],
  ])('treats a corrupt file (%s) as nothing remembered, without throwing, and can write over it', async (_what, content) => {
    const dir = dataDir();
    writeFileSync(join(dir, 'schema-roles.json'), content);
    const memory = new SchemaMemory(dir);
    await expect(memory.recall(HEADER)).resolves.toBeNull();
    await memory.remember(HEADER, corrections);
    expect(await new SchemaMemory(dir).recall(HEADER)).toEqual(corrections);
  });

  it('treats a missing file or folder as nothing remembered, and creates the folder on the first save', async () => {
    const dir = join(temp.path, 'not-yet', 'data');
    const memory = new SchemaMemory(dir);
    await expect(memory.recall(HEADER)).resolves.toBeNull();
    await memory.remember(HEADER, corrections);
    expect(await new SchemaMemory(dir).recall(HEADER)).toEqual(corrections);
  });

  it('treats a data folder that is a file as nothing remembered', async () => {
    const notADir = temp.write('x', 'a-file');
    await expect(new SchemaMemory(notADir).recall(HEADER)).resolves.toBeNull();
  });

  it('keeps corrections in memory only without a data folder', async () => {
    const memory = new SchemaMemory(null);
    await memory.remember(HEADER, corrections);
    expect(await memory.recall(HEADER)).toEqual(corrections);
    expect(await new SchemaMemory(null).recall(HEADER)).toBeNull();
  });

  it('keeps the newest 200 headers', async () => {
    const dir = dataDir();
    const memory = new SchemaMemory(dir);
    for (let i = 0; i < 205; i++) await memory.remember([`col${i}`], others);
    const later = new SchemaMemory(dir);
    expect(await later.recall(['col0'])).toBeNull();
    expect(await later.recall(['col4'])).toBeNull();
    expect(await later.recall(['col5'])).toEqual(others);
    expect(await later.recall(['col204'])).toEqual(others);
  });

  it('loses no header when several are remembered at once, before anything was loaded', async () => {
    const dir = dataDir();
    await new SchemaMemory(dir).remember(['kept'], others);
    const memory = new SchemaMemory(dir);
    const headers = Array.from({ length: 8 }, (_, i) => [`h${i}`]);
    await Promise.all(headers.map((header) => memory.remember(header, corrections)));
    const later = new SchemaMemory(dir);
    for (const header of headers) expect(await later.recall(header), header[0]).toEqual(corrections);
    expect(await later.recall(['kept'])).toEqual(others);
  });

  it('writes concurrent saves one after another, the last one winning', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'schema-roles.json'), JSON.stringify({ version: 1, entries: [] }));
    const memory = new SchemaMemory(dir);
    const variants: SchemaOverrides[] = Array.from({ length: 10 }, (_, i) => ({ ...others, anchor: { year: 2000 + i, month: 1 } }));
    await Promise.all(variants.map((variant) => memory.remember(OTHER, variant)));
    expect(await new SchemaMemory(dir).recall(OTHER)).toEqual(variants.at(-1));
  });
});
