/**
 * A result can hold values of any size (SQLite's printf makes a 270-million-character one in a
 * second). What crosses to the page is bounded: cells cut with their length, pages cut by size.
 * Through the engine with the real SQL worker, as the page asks; export with real sql.js and a real file.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SQL_CELL_MAX_CHARS, SQL_PAGE_MAX_CHARS, type SqlCell, type SqlResult } from '../../../shared/sql/sqlContract';
import { Engine } from '../engine';
import { writeTsWorkerEntry } from '../testing/tsWorkerEntry';
import { LiveDatabase } from './liveDatabase';
import { sqlWasmPath } from './sqlWasmPath';
import { StopFlags } from './stopFlags';

let dir: string;
/** The sql worker's script, run from its TypeScript source. */
let workerScript: string;
const engines: Engine[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sql-limits-'));
  workerScript = writeTsWorkerEntry(dir, join(__dirname, 'sqlWorker.ts'));
});

afterEach(() => {
  for (const engine of engines.splice(0)) engine.stop();
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function newEngine(): Engine {
  const engine = new Engine({ workerScripts: { sql: workerScript }, sampleCsvPath: '', dataDir: mkdtempSync(join(dir, 'data-')), onViewUpdate: () => undefined });
  engines.push(engine);
  return engine;
}

/** What the web host would send: the reply as JSON (this is where a 540-million-character reply threw). */
function replyText(value: unknown): string {
  return JSON.stringify({ ok: true, value });
}

function rowsOf(result: SqlResult): SqlCell[][] {
  if (result.status !== 'rows') throw new Error(`expected rows, got ${replyText(result)}`);
  return result.rows;
}

describe('result size limits', () => {
  it('answers two 270-million-character values cut to a cell each, with their full lengths, in a reply under the page size', async () => {
    const engine = newEngine();
    const sql = "SELECT printf('%.*c', 270000000, 'x') AS a, printf('%.*c', 270000000, 'y') AS b, printf('%.*c', 50000, 'é') AS c, 7 AS n";
    const result = await engine.handle('sql:run', { sql, pageSize: 200 });
    const [row] = rowsOf(result);
    expect(row).toEqual([
      { truncated: true, text: 'x'.repeat(SQL_CELL_MAX_CHARS), length: 270_000_000 },
      { truncated: true, text: 'y'.repeat(SQL_CELL_MAX_CHARS), length: 270_000_000 },
      // Lengths count characters, not UTF-8 bytes.
      { truncated: true, text: 'é'.repeat(SQL_CELL_MAX_CHARS), length: 50_000 },
      7,
    ]);
    expect(replyText(result).length).toBeLessThan(SQL_PAGE_MAX_CHARS);
    // The same row paged again is cut the same way, and the engine still answers.
    const page = await engine.handle('sql:page', { queryId: result.queryId, offset: 0, limit: 10 });
    expect(page.rows).toEqual([row]);
    expect(rowsOf(await engine.handle('sql:run', { sql: 'SELECT 1 + 1', pageSize: 10 }))).toEqual([[2]]);
  });

  it('carries fewer rows in a page when rows are big, and the next page goes on from where it stopped', async () => {
    const engine = newEngine();
    const sql =
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) SELECT i, printf('%.*c', 9000, 'y') AS a, printf('%.*c', 9000, 'z') AS b FROM n";
    const result = await engine.handle('sql:run', { sql, pageSize: 1000 });
    const first = rowsOf(result);
    // 1,000 rows of 18,000 characters would be an 18 MB reply.
    expect(first.length).toBeGreaterThan(10);
    expect(first.length).toBeLessThan(1000);
    expect(replyText(result).length).toBeLessThanOrEqual(SQL_PAGE_MAX_CHARS);
    expect(first.map((r) => r[0])).toEqual(Array.from({ length: first.length }, (_, i) => i + 1));

    let seen = first.length;
    while (seen < 1000) {
      const page = await engine.handle('sql:page', { queryId: result.queryId, offset: seen, limit: 1000 });
      expect(page.rows.length).toBeGreaterThan(0);
      expect(replyText(page).length).toBeLessThanOrEqual(SQL_PAGE_MAX_CHARS);
      expect(page.rows[0]?.[0]).toBe(seen + 1);
      seen += page.rows.length;
    }
    expect(seen).toBe(1000);
  });

  it('cuts every cell of a very wide row so the row still fits in one page', async () => {
    const engine = newEngine();
    const columns = Array.from({ length: 1500 }, (_, i) => `printf('%.*c', 5000, 'w') AS c${i}`).join(', ');
    const result = await engine.handle('sql:run', { sql: `SELECT ${columns}`, pageSize: 10 });
    const [row] = rowsOf(result);
    expect(row).toHaveLength(1500);
    expect(row?.[0]).toMatchObject({ truncated: true, length: 5000 });
    expect(replyText(result).length).toBeLessThanOrEqual(SQL_PAGE_MAX_CHARS);
  });
});

describe('export of huge values', () => {
  it('writes two 270-million-character values whole, quoted, without building them as one string', async () => {
    const flags = new StopFlags();
    const db = await LiveDatabase.load(sqlWasmPath(), flags);
    const path = join(dir, 'big.csv');
    try {
      const sql = `SELECT 'say "hi"' || printf('%.*c', 270000000, 'x') AS a, printf('%.*c', 270000000, 'y') AS b, 'end' AS c`;
      const outcome = await db.exportCsv({ jobId: 1, sql, path });
      expect(outcome).toEqual({ ok: true, rows: 1 });
      const header = 'a,b,c\r\n';
      const first = '"say ""hi""' + 'x'.repeat(270_000_000) + '"';
      const second = '"' + 'y'.repeat(270_000_000) + '"';
      expect(statSync(path).size).toBe(header.length + first.length + 1 + second.length + ',end\r\n'.length);
      const fd = openSync(path, 'r');
      try {
        const head = Buffer.alloc(32);
        readSync(fd, head, 0, head.length, 0);
        expect(head.toString('utf8')).toBe(`${header}${first.slice(0, 32 - header.length)}`);
        const tail = Buffer.alloc(10);
        readSync(fd, tail, 0, tail.length, statSync(path).size - tail.length);
        expect(tail.toString('utf8')).toBe('yyy",end\r\n');
      } finally {
        closeSync(fd);
      }
    } finally {
      db.close();
      rmSync(path, { force: true });
    }
  });
});
