/** The socket protocol as every client reads it: replies matched to requests, nothing left waiting. */
import { describe, expect, it } from 'vitest';
import { clientMessageSchema, encodeInvoke, parseServerMessage, SocketRequests, socketUrlFor } from './socketProtocol';

describe('socket protocol', () => {
  it('encodes a command the host accepts, and finds the socket of a page with its secret', () => {
    expect(clientMessageSchema.parse(JSON.parse(encodeInvoke(7, 'session:snapshot', {})))).toEqual({ type: 'invoke', id: 7, name: 'session:snapshot', args: {} });
    expect(socketUrlFor('http://127.0.0.1:5173/?token=abc')).toBe('ws://127.0.0.1:5173/ws?token=abc');
    expect(socketUrlFor('https://host.example/app')).toBe('wss://host.example/ws');
  });

  it('reads results and known events; ignores anything else; a malformed envelope still answers as a failure', () => {
    expect(parseServerMessage('{"type":"result","id":1,"envelope":{"ok":true,"value":3}}')).toEqual({ type: 'result', id: 1, envelope: { ok: true, value: 3 } });
    expect(parseServerMessage('{"type":"result","id":2,"envelope":{"nope":1}}')).toMatchObject({ type: 'result', id: 2, envelope: { ok: false, error: { code: 'INTERNAL' } } });
    expect(parseServerMessage('{"type":"event","name":"view:update","payload":{}}')).toEqual({ type: 'event', name: 'view:update', payload: {} });
    for (const text of ['{"type":"event","name":"fs:read","payload":{}}', 'not json', 'null', '[1]', '{"type":"result","id":"1"}']) {
      expect(parseServerMessage(text), text).toBeNull();
    }
  });

  it('matches replies to their requests and fails those in flight when the link drops', async () => {
    const requests = new SocketRequests();
    const sent: string[] = [];
    const first = requests.invoke((text) => sent.push(text), 'session:snapshot', {});
    const second = requests.invoke((text) => sent.push(text), 'replay:stop', {});
    const ids = sent.map((text) => (JSON.parse(text) as { id: number }).id);
    expect(new Set(ids).size).toBe(2);
    expect(requests.answered({ type: 'result', id: ids[1] as number, envelope: { ok: true, value: 'b' } })).toBe(true);
    expect(requests.answered({ type: 'result', id: 999, envelope: { ok: true, value: 'x' } })).toBe(false);
    requests.failAll('DISCONNECTED', 'Lost the connection to the engine.');
    expect(await second).toEqual({ ok: true, value: 'b' });
    expect(await first).toEqual({ ok: false, error: { code: 'DISCONNECTED', message: 'Lost the connection to the engine.' } });
  });
});
