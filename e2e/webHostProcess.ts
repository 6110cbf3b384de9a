/**
 * Starts the built web host (`out/main/webServer.js`) as its own process, as `npm run web` does,
 * and stops it with SIGTERM. Shared by the per-test fixture and the shutdown test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');

export interface WebHostProcess {
  child: ChildProcess;
  /** The host's root, without the secret: what a program that was not told the secret knows. */
  url: string;
  /** The address the host printed, with this start's secret (`?token=…`). */
  launchUrl: string;
  /** Everything the host printed so far, for failure messages. */
  output: () => string;
}

/**
 * `options` are more command-line options of the host, such as `['--max-clients', '4']`. A null
 * `dataDir` passes no `--data-dir`, so the host uses the user's folder: only with an `env` whose
 * HOME (and XDG_CONFIG_HOME) point at a temporary folder, or a test would write to the real one.
 */
export async function startWebHost(dataDir: string | null, options: readonly string[] = [], env?: NodeJS.ProcessEnv): Promise<WebHostProcess> {
  const dataOptions = dataDir === null ? [] : ['--data-dir', dataDir];
  if (dataDir === null && env?.HOME === undefined) throw new Error('startWebHost without a data dir needs a temporary HOME');
  const child = spawn(process.execPath, [join(ROOT, 'out', 'main', 'webServer.js'), '--port', '0', ...dataOptions, ...options], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: env ?? process.env,
  });
  let output = '';
  const launchUrl = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 15_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}:\n${output}`)));
  });
  return { child, url: new URL('/', launchUrl).href, launchUrl, output: () => output };
}

export interface Shutdown {
  /** The exit code, or null when the host had to be killed. */
  code: number | null;
  milliseconds: number;
}

/** Sends SIGTERM and waits for the exit; past `killAfterMs` the host is killed so no test hangs on it. */
export async function stopWebHost(host: WebHostProcess, killAfterMs = 10_000): Promise<Shutdown> {
  const { child } = host;
  if (child.exitCode !== null) return { code: child.exitCode, milliseconds: 0 };
  const started = Date.now();
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  const code = await exited;
  clearTimeout(timer);
  return { code, milliseconds: Date.now() - started };
}

/** Resident memory of the host process (engine worker threads included), from /proc: Linux only. */
export function residentMegabytes(pid: number): number {
  const kilobytes = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round(Number(kilobytes) / 1024);
}
