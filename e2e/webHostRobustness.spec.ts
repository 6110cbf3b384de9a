/** No message a client sends can take the web host down; a bad one ends only that client's socket. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeInvoke } from '../shared/socketProtocol';
import { closeOf, invokeOver, openSocket } from './hostSocketClient';
import { expect, test } from './fixtures';
import { SqlPanel } from './pages/sqlPanel';
import { mulberry32 } from '../sample-data/generator/random';
import { randomFrame, sendGarbageAfterHandshake } from './socketFuzz';
import { residentMegabytes, startWebHost, stopWebHost } from './webHostProcess';

const FUZZ_CLIENTS = 6;
const FUZZ_MS = 12_000;

test('an oversized frame or invalid UTF-8 closes only that socket; the host keeps answering others', async ({ webApp }) => {
  const big = await openSocket(webApp.launchUrl);
  const bigClosed = closeOf(big);
  // What the page used to send for a pasted 1.3 MB query.
  big.send(encodeInvoke(1, 'sql:run', { sql: `SELECT '${'x'.repeat(1_300_000)}'`, pageSize: 100 }));
  expect((await bigClosed).code).toBe(1009);

  const broken = await openSocket(webApp.launchUrl);
  const brokenClosed = closeOf(broken);
  broken.send(Buffer.from([0xc3, 0x28, 0xff]), { binary: false });
  expect(await brokenClosed).toEqual({ code: 1007, reason: 'message is not valid UTF-8' });

  const binary = await openSocket(webApp.launchUrl);
  const binaryClosed = closeOf(binary);
  binary.send(Buffer.from('{"type":"invoke"}'), { binary: true });
  expect((await binaryClosed).code).toBe(1003);

  const good = await openSocket(webApp.launchUrl);
  expect(await invokeOver(good, 'session:snapshot', {})).toMatchObject({ ok: true });
  good.close();
});

// Playwright requires an object pattern even when a test uses no fixture.
// eslint-disable-next-line no-empty-pattern
test('fuzz: random frames from several clients never stop the host, and a well-behaved client still gets answers', async ({}, testInfo) => {
  test.setTimeout(90_000);
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1e9);
  testInfo.annotations.push({ type: 'fuzz seed', description: String(seed) });
  const dataDir = mkdtempSync(join(tmpdir(), 'tm-fuzz-'));
  const host = await startWebHost(dataDir);
  const pid = host.child.pid as number;
  const rss = { first: residentMegabytes(pid), peak: 0 };
  const sampler = setInterval(() => (rss.peak = Math.max(rss.peak, residentMegabytes(pid))), 200);
  const until = Date.now() + FUZZ_MS;
  let framesSent = 0;

  const fuzzer = async (index: number): Promise<void> => {
    const random = mulberry32(seed + index);
    while (Date.now() < until) {
      if (random() < 0.1) {
        await sendGarbageAfterHandshake(host.launchUrl, random);
        continue;
      }
      let socket;
      try {
        socket = await openSocket(host.launchUrl);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      socket.on('error', () => undefined);
      const closed = closeOf(socket);
      const frames = 1 + Math.floor(random() * 20);
      for (let i = 0; i < frames && socket.readyState === socket.OPEN; i++) {
        const frame = randomFrame(random);
        socket.send(frame.data, { binary: frame.binary });
        framesSent++;
        await new Promise((resolve) => setImmediate(resolve));
      }
      socket.close();
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1000))]);
      socket.terminate();
    }
  };

  const wellBehaved = async (): Promise<number> => {
    const socket = await openSocket(host.launchUrl);
    let answers = 0;
    while (Date.now() < until) {
      expect(await invokeOver(socket, 'session:snapshot', {}, 15_000)).toMatchObject({ ok: true });
      answers++;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    socket.close();
    return answers;
  };

  try {
    const [answers] = await Promise.all([wellBehaved(), ...Array.from({ length: FUZZ_CLIENTS }, (_, i) => fuzzer(i))]);
    expect(host.child.exitCode, host.output()).toBeNull();
    expect(answers).toBeGreaterThan(10);
    const after = await openSocket(host.launchUrl);
    expect(await invokeOver(after, 'session:snapshot', {})).toMatchObject({ ok: true });
    after.close();
    const summary = `${framesSent} frames from ${FUZZ_CLIENTS} clients; ${answers} answers; host RSS ${rss.first} MB at start, peak ${rss.peak} MB`;
    testInfo.annotations.push({ type: 'fuzz', description: summary });
    console.warn(`fuzz seed ${seed}: ${summary}`);
  } finally {
    clearInterval(sampler);
    const shutdown = await stopWebHost(host);
    rmSync(dataDir, { recursive: true, force: true });
    expect(shutdown.code, host.output()).toBe(0);
  }
});

test('a pasted query over the length limit is refused by the page with the limit named; the host stays up', async ({ app, webApp }) => {
  await app.openSample();
  const sql = new SqlPanel(app.page);
  await sql.open();
  // 1.3 MB in 16,250 comment lines, as a pasted script looks (one 1.3 MB line stalls the editor itself).
  await sql.setQuery('');
  // A real paste event: typing 1.3 MB key by key (fill) takes minutes in any editor.
  await sql.editor.evaluate((editor, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, `SELECT 1 AS one\n${`-- ${'x'.repeat(76)}\n`.repeat(16_250)}`);
  await sql.runButton.click();
  await expect(app.page.getByTestId('sql-notice')).toHaveText(/^This query is 1,300,\d{3} characters long; the engine takes queries of up to 100,000 characters\./);

  await sql.setQuery('SELECT 1 AS one');
  await sql.runButton.click();
  await expect(sql.headers).toHaveText(['#', 'one']);
  const other = await openSocket(webApp.launchUrl);
  expect(await invokeOver(other, 'session:snapshot', {})).toMatchObject({ ok: true });
  other.close();
});
