/**
 * One fixture starts the real web host (built engine + renderer) per test, on a free port with
 * its own temporary data folder, and stops it afterwards. Every test ends with a screenshot
 * attached as an artifact.
 */
import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TrafficMonitorPage } from './pages/trafficMonitorPage';

export interface WebApp {
  url: string;
  dataDir: string;
}

const ROOT = resolve(__dirname, '..');

async function startWebHost(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'out', 'main', 'webServer.js'), '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 15_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}:\n${output}`)));
  });
  return { child, url };
}

export const test = base.extend<{ webApp: WebApp; app: TrafficMonitorPage }>({
  // Playwright requires an object pattern here even when the fixture uses no other fixture.
  // eslint-disable-next-line no-empty-pattern
  webApp: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tm-e2e-'));
    const { child, url } = await startWebHost(dataDir);
    await use({ url, dataDir });
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  },
  app: async ({ page, webApp }, use, testInfo) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(webApp.url);
    await use(new TrafficMonitorPage(page));
    const screenshot = testInfo.outputPath('final.png');
    await page.screenshot({ path: screenshot });
    await testInfo.attach('screenshot', { path: screenshot, contentType: 'image/png' });
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };
