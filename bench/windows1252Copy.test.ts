import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { sniffCsv } from '../electron/engine/source/sniffCsv';
import { TempDir } from '../electron/engine/testing/trafficFixture';
import { writeWindows1252Copy } from './windows1252Copy';

const temp = new TempDir();
afterAll(() => temp.cleanup());

describe('writeWindows1252Copy', () => {
  it('accents every junction id, also on lines cut by a read chunk, and the copy is detected as Windows-1252', async () => {
    const lines = ['Time,Total,Junction'];
    for (let i = 0; i < 120_000; i++) lines.push(`12:${String(i % 60).padStart(2, '0')}:00 AM,${i},J${String(i % 12).padStart(2, '0')}`);
    const source = temp.write(`${lines.join('\n')}\n`); // about 3 MB: the copy reads 1 MB chunks
    const out = temp.file('copy.csv');
    await writeWindows1252Copy(source, out);
    const copy = readFileSync(out);
    expect(copy.toString('latin1')).toBe(readFileSync(source, 'latin1').replace(/,J(?=\d)/g, ',J\u00fc'));
    expect((await sniffCsv(out)).dialect.encoding).toBe('windows-1252');
  });
});
