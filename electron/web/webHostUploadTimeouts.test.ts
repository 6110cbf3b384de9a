/**
 * How long an upload may take. Node cut every request still arriving after 5 minutes with a bare
 * 408, so a large file read from a slow disk (the limit is 20 GB) could never arrive, however
 * steadily it came. An upload is now bounded by how long it stalls, and a stalled one is removed.
 */
import { readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostUnderTest, type HostUnderTest } from './testing/webHostUnderTest';

let under: HostUnderTest;

beforeAll(async () => {
  under = await startHostUnderTest({ uploadIdleMs: 500 });
});

afterAll(async () => {
  await under.close();
});

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

describe('upload timing', () => {
  it('sets no limit on how long a request may take as a whole', () => {
    const server = (under.host as unknown as { server: Server }).server;
    expect(server.requestTimeout).toBe(0);
  });

  it('cuts off an upload that stops sending, and keeps nothing of it', async () => {
    const started = Date.now();
    await new Promise<void>((resolve) => {
      const socket = connect(under.port, '127.0.0.1', () => {
        socket.write(`POST /api/upload?name=stalled.csv&token=${under.secret} HTTP/1.1\r\nHost: 127.0.0.1:${under.port}\r\nContent-Length: 1000000\r\n\r\n`);
        socket.write('Time,Total\n2024-01-01 00:00,5\n');
      });
      socket.on('error', () => undefined);
      socket.on('close', () => resolve());
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    // The copy is removed just after the connection ends.
    const deadline = Date.now() + 5000;
    while (filesUnder(join(under.dataDir, 'uploads')).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(filesUnder(join(under.dataDir, 'uploads'))).toEqual([]);
  });

  it('still takes a slow upload that keeps sending', async () => {
    const reply = await new Promise<string>((resolve) => {
      let text = '';
      const socket = connect(under.port, '127.0.0.1', () => {
        socket.write(`POST /api/upload?name=slow.csv&token=${under.secret} HTTP/1.1\r\nHost: 127.0.0.1:${under.port}\r\nContent-Length: 40\r\nConnection: close\r\n\r\n`);
        let sent = 0;
        const timer = setInterval(() => {
          socket.write('a,b\n');
          sent += 4;
          if (sent >= 40) clearInterval(timer);
        }, 200);
      });
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 200/);
  });
});
