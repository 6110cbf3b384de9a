/**
 * The end of an HTTP request whose handler failed. Handlers run as promises nobody else awaits,
 * and Node ends the process on a rejection nobody catches: one cancelled download (the browser's
 * download bar, a closed tab) took the whole host down. So every handler's failure ends here.
 */
import type { ServerResponse } from 'node:http';

/** The browser went away mid-answer: its choice, not a fault, and there is no one left to tell. */
function clientLeft(response: ServerResponse, error: unknown): boolean {
  return response.destroyed || (error as NodeJS.ErrnoException | null)?.code === 'ERR_STREAM_PREMATURE_CLOSE';
}

export function endFailedRequest(response: ServerResponse, what: string, error: unknown, warn: (line: string) => void = console.warn): void {
  if (clientLeft(response, error)) {
    response.destroy();
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  warn(`${what} failed: ${message}`);
  if (response.headersSent) {
    // Part of the answer is out: cutting the connection is the only way left to say it is incomplete.
    response.destroy();
    return;
  }
  response.writeHead(500, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify({ error: `${what} failed: ${message}` }));
}
