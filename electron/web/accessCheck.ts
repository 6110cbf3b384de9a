/**
 * Who may use the web host. It listens on loopback, but every program on the machine and every page
 * open in the user's browser can reach loopback. So a request must:
 * - name this host in its Host header (127.0.0.1 or localhost with the port served): a page on
 *   another site that rebinds its own name to 127.0.0.1 sends its own name and is refused;
 * - come from this host's own page when it says where it comes from (Origin);
 * - for the engine's socket and every /api/ request, carry the secret made at this start, which
 *   only whoever can read the host's output has (it is printed in the URL, as Jupyter does).
 *
 * The page keeps the secret in its own storage and sends it itself (in the socket's address, an
 * Authorization header, a download's address), never in a cookie: browsers send a host's cookies
 * to every port of it, so any other server on 127.0.0.1 the browser visited would have been given
 * the secret. The page's files (the app's code, no data) are served without it: the page then
 * says where the address with the secret is.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isAllowedOrigin } from './originCheck';

export type Verdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

export function createSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** The secret in an `Authorization: Bearer …` header, as the page sends it with an upload. */
function bearer(header: string | undefined): string | null {
  const match = /^Bearer (\S+)$/.exec(header ?? '');
  return match ? (match[1] as string) : null;
}

function sameSecret(presented: string | null, secret: string): boolean {
  if (presented === null) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The secret as the page or a script presents it: `?token=` in the address, or a bearer header. */
export function hasSecret(request: IncomingMessage, url: URL, secret: string): boolean {
  return sameSecret(url.searchParams.get('token'), secret) || sameSecret(bearer(request.headers.authorization), secret);
}

/** Whether a request must carry the secret: all but the page's own files (see above). */
export type Needs = 'secret' | 'page';

export function checkAccess(request: IncomingMessage, url: URL, port: number, secret: string, needs: Needs = 'secret'): Verdict {
  if (!isAllowedHost(request.headers.host, port)) return { ok: false, status: 403, reason: 'This host serves only http://127.0.0.1 on its own port.' };
  if (!isAllowedOrigin(request.headers.origin, port)) return { ok: false, status: 403, reason: 'Forbidden origin' };
  if (needs === 'secret' && !hasSecret(request, url, secret)) {
    return { ok: false, status: 401, reason: 'Open Traffic Monitor with the address it printed when it started (the one with ?token=).' };
  }
  return { ok: true };
}
