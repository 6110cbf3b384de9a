/**
 * Only the app's own page drives the web host: every socket, upload and download needs the secret
 * the host printed at this start (the page's own files, code without data, do not), requests
 * naming another host are refused (DNS rebinding), and a page from another site is refused even if
 * it somehow had the secret. The secret is never a cookie: browsers send those to every port.
 */
import { request as httpRequest } from 'node:http';
import WebSocket from 'ws';
import { socketUrl } from './hostSocketClient';
import { expect, test } from './fixtures';

function connect(url: string, headers: Record<string, string> = {}): Promise<'open' | number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(socketUrl(url), { headers });
    socket.once('open', () => {
      socket.close();
      resolve('open');
    });
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('error', () => resolve(-1));
  });
}

/** A plain HTTP request with any Host header, as a DNS-rebinding page's same-origin fetch sends it. */
function get(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

test('without this start\'s secret no socket, upload or download is served', async ({ webApp, request }) => {
  expect(webApp.launchUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/);
  const origin = webApp.url.slice(0, -1);
  expect(await connect(webApp.launchUrl, { Origin: origin })).toBe('open');
  expect(await connect(webApp.launchUrl)).toBe('open'); // a script: no Origin, but the secret
  expect(await connect(webApp.url, { Origin: origin })).toBe(401);
  expect(await connect(webApp.url)).toBe(401);
  expect(await connect(`${webApp.url}?token=${'A'.repeat(43)}`)).toBe(401);

  const upload = await request.post(`${webApp.url}api/upload?name=x.csv`, { headers: { Origin: origin }, data: 'a,b\n1,2\n' });
  expect(upload.status()).toBe(401);
  expect((await request.get(`${webApp.url}api/rejected.csv`)).status()).toBe(401);
  expect((await request.get(`${webApp.url}api/sql-export.csv?queryId=1`)).status()).toBe(401);
  expect((await request.get(`${webApp.url}api/predict-export.csv?what=forecasts`)).status()).toBe(401);
  expect((await request.get(`${webApp.url}api/session`)).status()).toBe(401);
  expect((await request.get(`${webApp.url}api/session`, { headers: { Authorization: `Bearer ${'A'.repeat(43)}` } })).status()).toBe(401);
  const secret = new URL(webApp.launchUrl).searchParams.get('token') ?? '';
  expect((await request.get(`${webApp.url}api/session`, { headers: { Authorization: `Bearer ${secret}` } })).status()).toBe(200);
  // The page's files are the app's code, no data: served, and the page then says what to open.
  expect((await request.get(webApp.url)).status()).toBe(200);
});

test('a request naming another host is refused even with the secret (DNS rebinding)', async ({ webApp }) => {
  const { port, search } = new URL(webApp.launchUrl);
  for (const path of ['api/rejected.csv', 'api/sql-export.csv?queryId=1&', 'api/predict-export.csv?what=anomalies&', '']) {
    const url = `${webApp.url}${path}${path.includes('?') ? search.slice(1) : search}`;
    expect((await get(url, { Host: `evil.example:${port}` })).status).toBe(403);
    expect((await get(url, { Host: `127.0.0.1:${Number(port) + 1}` })).status).toBe(403);
  }
  expect(await connect(webApp.launchUrl, { Host: `evil.example:${port}` })).toBe(403);
  // The host's own names still work.
  expect((await get(webApp.launchUrl, { Host: `localhost:${port}` })).status).toBe(200);
});

test('a page from another site cannot open the engine socket or upload, even with the secret', async ({ webApp, request }) => {
  expect(await connect(webApp.launchUrl, { Origin: 'https://example.org' })).toBe(403);
  expect(await connect(webApp.launchUrl, { Origin: 'null' })).toBe(403);
  const { search } = new URL(webApp.launchUrl);
  const upload = await request.post(`${webApp.url}api/upload${search}&name=x.csv`, { headers: { Origin: 'https://example.org' }, data: 'a,b\n1,2\n' });
  expect(upload.status()).toBe(403);
});

test('the page opened with the printed address keeps the secret in its own storage, in no cookie and not in the address bar', async ({ app, webApp, browser }) => {
  await app.openSample();
  expect(app.page.url()).toBe(webApp.url);
  // No cookie: a browser sends a host's cookies to every port of it, so any other server on
  // 127.0.0.1 the user's browser visits would be handed the secret.
  expect(await app.page.context().cookies()).toEqual([]);
  // After a reload the page still connects, with the secret it kept, and finds the open file.
  await app.page.reload();
  await expect(app.columns).toBeVisible();
  await expect(app.page.getByText('Connecting to the engine…')).toBeHidden();

  // Another browser profile that was not given the address gets the app's page, no data, and is told what to open.
  const stranger = await browser.newPage();
  const response = await stranger.goto(webApp.url);
  expect(response?.status()).toBe(200);
  await expect(stranger.getByRole('status')).toContainText('Open Traffic Monitor with the address it printed when it started', { timeout: 10_000 });
  await stranger.close();
});

test('the page is served with a Content-Security-Policy and rejects malformed socket messages', async ({ webApp, request }) => {
  const response = await request.get(webApp.launchUrl, { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()['referrer-policy']).toBe('no-referrer');
  expect(response.headers()['set-cookie']).toBeUndefined();
  expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
  const closed = await new Promise<number>((resolve) => {
    const socket = new WebSocket(socketUrl(webApp.launchUrl));
    socket.once('open', () => socket.send('{"type":"invoke","id":"x"}'));
    socket.once('close', (code) => resolve(code));
  });
  expect(closed).toBe(1003);
});
