/**
 * The browser transport: one WebSocket to the web host, request ids to match replies, and
 * automatic reconnection (the page re-fetches a snapshot when the link returns).
 */
import type { EventName } from '../../../shared/contract';
import { parseServerMessage, SocketRequests } from '../../../shared/socketProtocol';
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

export function createWebSocketTransport(url: string): Transport {
  let socket: WebSocket | null = null;
  const requests = new SocketRequests();
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
        requests.failAll('DISCONNECTED', disconnectMessage(event.code, event.reason));
        notify(false);
        setTimeout(connect, RECONNECT_MS);
      });
    });
  }

  function receive(text: string): void {
    const message = parseServerMessage(text);
    if (message?.type === 'result') requests.answered(message);
    else if (message?.type === 'event') for (const listener of eventListeners) listener(message.name, message.payload);
  }

  connect();

  return {
    kind: 'web',
    invoke: async (name, args) => {
      const ws = socket ?? (await opened);
      return requests.invoke((text) => ws.send(text), name, args);
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
