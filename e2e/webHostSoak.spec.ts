/**
 * Soak: 50 clients that behave like pages stay on a host for a minute while the sample replays in
 * a loop at full speed. The host must stay up, keep every client served, keep its replay counts
 * consistent, and keep its memory bounded (no growth once warmed up).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type WebSocket from 'ws';
import { parseServerMessage } from '../shared/socketProtocol';
import { invokeOver, openSocket } from './hostSocketClient';
import { expect, test } from './fixtures';
import { residentMegabytes, startWebHost, stopWebHost } from './webHostProcess';

const CLIENTS = 50;
/** Clients that also send requests now and then, as a page does when it (re)draws a panel. */
const REQUESTERS = 5;
/** Clients that read in bursts with pauses, as a busy or backgrounded tab does. */
const SLOW_READERS = 5;
const RUN_SECONDS = 60;
/** RSS at this second is the baseline: the engine, the table and the sockets have warmed up. */
const WARM_SECOND = 20;
/** Over the last 20 s RSS may exceed the baseline by no more than this (GC timing and caches). */
const GROWTH_MARGIN_MB = 150;
const ABSOLUTE_CAP_MB = 1536;
/** A page that reads what it is sent gets a view update at least this often during a replay. */
const MAX_UPDATE_GAP_MS = 5_000;

interface ReplayProgress {
  state: string;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsConsumed: number;
  loop: number;
}

type Role = 'reader' | 'requester' | 'slow';

interface Client {
  role: Role;
  socket: WebSocket;
  updates: number;
  lastUpdateAt: number;
  maxGapMs: number;
  closed: string | null;
  requestsAnswered: number;
  requestsFailed: string[];
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function roleOf(index: number): Role {
  if (index < REQUESTERS) return 'requester';
  if (index < REQUESTERS + SLOW_READERS) return 'slow';
  return 'reader';
}

/** A page's socket: every message is read and parsed; view updates are counted and their gaps timed. */
async function connect(launchUrl: string, role: Role): Promise<Client> {
  const socket = await openSocket(launchUrl);
  const client: Client = { role, socket, updates: 0, lastUpdateAt: Date.now(), maxGapMs: 0, closed: null, requestsAnswered: 0, requestsFailed: [] };
  socket.on('message', (data) => {
    const message = parseServerMessage(String(data));
    if (message?.type !== 'event' || message.name !== 'view:update') return;
    const now = Date.now();
    client.maxGapMs = Math.max(client.maxGapMs, now - client.lastUpdateAt);
    client.lastUpdateAt = now;
    client.updates++;
  });
  socket.on('close', (code, reason) => (client.closed = `${code} ${reason.toString()}`));
  socket.on('error', () => undefined);
  return client;
}

// Playwright requires an object pattern even when a test uses no fixture.
// eslint-disable-next-line no-empty-pattern
test('soak: 50 clients for a minute of looping full-speed replay; the host stays up, serves them all, and its memory stays bounded', async ({}, testInfo) => {
  test.skip(process.platform !== 'linux', 'samples the host RSS from /proc/<pid>/status, which only Linux has');
  test.setTimeout(90_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'tm-soak-'));
  const host = await startWebHost(dataDir, ['--max-clients', '64']);
  const pid = host.child.pid as number;
  const clients: Client[] = [];
  const rss: { second: number; mb: number }[] = [];
  let running = true;
  try {
    clients.push(...(await Promise.all(Array.from({ length: CLIENTS }, (_, i) => connect(host.launchUrl, roleOf(i))))));
    const driver = (clients[0] as Client).socket;
    expect(await invokeOver(driver, 'file:openSample', {})).toMatchObject({ ok: true });
    const start = { pace: { mode: 'fast' }, limits: { durationSeconds: null, rows: null, loop: true } };
    expect(await invokeOver(driver, 'replay:start', start)).toMatchObject({ ok: true });
    const startedAt = Date.now();
    for (const client of clients) client.lastUpdateAt = startedAt;

    const requester = async (client: Client, index: number): Promise<void> => {
      await sleep(200 * index);
      while (running) {
        try {
          const reply = await invokeOver<{ replay: ReplayProgress }>(client.socket, 'session:snapshot', {}, 15_000);
          if (reply.ok) client.requestsAnswered++;
          else client.requestsFailed.push(JSON.stringify(reply));
        } catch (error) {
          client.requestsFailed.push((error as Error).message);
        }
        await sleep(1_000 + 250 * index);
      }
    };
    const slowReader = async (client: Client, index: number): Promise<void> => {
      await sleep(300 * index);
      while (running) {
        client.socket.pause();
        await sleep(3_000);
        client.socket.resume();
        await sleep(500);
      }
    };
    const sampler = async (): Promise<void> => {
      for (let second = 1; second <= RUN_SECONDS; second++) {
        await sleep(startedAt + second * 1_000 - Date.now());
        expect(host.child.exitCode, `host exited at ${second} s:\n${host.output()}`).toBeNull();
        rss.push({ second, mb: residentMegabytes(pid) });
      }
      running = false;
    };
    await Promise.all([
      sampler(),
      ...clients.filter((c) => c.role === 'requester').map(requester),
      ...clients.filter((c) => c.role === 'slow').map(slowReader),
    ]);
    const endedAt = Date.now();

    // The end of the run counts as a gap too: a client that stopped getting updates shows here.
    for (const client of clients) client.maxGapMs = Math.max(client.maxGapMs, endedAt - client.lastUpdateAt);
    expect(host.child.exitCode, host.output()).toBeNull();

    expect(await invokeOver(driver, 'replay:pause', {})).toMatchObject({ ok: true });
    let replay: ReplayProgress | undefined;
    await expect
      .poll(
        async () => {
          replay = (await invokeOver<{ replay: ReplayProgress }>(driver, 'session:snapshot', {})).value?.replay;
          return replay && replay.rowsRead === replay.rowsAccepted + replay.rowsRejected && replay.rowsConsumed === replay.rowsAccepted;
        },
        { timeout: 10_000, message: `replay counts never reconciled: ${JSON.stringify(replay)}` },
      )
      .toBe(true);

    const baseline = rss.find((sample) => sample.second === WARM_SECOND)?.mb ?? NaN;
    const lastTwenty = rss.filter((sample) => sample.second > RUN_SECONDS - 20).map((sample) => sample.mb);
    const peak = Math.max(...rss.map((sample) => sample.mb));
    const lateMax = Math.max(...lastTwenty);
    const wellBehaved = clients.filter((c) => c.role !== 'slow');
    const slow = clients.filter((c) => c.role === 'slow');
    const updates = wellBehaved.map((c) => c.updates);
    const summary = [
      `${CLIENTS} clients (${REQUESTERS} requesting, ${SLOW_READERS} slow) for ${RUN_SECONDS} s`,
      `replay ${replay?.rowsRead} rows read (${replay?.rowsAccepted} accepted, ${replay?.rowsRejected} rejected, ${replay?.rowsConsumed} consumed), ${replay?.loop} loops`,
      `host RSS ${rss[0]?.mb} MB at 1 s, ${baseline} MB at ${WARM_SECOND} s, max ${lateMax} MB in the last 20 s (+${lateMax - baseline} MB), peak ${peak} MB, ${rss.at(-1)?.mb} MB at the end`,
      `view updates per well-behaved client ${Math.min(...updates)}–${Math.max(...updates)}, longest gap ${Math.max(...wellBehaved.map((c) => c.maxGapMs))} ms; slow readers ${Math.min(...slow.map((c) => c.updates))}–${Math.max(...slow.map((c) => c.updates))}`,
      `snapshots answered ${clients.reduce((sum, c) => sum + c.requestsAnswered, 0)}`,
    ].join('; ');
    testInfo.annotations.push({ type: 'soak', description: summary });
    console.warn(`soak: ${summary}\nsoak RSS per second (MB): ${rss.map((sample) => sample.mb).join(' ')}`);

    for (const client of clients) expect(client.closed, `${client.role} client closed`).toBeNull();
    for (const client of wellBehaved) {
      expect(client.maxGapMs, `${client.role} client went without view updates`).toBeLessThan(MAX_UPDATE_GAP_MS);
      expect(client.requestsFailed, `${client.role} client's requests`).toEqual([]);
    }
    for (const client of slow) expect(client.updates, 'a slow reader got no view updates').toBeGreaterThan(0);
    for (const client of clients.filter((c) => c.role === 'requester')) expect(client.requestsAnswered).toBeGreaterThan(10);
    expect(rss).toHaveLength(RUN_SECONDS);
    expect(lateMax - baseline, `RSS grew after ${WARM_SECOND} s: ${rss.map((sample) => sample.mb).join(' ')}`).toBeLessThanOrEqual(GROWTH_MARGIN_MB);
    expect(peak).toBeLessThanOrEqual(ABSOLUTE_CAP_MB);
  } finally {
    running = false;
    for (const client of clients) client.socket.terminate();
    const shutdown = await stopWebHost(host);
    rmSync(dataDir, { recursive: true, force: true });
    expect(shutdown.code, host.output()).toBe(0);
  }
});
