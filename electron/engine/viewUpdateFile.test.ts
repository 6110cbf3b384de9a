/**
 * A view update carries the file's description only when it changed: with a 20,000-column file
 * open, the description (its columns and preview rows) is megabytes, and used to ride along on
 * every update to every window. The sizes here are measured on the JSON the web host sends.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ViewUpdate } from '../../shared/contract';
import { Engine } from './engine';

const COLUMNS = 20_000;
let dir: string;
let path: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'view-file-'));
  path = join(dir, 'wide.csv');
  const header = Array.from({ length: COLUMNS }, (_, i) => `sensor_${i}`).join(',');
  const rows = Array.from({ length: 20 }, (_, r) => Array.from({ length: COLUMNS }, (_, i) => (r * 7 + i) % 100).join(','));
  writeFileSync(path, `${[header, ...rows].join('\n')}\n`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('view updates and the file description', () => {
  it('sends a wide file once, then updates without it until it changes; a snapshot always has it', async () => {
    const updates: ViewUpdate[] = [];
    const engine = new Engine({ sampleCsvPath: path, dataDir: mkdtempSync(join(dir, 'data-')), onViewUpdate: (view) => updates.push(view) });
    try {
      await engine.handle('file:open', { path });
      const first = engine.view(false);
      expect(first.file?.columns).toHaveLength(COLUMNS);
      const descriptionBytes = JSON.stringify(first.file).length;
      expect(descriptionBytes).toBeGreaterThan(1_000_000);

      // Nothing changed: later updates leave the description out and are a small fraction of it.
      const second = engine.view(false);
      expect('file' in second).toBe(false);
      expect(JSON.stringify(second).length).toBeLessThan(descriptionBytes / 10);

      // A window that connects gets it whole.
      expect(engine.view(true).file?.name).toBe('wide.csv');
      expect('file' in engine.view(false)).toBe(false);

      // A replay that widens the time range or a change of roles changes it: it comes again, once.
      const before = engine.view(true).file;
      await engine.handle('schema:apply', { overrides: { roles: { sensor_0: 'location' }, timeFormat: null, anchor: null }, remember: false });
      const changed = engine.view(false);
      expect(changed.file).not.toBe(before);
      expect(changed.file?.location).toBe('sensor_0');
      expect('file' in engine.view(false)).toBe(false);
    } finally {
      engine.stop();
    }
  }, 60_000);
});
