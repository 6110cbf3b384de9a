/**
 * Browser only: the web host's secret for this start, which the page sends with its socket,
 * uploads and downloads. It arrives once in the printed address (`?token=`); the page keeps it in
 * its own storage, which is this origin's alone (scheme, host and port), and takes it out of the
 * address bar. Not a cookie: browsers send a host's cookies to every port of it.
 */
const STORAGE_KEY = 'traffic-monitor-secret';

interface PageLocation {
  readonly search: string;
  readonly pathname: string;
  readonly hash: string;
}

export interface SecretPlaces {
  location: PageLocation;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  /** Replaces the address shown (history.replaceState). */
  replaceAddress(address: string): void;
}

/** Takes a secret from the address into storage (dropping it from the address); returns the secret kept, or null. */
export function adoptSecret(places: SecretPlaces): string | null {
  const params = new URLSearchParams(places.location.search);
  const fromAddress = params.get('token');
  if (fromAddress !== null) {
    places.storage.setItem(STORAGE_KEY, fromAddress);
    params.delete('token');
    const rest = params.toString();
    places.replaceAddress(`${places.location.pathname}${rest === '' ? '' : `?${rest}`}${places.location.hash}`);
    return fromAddress;
  }
  return places.storage.getItem(STORAGE_KEY);
}

let secret: string | null | undefined;

function browserPlaces(): SecretPlaces {
  return { location: window.location, storage: window.localStorage, replaceAddress: (address) => window.history.replaceState(window.history.state, '', address) };
}

/** This page's secret (read once), or null when it was never given the printed address. */
export function hostSecret(): string | null {
  // Outside a page (unit tests of the modules that send it) there is no secret to send.
  if (secret === undefined) secret = typeof window === 'undefined' ? null : adoptSecret(browserPlaces());
  return secret;
}

/** `path` with the secret added to its query, for the socket (a browser cannot give a socket headers; downloads carry a one-use ticket instead, see downloadLink.ts). */
export function withSecret(path: string): string {
  const token = hostSecret();
  if (token === null) return path;
  return `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
}

/** Headers carrying the secret, for the page's own fetches. */
export function secretHeaders(): Record<string, string> {
  const token = hostSecret();
  return token === null ? {} : { Authorization: `Bearer ${token}` };
}

/** True when the host accepts the secret this page holds (false: none, or one from an earlier start). */
export async function secretAccepted(send: typeof fetch = fetch): Promise<boolean> {
  if (hostSecret() === null) return false;
  try {
    return (await send('/api/session', { headers: secretHeaders() })).status !== 401;
  } catch {
    // The host is down: nothing to say about the secret; the page keeps trying to connect.
    return true;
  }
}
