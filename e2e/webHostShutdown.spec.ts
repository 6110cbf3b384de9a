/**
 * `npm run web` stops promptly on SIGTERM even while a client holds a connection open: a request
 * whose headers never finish and an open engine socket. Node's own close would wait 60 s for the
 * half-sent request; a CI run once hung in exactly this teardown.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import WebSocket from 'ws';
import { socketUrl } from './hostSocketClient';
import { startWebHost, stopWebHost } from './webHostProcess';

test('the web host exits cleanly on SIGTERM within seconds while clients hold connections open', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tm-e2e-shutdown-'));
  const host = await startWebHost(dataDir);
  try {
    const { port } = new URL(host.url);
    const halfSent = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => halfSent.once('connect', () => resolve()));
    halfSent.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
    const engineSocket = new WebSocket(socketUrl(host.launchUrl), { origin: host.url.slice(0, -1) });
    await new Promise<void>((resolve, reject) => {
      engineSocket.once('open', () => resolve());
      engineSocket.once('error', reject);
    });

    // Past its 5 s deadline the host exits with 1 and says what it was still waiting for.
    const shutdown = await stopWebHost(host, 20_000);
    expect(shutdown.code, host.output()).toBe(0);
    halfSent.destroy();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
