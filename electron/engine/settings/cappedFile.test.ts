/**
 * Files read for settings have a size limit and must be regular files: a TLS CA path set to
 * /dev/zero or to a huge file used to be read whole until the engine worker ran out of heap. TLS
 * paths now come only from profiles an earlier version saved (migrated on load), and are read the
 * same way. Real files, a real device and a real FIFO.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PEM_MAX_BYTES } from '../../../shared/kafka/profileContract';
import { parseNetworkFile } from '../graph/networkFile';
import { migrateLegacyProfile, type LegacyProfile } from '../kafka/profiles/legacyTlsPaths';
import { MB, readCappedText } from './cappedFile';
import { readJsonFile } from './jsonFile';

const profile: LegacyProfile = {
  id: 'old',
  name: 'Test',
  brokers: ['127.0.0.1:9092'],
  clientId: 'traffic-monitor',
  tls: { enabled: true, caPath: null, certPath: null, keyPath: null, rejectUnauthorized: true },
  sasl: null,
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'capped-file-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A PEM-looking file of `bytes` bytes. */
function pemFile(name: string, bytes: number): string {
  const path = join(dir, name);
  const head = '-----BEGIN CERTIFICATE-----\n';
  writeFileSync(path, head + 'A'.repeat(bytes - head.length));
  return path;
}

describe('files read for settings', () => {
  it('refuses a saved TLS CA path at /dev/zero at once, saying it is a device', async () => {
    const started = performance.now();
    const { profile: migrated } = await migrateLegacyProfile({ ...profile, tls: { ...profile.tls, caPath: '/dev/zero' } });
    expect(migrated.notice).toContain('The TLS CA certificate file /dev/zero saved by an earlier version could not be read (it is a device, not a regular file)');
    expect(migrated.tls.ca).toBeNull();
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('refuses a saved TLS file over the PEM limit, naming the limit, and reads one just under it', async () => {
    const big = pemFile('big.pem', PEM_MAX_BYTES + 1);
    const tooBig = await migrateLegacyProfile({ ...profile, tls: { ...profile.tls, caPath: big } });
    expect(tooBig.profile.notice).toContain(`could not be read (it is larger than ${PEM_MAX_BYTES.toLocaleString('en-US')} bytes, the most read for such a file)`);
    const fits = pemFile('fits.pem', PEM_MAX_BYTES);
    const read = await migrateLegacyProfile({ ...profile, tls: { ...profile.tls, caPath: fits } });
    expect(read.profile.tls.ca?.pem).toHaveLength(PEM_MAX_BYTES);
    expect(read.profile.notice).toBeUndefined();
  });

  it('does not wait on a FIFO that nobody writes', async () => {
    const fifo = join(dir, 'ca.fifo');
    execFileSync('mkfifo', [fifo]);
    const { profile: migrated } = await migrateLegacyProfile({ ...profile, tls: { ...profile.tls, keyPath: fifo, certPath: fifo } });
    expect(migrated.notice).toMatch(/it is a pipe, not a regular file/);
    await expect(readCappedText(fifo, MB)).rejects.toThrow(/a pipe/);
  });

  it('keeps an oversized settings document aside and starts empty, as it does a corrupt one', async () => {
    const path = join(dir, 'profiles.json');
    writeFileSync(path, `{"items":[${'"x",'.repeat(17 * MB)}"x"]}`);
    const read = await readJsonFile(path, z.object({ items: z.array(z.string()) }), { items: [] });
    expect(read).toEqual({ items: [] });
    expect(existsSync(`${path}.bak`)).toBe(true);
  });

  it('reports a junction network file at /dev/zero as unreadable rather than reading it forever', async () => {
    const parsed = await parseNetworkFile('/dev/zero');
    expect(parsed.junctions).toEqual([]);
    expect(parsed.problems).toEqual([{ kind: 'unreadable', where: 'file', message: 'the file could not be read: it is a device, not a regular file' }]);
  });
});
