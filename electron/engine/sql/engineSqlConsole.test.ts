/**
 * The SQL console through the engine's commands, with the real SQL worker: the live table fills
 * only once a console is open, takes the visible session's rows, and answers queries during and
 * after a replay with counts that match the replay's.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ViewUpdate } from '../../../shared/contract';
import { Engine } from '../engine';
import { writeTsWorkerEntry } from '../testing/tsWorkerEntry';
import { trafficCsv, trafficRows } from '../testing/trafficFixture';

let dir: string;
/** The sql worker's script, run from its TypeScript source. */
let workerScript: string;
const engines: Engine[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'engine-sql-'));
  workerScript = writeTsWorkerEntry(dir, join(__dirname, 'sqlWorker.ts'));
});

afterEach(() => {
  for (const engine of engines.splice(0)) engine.stop();
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function writeTrafficFixture(path: string, rows: number): string {
  writeFileSync(path, trafficCsv(trafficRows(rows)));
  return path;
}

function newEngine(): Engine {
  const engine = new Engine({ workerScripts: { sql: workerScript }, sampleCsvPath: '', dataDir: mkdtempSync(join(dir, 'data-')), onViewUpdate: () => undefined });
  engines.push(engine);
  return engine;
}

async function until(engine: Engine, condition: (view: ViewUpdate) => boolean, what: string): Promise<ViewUpdate> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const view = engine.view(false);
    if (condition(view)) return view;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(view.sql)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const FAST = { pace: { mode: 'fast' }, limits: { durationSeconds: null, rows: null, loop: false } } as const;

describe('SQL console through the engine', () => {
  it('leaves the table off until a console opens, then holds every row of the next replay', async () => {
    const engine = newEngine();
    const csv = writeTrafficFixture(join(dir, 'a.csv'), 3000);
    await engine.handle('file:open', { path: csv });
    await engine.handle('replay:start', FAST);
    let view = await until(engine, (v) => v.replay.state === 'finished', 'the first replay');
    expect(view.sql.state).toBe('off');
    expect(view.sql.rowsInserted + view.sql.rowsPending).toBe(0);

    await engine.handle('sql:open', {});
    await engine.handle('replay:start', FAST);
    view = await until(engine, (v) => v.replay.state === 'finished' && v.sql.rowsPending === 0 && v.sql.rowsInserted === v.replay.rowsAccepted, 'the table to catch up');
    expect(view.sql.state).toBe('ready');
    expect(view.sql.rowsHeld).toBe(view.replay.rowsAccepted);
    // The threshold stage counted Total > 50 on the same rows: the table must agree with it.
    await engine.handle('threshold:set', { column: 'Total', operator: '>', value: 50 });
    const passing = engine.view(false).threshold.passing;
    const result = await engine.handle('sql:run', { sql: 'SELECT count(*) AS n, sum(Total > 50) AS passing FROM traffic', pageSize: 10 });
    expect(result).toMatchObject({ status: 'rows', rows: [[view.replay.rowsAccepted, passing]] });
  });

  it('refuses to change the live table and keeps history across engines on the same data folder', async () => {
    const engine = newEngine();
    const csv = writeTrafficFixture(join(dir, 'b.csv'), 500);
    await engine.handle('sql:open', {});
    await engine.handle('file:open', { path: csv });
    await engine.handle('replay:start', FAST);
    const view = await until(engine, (v) => v.replay.state === 'finished' && v.sql.rowsInserted === v.replay.rowsAccepted, 'the table to fill');
    const refused = await engine.handle('sql:run', { sql: 'DELETE FROM traffic', pageSize: 10 });
    expect(refused.status).toBe('error');
    const count = await engine.handle('sql:run', { sql: 'SELECT count(*) FROM traffic', pageSize: 10 });
    expect(count).toMatchObject({ status: 'rows', rows: [[view.replay.rowsAccepted]] });
    const library = await engine.handle('sql:library', {});
    expect(library.history.map((entry) => entry.sql)).toEqual(['SELECT count(*) FROM traffic', 'DELETE FROM traffic']);
  });
});
