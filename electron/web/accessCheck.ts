/**
 * Who may use the web host. It listens on loopback, but every program on the machine and every page
 * open in the user's browser can reach loopback. So a request must:
 * - name this host in its Host header (127.0.0.1 or localhost with the port served): a page on
 *   another site that rebinds its own name to 127.0.0.1 sends its own name and is refused;
 * - come from this host's own page when it says where it comes from (Origin);
 * - carry the secret made at this start, which only whoever can read the host's output has (it is
 *   printed in the URL, as Jupyter does); the page keeps it in an HttpOnly, SameSite=Strict cookie.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isAllowedOrigin } from './originCheck';

export type Verdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

export function createSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Cookies are kept per host name, not per port: each port gets its own, so two hosts never clash. */
export function cookieName(port: number): string {
  return `traffic-monitor-${port}`;
}

export function sessionCookie(port: number, secret: string): string {
  return `${cookieName(port)}=${secret}; Path=/; HttpOnly; SameSite=Strict`;
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

function sameSecret(presented: string | null, secret: string): boolean {
  if (presented === null) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The secret as the page (cookie) or a script (`?token=` in the URL) presents it. */
export function hasSecret(request: IncomingMessage, url: URL, port: number, secret: string): boolean {
  return sameSecret(cookieValue(request.headers.cookie, cookieName(port)), secret) || sameSecret(url.searchParams.get('token'), secret);
}

export function checkAccess(request: IncomingMessage, url: URL, port: number, secret: string): Verdict {
  if (!isAllowedHost(request.headers.host, port)) return { ok: false, status: 403, reason: 'This host serves only http://127.0.0.1 on its own port.' };
  if (!isAllowedOrigin(request.headers.origin, port)) return { ok: false, status: 403, reason: 'Forbidden origin' };
  if (!hasSecret(request, url, port, secret)) {
    return { ok: false, status: 401, reason: 'Open Traffic Monitor with the address it printed when it started (the one with ?token=).' };
  }
  return { ok: true };
}
