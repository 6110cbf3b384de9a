/**
 * A raw `ws` client of the web host, for tests that speak to the socket as another program would:
 * send any frame, see how the host closes, and invoke commands like the page does.
 */
import WebSocket from 'ws';
import { encodeInvoke, parseServerMessage, socketUrlFor } from '../shared/socketProtocol';

export interface Closed {
  code: number;
  reason: string;
}

/** The engine socket of a host at `pageUrl`, keeping its `?token=` when it has one. */
export const socketUrl = socketUrlFor;

export function openSocket(pageUrl: string, options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(socketUrl(pageUrl), options);
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
  });
}

/** Resolves when the host closes the socket, with its code and reason. */
export function closeOf(socket: WebSocket): Promise<Closed> {
  return new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

/** Invokes one command and resolves with its reply envelope (or rejects after `timeoutMs`); `value` is the result when ok. */
export function invokeOver<T = unknown>(socket: WebSocket, name: string, args: unknown, timeoutMs = 10_000): Promise<{ ok: boolean; value?: T }> {
  const id = Math.floor(Math.random() * 1e9);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no reply to ${name} within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (data: WebSocket.RawData): void => {
      const message = parseServerMessage(String(data));
      if (message?.type !== 'result' || message.id !== id) return;
      clearTimeout(timer);
      socket.off('message', onMessage);
      resolve(message.envelope as { ok: boolean; value?: T });
    };
    socket.on('message', onMessage);
    socket.send(encodeInvoke(id, name, args));
  });
}
