/**
 * Test-only: a real WebHost in the test's own process, on a free loopback port, with the real
 * engine worker (TypeScript, through tsx), a temporary data folder and a one-page renderer. Tests
 * speak to it over real sockets, as the page or another local program would.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeTsWorkerEntry } from '../../engine/testing/tsWorkerEntry';
import { WebHost, type WebHostOptions } from '../webHost';

const ROOT = resolve(__dirname, '..', '..', '..');

export interface HostUnderTest {
  host: WebHost;
  /** The printed address, with this start's secret. */
  launchUrl: string;
  port: number;
  secret: string;
  dataDir: string;
  /** Stops the host and removes its folders. */
  close: () => Promise<void>;
}

export async function startHostUnderTest(options: Partial<WebHostOptions> = {}): Promise<HostUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), 'web-host-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Traffic Monitor</title>');
  const dataDir = join(dir, 'data');
  const host = new WebHost({
    port: 0,
    rendererDir,
    workerPath: writeTsWorkerEntry(dir, join(ROOT, 'electron', 'engine', 'worker.ts')),
    sampleCsvPath: join(ROOT, 'sample-data', 'traffic-sample.csv'),
    dataDir,
    ...options,
  });
  const launchUrl = await host.start();
  const url = new URL(launchUrl);
  return {
    host,
    launchUrl,
    port: Number(url.port),
    secret: url.searchParams.get('token') ?? '',
    dataDir,
    close: async () => {
      await host.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
