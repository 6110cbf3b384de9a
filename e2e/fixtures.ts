/**
 * One fixture starts the real web host (built engine + renderer) per test, on a free port with
 * its own temporary data folder (passed as --data-dir: without it the host would use the user's
 * real data folder), and stops it afterwards. Every test ends with a screenshot
 * attached as an artifact.
 */
import { test as base, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TrafficMonitorPage } from './pages/trafficMonitorPage';
import { startWebHost, stopWebHost } from './webHostProcess';

export interface WebApp {
  /** The host's root, without the secret. */
  url: string;
  /** The address with this start's secret, as the host printed it; the page opens this. */
  launchUrl: string;
  dataDir: string;
}

export const test = base.extend<{ webApp: WebApp; app: TrafficMonitorPage }>({
  // Playwright requires an object pattern here even when the fixture uses no other fixture.
  // eslint-disable-next-line no-empty-pattern
  webApp: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tm-e2e-'));
    const host = await startWebHost(dataDir);
    await use({ url: host.url, launchUrl: host.launchUrl, dataDir });
    const shutdown = await stopWebHost(host);
    rmSync(dataDir, { recursive: true, force: true });
    // The host must stop cleanly on SIGTERM, as it does under `npm run web`; say why when it does not.
    expect(shutdown.code, `web host exit after ${shutdown.milliseconds} ms; its output:\n${host.output()}`).toBe(0);
  },
  app: async ({ page, webApp }, use, testInfo) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(webApp.launchUrl);
    await use(new TrafficMonitorPage(page));
    const screenshot = testInfo.outputPath('final.png');
    await page.screenshot({ path: screenshot });
    await testInfo.attach('screenshot', { path: screenshot, contentType: 'image/png' });
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };
