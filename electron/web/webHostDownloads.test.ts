/**
 * A download the browser gives up on (the user cancels it in the download bar, closes the tab,
 * or the connection drops) must cost only that download. It used to end the stream with a
 * rejection nobody caught, and Node ends a process on those: the whole host went down. And the
 * files a killed host was writing for downloads stayed in the data folder for ever.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestSocket } from './testing/socketClient';
import { startHostUnderTest, type HostUnderTest } from './testing/webHostUnderTest';

let under: HostUnderTest;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  under = await startHostUnderTest();
  const client = await openTestSocket(under.launchUrl);
  expect((await client.invoke('file:openSample', {})).ok).toBe(true);
  client.socket.close();
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await under.close();
});

/** Asks for a download over a raw connection and drops the connection after `afterMs`. */
function abandonDownload(path: string, afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const socket: Socket = connect(under.port, '127.0.0.1', () => {
      socket.write(`GET ${path}&token=${under.secret} HTTP/1.1\r\nHost: 127.0.0.1:${under.port}\r\n\r\n`);
      setTimeout(() => socket.destroy(), afterMs);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve());
  });
}

describe('a download the browser abandons', () => {
  it('leaves the host serving, with no unhandled failure', async () => {
    for (const afterMs of [0, 1, 5, 20]) await abandonDownload('/api/analysis-export.csv?what=alarms', afterMs);
    // Give the engine time to write the files the abandoned requests asked for.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(unhandled).toEqual([]);
    const response = await fetch(`http://127.0.0.1:${under.port}/api/analysis-export.csv?what=alarms&token=${under.secret}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/\w/);
  });
});

describe('a download link the page makes', () => {
  const base = (): string => `http://127.0.0.1:${under.port}`;
  const ticketFor = (target: string, headers: Record<string, string>): Promise<Response> =>
    fetch(`${base()}/api/download-ticket?for=${encodeURIComponent(target)}`, { method: 'POST', headers });

  it('carries a one-use ticket, not the secret: it downloads once, and not again', async () => {
    const asked = await ticketFor('/api/analysis-export.csv?what=alarms', { Authorization: `Bearer ${under.secret}` });
    expect(asked.status).toBe(200);
    const { ticket } = (await asked.json()) as { ticket: string };
    expect(ticket).not.toContain(under.secret);
    const first = await fetch(`${base()}/api/analysis-export.csv?what=alarms&ticket=${ticket}`);
    expect(first.status).toBe(200);
    expect(await first.text()).toMatch(/\w/);
    const again = await fetch(`${base()}/api/analysis-export.csv?what=alarms&ticket=${ticket}`);
    expect(again.status).toBe(401);
    expect(await again.text()).toContain('press Export again');
  });

  it('opens only the download it was asked for', async () => {
    const { ticket } = (await (await ticketFor('/api/analysis-export.csv?what=alarms', { Authorization: `Bearer ${under.secret}` })).json()) as { ticket: string };
    expect((await fetch(`${base()}/api/analysis-export.csv?what=flags&ticket=${ticket}`)).status).toBe(401);
    expect((await fetch(`${base()}/api/rejected.csv?ticket=${ticket}`)).status).toBe(401);
  });

  it('needs the secret to get a ticket, and a ticket is only for a download', async () => {
    expect((await ticketFor('/api/rejected.csv', {})).status).toBe(401);
    expect((await ticketFor('/api/upload?name=x.csv', { Authorization: `Bearer ${under.secret}` })).status).toBe(400);
    // A ticket opens no other endpoint, such as an upload.
    const { ticket } = (await (await ticketFor('/api/rejected.csv', { Authorization: `Bearer ${under.secret}` })).json()) as { ticket: string };
    expect((await fetch(`${base()}/api/upload?name=x.csv&ticket=${ticket}`, { method: 'POST', body: 'a,b\n1,2\n' })).status).toBe(401);
  });
});

describe('downloads a killed host left', () => {
  it('are removed when the next host starts on the data folder; its own go when it stops', async () => {
    // Far above any pid_max: the host that wrote this is gone.
    const left = join(under.dataDir, 'downloads', 'run-4194999');
    mkdirSync(left, { recursive: true });
    writeFileSync(join(left, 'rejected-rows.csv'), 'line,reason,text\n');
    const next = await startHostUnderTest({ dataDir: under.dataDir });
    try {
      expect(existsSync(left)).toBe(false);
      const response = await fetch(`http://127.0.0.1:${next.port}/api/analysis-export.csv?what=alarms&token=${next.secret}`);
      await response.text();
    } finally {
      await next.host.stop();
    }
    expect(readdirSync(join(under.dataDir, 'downloads'))).toEqual([]);
  });
});
