/**
 * Browser only: a download the web host streams (rejected rows, a query's result, forecasts, flags).
 * The browser requests a download's address itself and keeps it in its download list, so the
 * address must not hold the secret: the page asks the host, with the secret in a header, for a
 * one-use ticket for that one address, and the link carries the ticket (see the web host's
 * downloadTickets.ts).
 */
import { secretHeaders } from './hostSecret';

/** `path` with a fresh ticket in its query; throws a sentence when the host gave none. */
export async function ticketedAddress(path: string, send: typeof fetch = fetch): Promise<string> {
  let response: Response;
  try {
    response = await send(`/api/download-ticket?for=${encodeURIComponent(path)}`, { method: 'POST', headers: secretHeaders() });
  } catch (error) {
    throw new Error(`The download could not start: the connection to Traffic Monitor closed (${(error as Error).message}).`);
  }
  const text = await response.text().catch(() => '');
  let body: { ticket?: unknown; error?: unknown } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // The access check answers in plain text: that text is the reason.
  }
  if (response.ok && typeof body.ticket === 'string') return `${path}${path.includes('?') ? '&' : '?'}ticket=${encodeURIComponent(body.ticket)}`;
  const reason = typeof body.error === 'string' ? body.error : text.trim().slice(0, 300);
  throw new Error(reason === '' ? `The download could not start (HTTP ${response.status}).` : reason);
}

/** Starts the download of `path` as `fileName`; resolves to null, or to why it could not start. */
export async function startDownload(path: string, fileName: string, send: typeof fetch = fetch): Promise<string | null> {
  let address: string;
  try {
    address = await ticketedAddress(path, send);
  } catch (error) {
    return (error as Error).message;
  }
  const link = document.createElement('a');
  link.href = address;
  link.download = fileName;
  link.click();
  return null;
}
