import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkAccess, createSecret, hasSecret, isAllowedHost } from './accessCheck';

const PORT = 5180;
const request = (headers: Record<string, string>): IncomingMessage => ({ headers: { host: `127.0.0.1:${PORT}`, ...headers } }) as unknown as IncomingMessage;
const url = (path: string): URL => new URL(path, `http://127.0.0.1:${PORT}`);

describe('the web host’s access rules', () => {
  it('answers only to its own names and port in the Host header', () => {
    expect(isAllowedHost('127.0.0.1:5180', 5180)).toBe(true);
    expect(isAllowedHost('localhost:5180', 5180)).toBe(true);
    expect(isAllowedHost('evil.example:5180', 5180)).toBe(false);
    expect(isAllowedHost('127.0.0.1:5181', 5180)).toBe(false);
    expect(isAllowedHost('127.0.0.1', 5180)).toBe(false);
    expect(isAllowedHost(undefined, 5180)).toBe(false);
  });

  it('makes a new unguessable secret at every start', () => {
    const secret = createSecret();
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(createSecret()).not.toBe(secret);
  });

  it('takes the secret from the address or a bearer header, never from a cookie (browsers send those to every port)', () => {
    const secret = createSecret();
    expect(hasSecret(request({}), url(`/socket?token=${secret}`), secret)).toBe(true);
    expect(hasSecret(request({ authorization: `Bearer ${secret}` }), url('/api/upload'), secret)).toBe(true);
    expect(hasSecret(request({ cookie: `traffic-monitor-${PORT}=${secret}` }), url('/api/rejected.csv'), secret)).toBe(false);
    expect(hasSecret(request({ authorization: `Bearer ${secret}x` }), url('/api/upload'), secret)).toBe(false);
    expect(hasSecret(request({ authorization: secret }), url('/api/upload'), secret)).toBe(false);
  });

  it('serves the page’s own files without the secret, and nothing else', () => {
    const secret = createSecret();
    expect(checkAccess(request({}), url('/assets/index.js'), PORT, secret, 'page')).toEqual({ ok: true });
    expect(checkAccess(request({}), url('/api/rejected.csv'), PORT, secret)).toMatchObject({ ok: false, status: 401 });
    // The page's files still answer only to this host's own name and page.
    expect(checkAccess(request({ host: `evil.example:${PORT}` }), url('/'), PORT, secret, 'page')).toMatchObject({ ok: false, status: 403 });
    expect(checkAccess(request({ origin: 'https://example.org' }), url('/'), PORT, secret, 'page')).toMatchObject({ ok: false, status: 403 });
  });
});
