/**
 * The benchmark's side of the web host's WebSocket, as a browser page uses it: invoke commands and
 * watch view updates. Shared by the in-process replay measurement and the one that runs the built
 * server in a process of its own.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import WebSocket from 'ws';
import type { ViewUpdate } from '../shared/contract';
import { parseServerMessage, SocketRequests, socketUrlFor } from '../shared/socketProtocol';

export interface WebHostClient {
  invoke(name: string, args: unknown): Promise<unknown>;
  /** Calls back on every view update; the latest is also kept. */
  onUpdate(listener: (view: ViewUpdate) => void): void;
  /** Resolves with the first update that satisfies `done`. */
  until(done: (view: ViewUpdate) => boolean): Promise<ViewUpdate>;
  close(): void;
}

/** The engine socket of the host whose printed address (with its `?token=` secret) is `launchUrl`. */
export const webHostSocketUrl = socketUrlFor;

/** Streams a file to the host as the page's file picker does; the path it answers is what `file:open` takes. */
export async function uploadToWebHost(launchUrl: string, path: string): Promise<string> {
  const url = new URL('/api/upload', launchUrl);
  url.search = new URL(launchUrl).search;
  url.searchParams.set('name', basename(path));
  const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
  const response = await fetch(url, { method: 'POST', body, duplex: 'half' } as RequestInit);
  const answer = (await response.json()) as { path?: string; error?: string };
  if (!answer.path) throw new Error(`upload of ${path} failed: ${answer.error ?? response.status}`);
  return answer.path;
}

export async function connectWebHost(launchUrl: string): Promise<WebHostClient> {
  const socket = new WebSocket(webHostSocketUrl(launchUrl));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const requests = new SocketRequests();
  const listeners: Array<(view: ViewUpdate) => void> = [];
  socket.on('message', (data) => {
    const message = parseServerMessage(String(data));
    if (message?.type === 'result') requests.answered(message);
    else if (message?.name === 'view:update') for (const listener of listeners) listener(message.payload as ViewUpdate);
  });
  return {
    invoke: (name, args) => requests.invoke((text) => socket.send(text), name, args),
    onUpdate: (listener) => listeners.push(listener),
    until: (done) =>
      new Promise((resolve) => {
        listeners.push((view) => {
          if (done(view)) resolve(view);
        });
      }),
    close: () => socket.close(),
  };
}
