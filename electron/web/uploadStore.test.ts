import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { describeMegabytes, UploadStore } from './uploadStore';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A request body as the store reads it; `complete` is what Node sets once the body has all come. */
function body(text: string): IncomingMessage {
  const stream = Readable.from([Buffer.from(text)]) as unknown as IncomingMessage & { complete: boolean };
  stream.headers = {};
  stream.on('end', () => (stream.complete = true));
  return stream;
}

function store(maxMegabytes = 1, unclaimedMs?: number): UploadStore {
  const folder = mkdtempSync(join(tmpdir(), 'tm-upload-store-'));
  folders.push(folder);
  return new UploadStore(folder, maxMegabytes, unclaimedMs);
}

describe('upload store', () => {
  it('names the limit as a user would', () => {
    expect(describeMegabytes(20 * 1024)).toBe('20 GB');
    expect(describeMegabytes(1500)).toBe('1500 MB');
  });

  it('refuses a body over the limit even without Content-Length, and keeps nothing of it', async () => {
    const uploads = store(1);
    await expect(uploads.save(body('x'.repeat(1024 * 1024 + 1)), 'big.csv')).rejects.toThrow(/upload limit of 1 MB/);
    const small = await uploads.save(body('a,b\n1,2\n'), 'small.csv');
    expect(uploads.isIssued(small)).toBe(true);
  });

  it('removes an upload once no use holds it, and forgets its path', async () => {
    const uploads = store();
    const [first, second, network] = await Promise.all(['a.csv', 'b.csv', 'n.json'].map((name) => uploads.save(body('a,b\n1,2\n'), name)));
    await uploads.hold('file:open', first as string);
    await uploads.hold('graph:loadNetwork', network as string);
    await uploads.hold('file:open', second as string);
    expect(existsSync(first as string)).toBe(false);
    expect(uploads.isIssued(first as string)).toBe(false);
    expect(existsSync(network as string)).toBe(true);
    // The sample replaces the open upload without being one.
    await uploads.hold('file:open', null);
    expect(existsSync(second as string)).toBe(false);
    // The same file held by two uses goes only when both let it go.
    const shared = await uploads.save(body('a,b\n1,2\n'), 'h.csv');
    await uploads.hold('file:open', shared);
    await uploads.hold('predict:setSettings', shared);
    await uploads.hold('file:open', null);
    expect(existsSync(shared)).toBe(true);
  });
});

describe('an upload a command named but did not take', () => {
  it('is removed when the command ends, unless a use holds it or another command still names it', async () => {
    const uploads = store();
    const refused = await uploads.save(body('\u0000binary'), 'bin.dat');
    uploads.commandStarted(refused);
    uploads.commandStarted(refused);
    await uploads.commandEnded(refused);
    expect(existsSync(refused)).toBe(true);
    await uploads.commandEnded(refused);
    expect(existsSync(refused)).toBe(false);
    expect(uploads.isIssued(refused)).toBe(false);

    const opened = await uploads.save(body('a,b\n1,2\n'), 'good.csv');
    uploads.commandStarted(opened);
    await uploads.hold('file:open', opened);
    await uploads.commandEnded(opened);
    // A later failed command naming the open file (the same path again) must not take it away.
    uploads.commandStarted(opened);
    await uploads.commandEnded(opened);
    expect(existsSync(opened)).toBe(true);
  });

  it('removes an upload no command ever named after a while, and keeps one in use or being opened', async () => {
    const uploads = store(1, 200);
    const [forgotten, opened, opening] = await Promise.all(['a.csv', 'b.csv', 'c.csv'].map((name) => uploads.save(body('a,b\n1,2\n'), name)));
    await uploads.hold('file:open', opened as string);
    uploads.commandStarted(opening as string);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(existsSync(forgotten as string)).toBe(false);
    expect(uploads.isIssued(forgotten as string)).toBe(false);
    expect(existsSync(opened as string)).toBe(true);
    expect(existsSync(opening as string)).toBe(true);
  });
});
