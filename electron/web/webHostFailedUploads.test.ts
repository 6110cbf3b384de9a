/**
 * A user who tries to open the wrong file (a binary, an empty one) gets a clear message and tries
 * another: each try is a new upload. The refused copies used to stay on disk until the host
 * stopped, so a few wrong multi-gigabyte files filled the disk.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestSocket, type TestSocket } from './testing/socketClient';
import { startHostUnderTest, type HostUnderTest } from './testing/webHostUnderTest';

let under: HostUnderTest;
let client: TestSocket;

beforeAll(async () => {
  under = await startHostUnderTest();
  client = await openTestSocket(under.launchUrl);
});

afterAll(async () => {
  client.socket.close();
  await under.close();
});

async function upload(name: string, body: Uint8Array | string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${under.port}/api/upload?name=${name}&token=${under.secret}`, { method: 'POST', body });
  expect(response.status).toBe(200);
  return ((await response.json()) as { path: string }).path;
}

describe('uploads the engine refused', () => {
  it('are removed from disk, and their path no longer works', async () => {
    const binary = await upload('photo.jpg', new Uint8Array([0xff, 0xd8, 0, 0, 1, 2, 3]));
    const opened = await client.invoke('file:open', { path: binary });
    expect(opened.ok).toBe(false);
    expect(existsSync(binary)).toBe(false);
    const again = await client.invoke('file:open', { path: binary });
    expect(again.ok ? '' : again.error.message).toMatch(/not uploaded to this host/);

    const good = await upload('counts.csv', 'Time,Total\n2024-01-01 00:00,5\n2024-01-01 00:15,7\n');
    expect((await client.invoke('file:open', { path: good })).ok).toBe(true);
    expect(existsSync(good)).toBe(true);
  });
});
