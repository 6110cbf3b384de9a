/**
 * The browser transport: one WebSocket to the web host, request ids to match replies, and
 * automatic reconnection (the page re-fetches a snapshot when the link returns).
 */
import { isEventName, type EventName } from '../../../shared/contract';
import { isEnvelope, type Envelope } from '../../../shared/envelope';
import type { Transport } from './transport';

const RECONNECT_MS = 1000;

/** Why the host closed the link, in words: its own reason, or what the standard close code means. */
export function disconnectMessage(code: number, reason: string): string {
  const why =
    reason !== ''
      ? reason
      : code === 1009
        ? 'a message was too big for the engine'
        : code === 1007
          ? 'a message was not valid text'
          : '';
  return why === '' ? 'Lost the connection to the engine.' : `Lost the connection to the engine (${why}).`;
}

interface IncomingResult {
  type: 'result';
  id: number;
  envelope: unknown;
}
interface IncomingEvent {
  type: 'event';
  name: unknown;
  payload: unknown;
}

export function createWebSocketTransport(url: string): Transport {
  let socket: WebSocket | null = null;
  let nextId = 1;
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  const eventListeners = new Set<(name: EventName, payload: unknown) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let opened: Promise<WebSocket>;

  const notify = (connected: boolean): void => connectionListeners.forEach((listener) => listener(connected));

  function connect(): void {
    opened = new Promise((resolve) => {
      const ws = new WebSocket(url);
      ws.addEventListener('open', () => {
        socket = ws;
        resolve(ws);
        notify(true);
      });
      ws.addEventListener('message', (event) => receive(String(event.data)));
      ws.addEventListener('close', (event) => {
        socket = null;
        const message = disconnectMessage(event.code, event.reason);
        for (const reply of pending.values()) reply({ ok: false, error: { code: 'DISCONNECTED', message } });
        pending.clear();
        notify(false);
        setTimeout(connect, RECONNECT_MS);
      });
    });
  }

  function receive(text: string): void {
    let message: IncomingResult | IncomingEvent;
    try {
      message = JSON.parse(text) as IncomingResult | IncomingEvent;
    } catch {
      return;
    }
    if (message.type === 'result') {
      const reply = pending.get(message.id);
      pending.delete(message.id);
      reply?.(isEnvelope(message.envelope) ? message.envelope : { ok: false, error: { code: 'INTERNAL', message: 'Malformed reply from the engine.' } });
    } else if (message.type === 'event' && isEventName(message.name)) {
      for (const listener of eventListeners) listener(message.name, message.payload);
    }
  }

  connect();

  return {
    kind: 'web',
    invoke: async (name, args) => {
      const ws = socket ?? (await opened);
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ type: 'invoke', id, name, args }));
      });
    },
    onEvent: (listener) => {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnection: (listener) => {
      connectionListeners.add(listener);
      if (socket) listener(true);
      return () => connectionListeners.delete(listener);
    },
  };
}
