/** The web host serves loopback only, and only its own pages may drive the engine. */
import WebSocket from 'ws';
import { expect, test } from './fixtures';

function connect(url: string, origin?: string): Promise<'open' | number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}ws`, origin ? { origin } : {});
    socket.once('open', () => {
      socket.close();
      resolve('open');
    });
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('error', () => resolve(-1));
  });
}

test('a page from another site cannot open the engine socket or upload files', async ({ webApp, request }) => {
  expect(webApp.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  expect(await connect(webApp.url, webApp.url.slice(0, -1))).toBe('open');
  expect(await connect(webApp.url, 'https://example.org')).toBe(403);

  const upload = await request.post(`${webApp.url}api/upload?name=x.csv`, {
    headers: { Origin: 'https://example.org' },
    data: 'a,b\n1,2\n',
  });
  expect(upload.status()).toBe(403);
});

test('the page is served with a Content-Security-Policy and rejects malformed socket messages', async ({ webApp, request }) => {
  const response = await request.get(webApp.url);
  expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
  const closed = await new Promise<number>((resolve) => {
    const socket = new WebSocket(`${webApp.url.replace('http', 'ws')}ws`);
    socket.once('open', () => socket.send('{"type":"invoke","id":"x"}'));
    socket.once('close', (code) => resolve(code));
  });
  expect(closed).toBe(1003);
});
