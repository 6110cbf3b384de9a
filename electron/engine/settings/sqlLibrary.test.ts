import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SQL_SETTINGS, SAVED_QUERY_LIMIT, SQL_HISTORY_LIMIT } from '../../../shared/sql/sqlContract';
import { SqlLibraryStore } from './sqlLibrary';

const folder = (): string => mkdtempSync(join(tmpdir(), 'sql-library-'));

describe('SqlLibraryStore', () => {
  it('keeps history, saved queries and settings across restarts', async () => {
    const dir = folder();
    const first = new SqlLibraryStore(dir);
    await first.recordRun('SELECT 1', 1);
    await first.recordRun('SELECT count(*) FROM traffic', 2);
    await first.save({ name: 'busy', sql: 'SELECT * FROM traffic WHERE Total > 50' });
    await first.saveSettings({ retention: { maxRows: 5000, maxMinutes: 30 }, timeoutSeconds: 3 });

    const again = new SqlLibraryStore(dir);
    const library = await again.library();
    expect(library.history.map((entry) => entry.sql)).toEqual(['SELECT count(*) FROM traffic', 'SELECT 1']);
    expect(library.saved).toEqual([{ name: 'busy', sql: 'SELECT * FROM traffic WHERE Total > 50' }]);
    expect(await again.settings()).toEqual({ retention: { maxRows: 5000, maxMinutes: 30 }, timeoutSeconds: 3 });
  });

  it('moves a query run again to the top instead of listing it twice, and stays bounded', async () => {
    const store = new SqlLibraryStore(null);
    await store.recordRun('SELECT 1', 1);
    await store.recordRun('SELECT 2', 2);
    await store.recordRun('  SELECT 1  ', 3);
    expect((await store.library()).history).toEqual([
      { sql: 'SELECT 1', ranAt: 3 },
      { sql: 'SELECT 2', ranAt: 2 },
    ]);
    for (let i = 0; i < SQL_HISTORY_LIMIT + 20; i++) await store.recordRun(`SELECT ${i + 10}`, i + 10);
    const { history } = await store.library();
    expect(history).toHaveLength(SQL_HISTORY_LIMIT);
    expect(history[0]?.sql).toBe(`SELECT ${SQL_HISTORY_LIMIT + 29}`);
  });

  it('replaces a saved query of the same name and deletes by name', async () => {
    const store = new SqlLibraryStore(null);
    await store.save({ name: 'b', sql: 'SELECT 2' });
    await store.save({ name: 'a', sql: 'SELECT 1' });
    expect((await store.save({ name: 'b', sql: 'SELECT 3' })).saved).toEqual([
      { name: 'a', sql: 'SELECT 1' },
      { name: 'b', sql: 'SELECT 3' },
    ]);
    expect((await store.remove('a')).saved).toEqual([{ name: 'b', sql: 'SELECT 3' }]);
  });

  it('starts empty from a corrupt file and keeps the bad file beside it', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'sql-library.json'), '{"version": 1, "history": [oops');
    const store = new SqlLibraryStore(dir);
    expect(await store.library()).toEqual({ history: [], saved: [] });
    expect(await store.settings()).toEqual(DEFAULT_SQL_SETTINGS);
    expect(readdirSync(dir)).toContain('sql-library.json.bak');
  });

  it('keeps at most SAVED_QUERY_LIMIT saved queries, saying so, while a saved one can still be replaced', async () => {
    const store = new SqlLibraryStore(null);
    for (let i = 0; i < SAVED_QUERY_LIMIT; i++) await store.save({ name: `q${i}`, sql: `SELECT ${i}` });
    await expect(store.save({ name: 'one more', sql: 'SELECT 1' })).rejects.toThrow(`${SAVED_QUERY_LIMIT} queries are saved, the most the console keeps`);
    await store.save({ name: 'q7', sql: 'SELECT 70' });
    const saved = (await store.library()).saved;
    expect(saved).toHaveLength(SAVED_QUERY_LIMIT);
    expect(saved.find((query) => query.name === 'q7')?.sql).toBe('SELECT 70');
  });
});
