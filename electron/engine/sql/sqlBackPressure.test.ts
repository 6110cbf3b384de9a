/**
 * A replay at full speed outruns a slow SQL worker (the real worker, slowed on purpose: see
 * testing/slowSqlWorker.ts; the real one runs at background priority and falls behind on a busy
 * machine). The replay must wait for it rather than let the batches in flight grow with the file,
 * every row must still reach the table, and a query must never hold the replay up.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { SqlTableView } from '../../../shared/sql/sqlContract';
import type { TrafficRecord } from '../../../shared/records';
import { EmbeddedBus } from '../bus/embeddedBus';
import { embeddedBinding, ReplaySession } from '../replay';
import { SLOW_ROW_US } from '../testing/slowAnalysisCost';
import { openFixture, TempDir, trafficCsv, trafficRows } from '../testing/trafficFixture';
import { writeTsWorkerEntry } from '../testing/tsWorkerEntry';
import { LiveTable } from './liveTable';

const temp = new TempDir();
const tables: LiveTable[] = [];
const sessions: ReplaySession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
  for (const table of tables.splice(0)) table.dispose();
});
afterAll(() => temp.cleanup());

const ROWS = 60_000;
const MAX_WAITING = 1_500;
/** The consumer reads at most this many rows at a time (its POLL_BATCH): the bound can be overshot by one read. */
const ONE_READ = 20_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
/** Rows posted to the worker and not yet in the table. */
const waiting = (view: SqlTableView): number => view.rowsPending;

async function slowTable(): Promise<LiveTable> {
  const table = new LiveTable({ onChange: () => undefined, worker: { workerPath: writeTsWorkerEntry(temp.path, join(__dirname, '..', 'testing', 'slowSqlWorker.ts')) }, maxWaiting: MAX_WAITING });
  tables.push(table);
  return table;
}

async function replayInto(table: LiveTable, rows: number): Promise<ReplaySession> {
  const path = join(temp.path, `slow-${rows}.csv`);
  writeFileSync(path, trafficCsv(trafficRows(rows, 3)));
  const session = new ReplaySession(await openFixture(path), embeddedBinding(new EmbeddedBus<TrafficRecord>()), () => undefined);
  sessions.push(session);
  session.stages.attachSink(table);
  return session;
}

async function untilInserted(table: LiveTable, rows: number): Promise<SqlTableView> {
  const deadline = Date.now() + 30_000;
  while (table.view().rowsHeld < rows && Date.now() < deadline) await sleep(20);
  return table.view();
}

describe('the SQL worker falling behind a full-speed replay', () => {
  it('holds the replay at the bound, so rows waiting stay bounded, and inserts every row once it catches up', async () => {
    const table = await slowTable();
    const session = await replayInto(table, ROWS);
    let mostWaiting = 0;
    const started = performance.now();
    session.start({ mode: 'fast' }, { durationSeconds: null, rows: null, loop: false });
    while (session.progress().state !== 'finished') {
      mostWaiting = Math.max(mostWaiting, waiting(table.view()));
      await sleep(2);
    }
    const replaySeconds = (performance.now() - started) / 1000;

    // Without the hold most of the file would be waiting: the replay is far faster than the slowed worker.
    expect(mostWaiting).toBeGreaterThan(0);
    expect(mostWaiting).toBeLessThanOrEqual(MAX_WAITING + ONE_READ);
    // The replay cannot have finished before the worker was within MAX_WAITING rows of the end.
    expect(replaySeconds).toBeGreaterThan(((ROWS - MAX_WAITING) * SLOW_ROW_US) / 1e6);

    const last = await untilInserted(table, ROWS);
    expect(last.rowsHeld).toBe(ROWS);
    expect(waiting(last)).toBe(0);
  }, 60_000);

  it('does not hold the replay while a query is pending: the rows wait and all arrive after it', async () => {
    const table = await slowTable();
    const session = await replayInto(table, 20_000);
    // A query that runs for a while (a recursive count to ten million) occupies the worker as the replay starts.
    const answer = table.run('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000) SELECT count(*) FROM n', 100);
    await sleep(50);
    session.start({ mode: 'fast' }, { durationSeconds: null, rows: null, loop: false });
    while (session.progress().state !== 'finished') await sleep(2);
    // The replay ran past the bound while the query held the worker.
    const atEnd = table.view();
    expect(atEnd.rowsHeld + waiting(atEnd)).toBe(20_000);
    expect(waiting(atEnd)).toBeGreaterThan(MAX_WAITING);
    await answer;
    expect((await untilInserted(table, 20_000)).rowsHeld).toBe(20_000);
  }, 60_000);
});
