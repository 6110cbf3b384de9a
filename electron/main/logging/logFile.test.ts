/** The log file with the real electron-log (its plain-Node build), writing real files. */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import log from 'electron-log/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configureLogFile, logFilePath } from './logFile';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'app-log-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the rotated log file', () => {
  it('lives in logs/ under the user data folder', () => {
    expect(logFilePath('/home/u/.config/Traffic Monitor')).toBe(join('/home/u/.config/Traffic Monitor', 'logs', 'main.log'));
  });

  it('rotates into three numbered generations, newest first, and never grows past its cap', () => {
    const logger = log.create({ logId: `rotation-${Date.now()}` });
    logger.transports.console.level = false;
    const path = logFilePath(dir);
    configureLogFile(logger.transports.file, path, 4096, 3);
    for (let i = 0; i < 400; i += 1) logger.info(`line ${String(i).padStart(4, '0')} ${'x'.repeat(40)}`);

    for (const name of ['main.log', 'main.1.log', 'main.2.log', 'main.3.log']) {
      expect(existsSync(join(dir, 'logs', name)), name).toBe(true);
      expect(statSync(join(dir, 'logs', name)).size).toBeLessThanOrEqual(4096 + 200);
    }
    expect(existsSync(join(dir, 'logs', 'main.4.log'))).toBe(false);
    const current = readFileSync(path, 'utf8');
    expect(current).toContain('line 0399');
    const lastOf = (name: string): number => Number(/line (\d{4})/g.exec(readFileSync(join(dir, 'logs', name), 'utf8').trim().split('\n').at(-1) ?? '')?.[1]);
    const firstOf = (name: string): number => Number(/line (\d{4})/.exec(readFileSync(join(dir, 'logs', name), 'utf8'))?.[1]);
    // Each generation ends where the next newer one begins: nothing lost between them.
    expect(lastOf('main.1.log') + 1).toBe(firstOf('main.log'));
    expect(lastOf('main.2.log') + 1).toBe(firstOf('main.1.log'));
    expect(lastOf('main.3.log') + 1).toBe(firstOf('main.2.log'));
  });
});
