/**
 * Uploads are bounded and leave nothing behind: one over the configured limit is refused with a
 * message naming the limit, one cut off halfway is removed, and an opened upload is removed once a
 * newer one replaces it (its path then opens nothing).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { invokeOver, openSocket } from './hostSocketClient';
import { expect, test } from './fixtures';
import { startWebHost, stopWebHost, type WebHostProcess } from './webHostProcess';

/** Every file under the host's upload folder, with its size. */
function uploadedFiles(dataDir: string): { path: string; size: number }[] {
  const root = join(dataDir, 'uploads');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((name) => join(root, name))
    .filter((path) => statSync(path, { throwIfNoEntry: false })?.isFile() === true)
    .map((path) => ({ path, size: statSync(path).size }));
}

function uploadUrl(launchUrl: string, name: string): URL {
  const url = new URL('/api/upload', launchUrl);
  url.search = new URL(launchUrl).search;
  url.searchParams.set('name', name);
  return url;
}

/** Starts a POST of an upload; `chunked` leaves out Content-Length, so only the bytes can tell the size. */
function startUpload(launchUrl: string, name: string, options: { contentLength?: number }): { request: ClientRequest; reply: Promise<{ status: number; body: string }> } {
  const headers: Record<string, string> = options.contentLength === undefined ? {} : { 'Content-Length': String(options.contentLength) };
  const request = httpRequest(uploadUrl(launchUrl, name), { method: 'POST', headers });
  const reply = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.once('response', (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.once('error', reject);
  });
  return { request, reply };
}

async function withHost(options: readonly string[], body: (host: WebHostProcess, dataDir: string) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tm-uploads-'));
  const host = await startWebHost(dataDir, options);
  try {
    await body(host, dataDir);
    expect(host.child.exitCode, host.output()).toBeNull();
  } finally {
    const shutdown = await stopWebHost(host);
    rmSync(dataDir, { recursive: true, force: true });
    expect(shutdown.code, host.output()).toBe(0);
  }
}

const MEGABYTE = 1024 * 1024;
const LIMIT_MESSAGE = 'The file is larger than the upload limit of 1 MB (set with --max-upload-mb or TRAFFIC_MONITOR_MAX_UPLOAD_MB).';

// eslint-disable-next-line no-empty-pattern
test('an upload over the limit is refused with the limit named and leaves no file, whether or not it declared its size', async ({}) => {
  await withHost(['--max-upload-mb', '1'], async (host, dataDir) => {
    const body = Buffer.alloc(3 * MEGABYTE, 'a,b\n1,2\n');
    for (const contentLength of [body.length, undefined]) {
      const { request, reply } = startUpload(host.launchUrl, 'big.csv', { contentLength });
      // The host may answer before it has read everything; a reset after its answer is not a failure here.
      request.on('error', () => undefined);
      request.end(body);
      expect(await reply).toEqual({ status: 413, body: JSON.stringify({ error: LIMIT_MESSAGE }) });
      await expect.poll(() => uploadedFiles(dataDir)).toEqual([]);
    }
    // Under the limit still works.
    const small = await fetch(uploadUrl(host.launchUrl, 'small.csv'), { method: 'POST', body: 'a,b\n1,2\n' });
    expect(small.status).toBe(200);
    expect(uploadedFiles(dataDir)).toHaveLength(1);
  });
});

test('an upload cut off halfway leaves no file', async ({ webApp }) => {
  const { request, reply } = startUpload(webApp.launchUrl, 'cut.csv', { contentLength: 10 * MEGABYTE });
  reply.catch(() => undefined);
  request.on('error', () => undefined);
  request.write(Buffer.alloc(256 * 1024, 'a,b\n1,2\n'));
  // The partial copy is on disk while the upload runs…
  await expect.poll(() => uploadedFiles(webApp.dataDir).some((file) => file.size > 0)).toBe(true);
  request.destroy();
  // …and gone once the browser (or the network) gives up.
  await expect.poll(() => uploadedFiles(webApp.dataDir)).toEqual([]);
});

test('opening a second upload removes the first one, whose path then opens nothing', async ({ webApp }) => {
  const upload = async (name: string): Promise<string> => {
    const response = await fetch(uploadUrl(webApp.launchUrl, name), { method: 'POST', body: 'time,site,count\n2026-01-01T00:00:00Z,A,3\n' });
    expect(response.status).toBe(200);
    return ((await response.json()) as { path: string }).path;
  };
  const socket = await openSocket(webApp.launchUrl);
  try {
    const first = await upload('first.csv');
    expect(await invokeOver(socket, 'file:open', { path: first })).toMatchObject({ ok: true });
    const second = await upload('second.csv');
    expect(existsSync(first)).toBe(true);
    expect(await invokeOver(socket, 'file:open', { path: second })).toMatchObject({ ok: true });
    expect(existsSync(first)).toBe(false);
    expect(existsSync(second)).toBe(true);
    expect(uploadedFiles(webApp.dataDir).map((file) => file.path)).toEqual([second]);
    expect(await invokeOver(socket, 'file:open', { path: first })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
  } finally {
    socket.close();
  }
});

test('uploads a killed host could not remove are removed when a host starts on the same data folder', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tm-uploads-killed-'));
  try {
    const killed = await startWebHost(dataDir);
    const reply = await fetch(uploadUrl(killed.launchUrl, 'left-behind.csv'), { method: 'POST', body: 'a,b\n1,2\n' });
    expect(reply.status, killed.output()).toBe(200);
    const exited = new Promise((done) => killed.child.once('exit', done));
    killed.child.kill('SIGKILL');
    await exited;
    expect(uploadedFiles(dataDir).map(({ path }) => path.endsWith('left-behind.csv'))).toEqual([true]);

    const next = await startWebHost(dataDir);
    try {
      expect(uploadedFiles(dataDir)).toEqual([]);
    } finally {
      expect((await stopWebHost(next)).code, next.output()).toBe(0);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
