/**
 * Test-only: the page's side of the socket protocol over a raw `ws` client, for tests that start a
 * host in their own process (the e2e folder has its own, for hosts in a process of their own).
 */
import WebSocket from 'ws';
import type { Envelope } from '../../../shared/envelope';
import { parseServerMessage, socketUrlFor, SocketRequests } from '../../../shared/socketProtocol';

export interface TestSocket {
  socket: WebSocket;
  invoke: (name: string, args: unknown) => Promise<Envelope<unknown>>;
}

export function openTestSocket(launchUrl: string, options: WebSocket.ClientOptions = {}): Promise<TestSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(socketUrlFor(launchUrl), options);
    const requests = new SocketRequests();
    socket.on('message', (data) => {
      const message = parseServerMessage(String(data));
      if (message?.type === 'result') requests.answered(message);
    });
    socket.once('close', () => requests.failAll('INTERNAL', 'the socket closed'));
    socket.once('open', () => resolve({ socket, invoke: (name, args) => requests.invoke((text) => socket.send(text), name, args) }));
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
  });
}
