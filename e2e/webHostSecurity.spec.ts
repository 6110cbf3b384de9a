/**
 * Only the app's own page drives the web host: every socket, upload, download and page load needs
 * the secret the host printed at this start, requests naming another host are refused (DNS
 * rebinding), and a page from another site is refused even if it somehow had the secret.
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

test('without this start\'s secret no socket, upload, download or page is served', async ({ webApp, request }) => {
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
  const page = await request.get(webApp.url);
  expect(page.status()).toBe(401);
  expect(await page.text()).toContain('Open Traffic Monitor with the address it printed when it started');
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
  expect((await get(webApp.launchUrl, { Host: `localhost:${port}` })).status).toBe(303);
});

test('a page from another site cannot open the engine socket or upload, even with the secret', async ({ webApp, request }) => {
  expect(await connect(webApp.launchUrl, { Origin: 'https://example.org' })).toBe(403);
  expect(await connect(webApp.launchUrl, { Origin: 'null' })).toBe(403);
  const { search } = new URL(webApp.launchUrl);
  const upload = await request.post(`${webApp.url}api/upload${search}&name=x.csv`, { headers: { Origin: 'https://example.org' }, data: 'a,b\n1,2\n' });
  expect(upload.status()).toBe(403);
});

test('the page opened with the printed address keeps the secret in an HttpOnly, SameSite=Strict cookie, not in the address bar', async ({ app, webApp, browser }) => {
  await app.openSample();
  expect(app.page.url()).toBe(webApp.url);
  const { port } = new URL(webApp.url);
  const cookies = await app.page.context().cookies(webApp.url);
  expect(cookies).toEqual([expect.objectContaining({ name: `traffic-monitor-${port}`, httpOnly: true, sameSite: 'Strict', path: '/' })]);
  expect(await app.page.evaluate(() => document.cookie)).toBe('');
  // After a reload the page still connects, with the cookie alone, and finds the open file.
  await app.page.reload();
  await expect(app.columns).toBeVisible();
  await expect(app.page.getByText('Connecting to the engine…')).toBeHidden();

  // Another browser profile that was not given the address gets nothing but the explanation.
  const stranger = await browser.newPage();
  const response = await stranger.goto(webApp.url);
  expect(response?.status()).toBe(401);
  await expect(stranger.locator('body')).toContainText('the address it printed when it started');
  await stranger.close();
});

test('the page is served with a Content-Security-Policy and rejects malformed socket messages', async ({ webApp, request }) => {
  const response = await request.get(webApp.launchUrl, { maxRedirects: 0 });
  expect(response.status()).toBe(303);
  expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
  const closed = await new Promise<number>((resolve) => {
    const socket = new WebSocket(socketUrl(webApp.launchUrl));
    socket.once('open', () => socket.send('{"type":"invoke","id":"x"}'));
    socket.once('close', (code) => resolve(code));
  });
  expect(closed).toBe(1003);
});
