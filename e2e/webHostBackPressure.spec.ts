/**
 * Nothing a client asks for can make the host hold unbounded memory for it: replies count against
 * the same per-client limit as view updates, a client that stops reading is disconnected with a
 * reason, and only a handful of clients may connect at once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { encodeInvoke } from '../shared/socketProtocol';
import { closeOf, invokeOver, openSocket, socketUrl } from './hostSocketClient';
import { expect, test } from './fixtures';
import { residentMegabytes, startWebHost, stopWebHost, type WebHostProcess } from './webHostProcess';

/** Runs `body` against a host of its own, so its memory can be read and its options set. */
async function withHost(options: readonly string[], body: (host: WebHostProcess) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tm-pressure-'));
  const host = await startWebHost(dataDir, options);
  try {
    await body(host);
    expect(host.child.exitCode, host.output()).toBeNull();
  } finally {
    const shutdown = await stopWebHost(host);
    rmSync(dataDir, { recursive: true, force: true });
    expect(shutdown.code, host.output()).toBe(0);
  }
}

const REQUESTS = 20_000;
/** Far above what the host needs (about 100 MB idle); today's host passed it within seconds. */
const RSS_CEILING_MB = 700;

// Playwright requires an object pattern even when a test uses no fixture.
// eslint-disable-next-line no-empty-pattern
test('a client that floods requests and never reads is disconnected with a reason; memory stays bounded', async ({}, testInfo) => {
  test.setTimeout(90_000);
  await withHost([], async (host) => {
    const pid = host.child.pid as number;
    const good = await openSocket(host.launchUrl);
    expect(await invokeOver(good, 'file:openSample', {})).toMatchObject({ ok: true });
    const before = residentMegabytes(pid);

    const flooder = await openSocket(host.launchUrl);
    const closed = closeOf(flooder);
    flooder.pause();
    const request = (id: number): string => encodeInvoke(id, 'session:snapshot', {});
    for (let id = 1; id <= REQUESTS; id++) flooder.send(request(id));

    let peak = before;
    const disconnected = (): boolean => host.output().includes('Disconnected a WebSocket client');
    for (let waited = 0; waited < 30_000 && !disconnected(); waited += 250) {
      peak = Math.max(peak, residentMegabytes(pid));
      // Today's host would go on until the machine runs out of memory; stop it long before.
      if (peak > RSS_CEILING_MB * 2) host.child.kill('SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(disconnected(), host.output()).toBe(true);
    expect(await invokeOver(good, 'session:snapshot', {})).toMatchObject({ ok: true });
    flooder.resume();
    const { code, reason } = await closed;
    testInfo.annotations.push({ type: 'memory', description: `host RSS ${before} MB before the flood, peak ${peak} MB` });
    console.warn(`back-pressure: host RSS ${before} MB before the flood, peak ${peak} MB`);
    expect(code).toBe(1008);
    expect(reason).toMatch(/^fell too far behind: over 8 MB of replies unread$/);
    expect(peak).toBeLessThan(RSS_CEILING_MB);
    good.close();
  });
});

// eslint-disable-next-line no-empty-pattern
test('only as many clients as configured may connect; the next is told why, and a freed place is taken again', async ({}) => {
  await withHost(['--max-clients', '3'], async (host) => {
    const clients = await Promise.all([1, 2, 3].map(() => openSocket(host.launchUrl)));
    const refused = await new Promise<{ status: number; body: string }>((resolve) => {
      const socket = new WebSocket(socketUrl(host.launchUrl));
      socket.once('unexpected-response', (_request, response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      socket.once('error', () => undefined);
    });
    expect(refused).toEqual({ status: 503, body: 'Traffic Monitor serves at most 3 connections at once; close another tab first.' });

    const first = clients[0] as WebSocket;
    const gone = closeOf(first);
    first.close();
    await gone;
    const next = await openSocket(host.launchUrl);
    expect(await invokeOver(next, 'session:snapshot', {})).toMatchObject({ ok: true });
    for (const client of [...clients.slice(1), next]) client.close();
  });
});
