/**
 * What a browser page (or any client: the benchmarks, the tests) and the web host say to each other
 * over the WebSocket, written once. A client sends `invoke` messages with its own request ids; the
 * host answers each with a `result` carrying the contract's envelope, and pushes `event`s.
 */
import { z } from 'zod';
import { isEventName, type EventName } from './contract';
import { isEnvelope, type Envelope, type ErrorCode } from './envelope';

/** The socket's path on the host; the page's `?token=` secret rides along (see socketUrlFor). */
export const SOCKET_PATH = '/ws';

export const clientMessageSchema = z.object({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  name: z.string().max(64),
  args: z.unknown(),
});
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export type ServerMessage = { type: 'result'; id: number; envelope: Envelope<unknown> } | { type: 'event'; name: EventName; payload: unknown };

/** The text of one command for the socket. */
export function encodeInvoke(id: number, name: string, args: unknown): string {
  return JSON.stringify({ type: 'invoke', id, name, args } satisfies ClientMessage);
}

/** The socket of the host whose page is at `pageUrl`, keeping the page's `?token=` secret. */
export function socketUrlFor(pageUrl: string): string {
  const url = new URL(SOCKET_PATH, pageUrl);
  url.search = new URL(pageUrl).search;
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

/**
 * One message from the host, or null for text that is not one (a client ignores it). A result whose
 * envelope is malformed still answers its request, as a failure, so no caller waits for ever.
 */
export function parseServerMessage(text: string): ServerMessage | null {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof message !== 'object' || message === null) return null;
  const { type, id, envelope, name, payload } = message as Record<string, unknown>;
  if (type === 'result' && typeof id === 'number') {
    return { type, id, envelope: isEnvelope(envelope) ? envelope : { ok: false, error: { code: 'INTERNAL', message: 'Malformed reply from the engine.' } } };
  }
  if (type === 'event' && isEventName(name)) return { type, name, payload };
  return null;
}

/** A client's requests in flight: ids handed out, replies matched to them, and all failed at once when the link drops. */
export class SocketRequests {
  private nextId = 1;
  private readonly pending = new Map<number, (envelope: Envelope<unknown>) => void>();

  /** Sends one command through `send` and resolves with its reply. */
  invoke(send: (text: string) => void, name: string, args: unknown): Promise<Envelope<unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      send(encodeInvoke(id, name, args));
    });
  }

  /** A result from the host; false when it answered nothing this client asked. */
  answered(message: Extract<ServerMessage, { type: 'result' }>): boolean {
    const reply = this.pending.get(message.id);
    if (!reply) return false;
    this.pending.delete(message.id);
    reply(message.envelope);
    return true;
  }

  failAll(code: ErrorCode, message: string): void {
    for (const reply of this.pending.values()) reply({ ok: false, error: { code, message } });
    this.pending.clear();
  }
}
