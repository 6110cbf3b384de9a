/**
 * One-use addresses for the page's downloads. A download is a request the browser makes itself
 * (an <a download> link), so it cannot carry the secret in a header; with the secret in its
 * address, the browser kept that address in its download list and history, where anything that
 * reads them later found the key to the whole host. So the page first asks, with the secret in a
 * header, for a ticket naming the one download it wants; the ticket opens that address once,
 * within a minute, and nothing else.
 */
import { randomBytes } from 'node:crypto';

/** The addresses a ticket can open: the page's downloads, nothing that changes or uploads. */
export const DOWNLOAD_PATHS: readonly string[] = ['/api/rejected.csv', '/api/sql-export.csv', '/api/predict-export.csv', '/api/analysis-export.csv'];

export const TICKET_PARAMETER = 'ticket';
/** Long enough for a page to follow its own link on a busy machine; too short to be worth stealing. */
export const TICKET_LIFETIME_MS = 60_000;
/** Tickets outstanding at once; the oldest goes first (a page asks for one per click). */
const MAX_TICKETS = 64;

/** What a ticket opens: the path and its query as the page wrote them, less any ticket or secret. */
export function downloadTarget(url: URL): string {
  const query = new URLSearchParams(url.search);
  query.delete(TICKET_PARAMETER);
  query.delete('token');
  const search = query.toString();
  return search === '' ? url.pathname : `${url.pathname}?${search}`;
}

export function isDownloadPath(pathname: string): boolean {
  return DOWNLOAD_PATHS.includes(pathname);
}

export class DownloadTickets {
  /** Ticket → the address it opens and until when; in order of issue. */
  private readonly tickets = new Map<string, { target: string; expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A ticket for `target` (see downloadTarget), or null when it names no download. */
  issue(target: URL): string | null {
    if (!isDownloadPath(target.pathname)) return null;
    this.dropExpired();
    while (this.tickets.size >= MAX_TICKETS) this.tickets.delete(this.tickets.keys().next().value as string);
    const ticket = randomBytes(24).toString('base64url');
    this.tickets.set(ticket, { target: downloadTarget(target), expires: this.now() + TICKET_LIFETIME_MS });
    return ticket;
  }

  /** True once for a live ticket presented at the address it was issued for; the ticket is spent either way. */
  redeem(url: URL): boolean {
    const ticket = url.searchParams.get(TICKET_PARAMETER);
    if (ticket === null) return false;
    const issued = this.tickets.get(ticket);
    if (issued === undefined) return false;
    this.tickets.delete(ticket);
    return issued.expires > this.now() && issued.target === downloadTarget(url);
  }

  get outstanding(): number {
    this.dropExpired();
    return this.tickets.size;
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [ticket, issued] of this.tickets) if (issued.expires <= now) this.tickets.delete(ticket);
  }
}
