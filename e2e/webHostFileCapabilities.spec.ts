/**
 * A program holding the secret still cannot make the web host read or write a file of its choice:
 * commands from the socket may name only paths the host issued for uploads, saving goes through
 * downloads, and a file that fails to parse as what it was opened as is never quoted back.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type WebSocket from 'ws';
import { invokeOver, openSocket } from './hostSocketClient';
import { expect, test } from './fixtures';

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
const call = (socket: WebSocket, name: string, args: unknown): Promise<Reply> => invokeOver(socket, name, args) as Promise<Reply>;

async function upload(launchUrl: string, name: string, text: string): Promise<string> {
  const url = new URL('/api/upload', launchUrl);
  url.search = new URL(launchUrl).search;
  url.searchParams.set('name', name);
  const response = await fetch(url, { method: 'POST', body: text });
  expect(response.status).toBe(200);
  return ((await response.json()) as { path: string }).path;
}

test('socket commands may not name a path the host did not issue for an upload, nor save anywhere', async ({ webApp }) => {
  const outside = mkdtempSync(join(tmpdir(), 'tm-outside-'));
  const socket = await openSocket(webApp.launchUrl);
  try {
    for (const [name, args] of [
      ['file:open', { path: '/etc/passwd' }],
      ['graph:loadNetwork', { path: '/etc/passwd' }],
      ['file:open', { path: join(webApp.dataDir, 'uploads', '..', 'kafka-profiles.json') }],
    ] as const) {
      expect(await call(socket, name, args)).toEqual({
        ok: false,
        error: { code: 'INVALID_ARGS', message: 'In the browser, files are opened by uploading them; this path was not uploaded to this host.' },
      });
    }
    const script = join(outside, 'written.sh');
    for (const [name, args] of [
      ['rejected:save', { path: script }],
      ['sql:export', { queryId: 1, path: script }],
    ] as const) {
      expect(await call(socket, name, args)).toMatchObject({ ok: false, error: { message: 'In the browser, results are saved as downloads; this command is not available to the page.' } });
    }
    expect(existsSync(script)).toBe(false);

    // The desktop shell's own commands are refused by the host itself: none reaches the engine.
    for (const name of ['file:showOpenDialog', 'rejected:showSaveDialog', 'graph:showNetworkDialog', 'predict:showHistoryDialog', 'shell:setTheme']) {
      expect(await call(socket, name, name === 'shell:setTheme' ? { theme: 'dark' } : {}), name).toMatchObject({
        ok: false,
        error: { code: 'NOT_SUPPORTED', message: expect.stringMatching(/exists only in the desktop app/) },
      });
    }

    const uploaded = await upload(webApp.launchUrl, 'counts.csv', 'time,site,count\n2026-01-01T00:00:00Z,A,3\n');
    expect(await call(socket, 'file:open', { path: uploaded })).toMatchObject({ ok: true });
  } finally {
    socket.close();
    rmSync(outside, { recursive: true, force: true });
  }
});

test('a file that is no road network is not quoted back in the error', async ({ webApp }) => {
  const socket = await openSocket(webApp.launchUrl);
  expect(await call(socket, 'graph:open', {})).toMatchObject({ ok: true });
  for (const [name, text] of [
    ['shadow.csv', 'root:$6$SECRET-HASH:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n'],
    ['shadow.json', 'root:$6$SECRET-HASH:19000:0:99999:7:::\n'],
  ]) {
    const path = await upload(webApp.launchUrl, name as string, text as string);
    const loaded = JSON.stringify(await call(socket, 'graph:loadNetwork', { path }));
    let snapshot = '';
    await expect.poll(async () => (snapshot = `${loaded} ${JSON.stringify(await call(socket, 'session:snapshot', {}))}`)).toMatch(/the first line must be a header|not valid JSON/);
    expect(snapshot).not.toContain('SECRET-HASH');
    expect(snapshot).not.toContain('root:');
  }
  socket.close();
});
