import { afterAll, describe, expect, it } from 'vitest';
import { TempDir, TRAFFIC_HEADER, trafficCsv, trafficRows } from '../testing/trafficFixture';
import { countDataLines } from './countDataLines';

const temp = new TempDir();
afterAll(() => temp.cleanup());

describe('countDataLines', () => {
  it.each([
    ['LF', '\n' as const],
    ['CRLF', '\r\n' as const],
    ['CR', '\r' as const],
  ])('counts the data rows under the header (%s)', async (_name, newline) => {
    const withEnd = temp.write(trafficCsv(trafficRows(37), { newline }));
    const withoutEnd = temp.write(trafficCsv(trafficRows(37), { newline, trailingNewline: false }));
    expect(await countDataLines(withEnd, newline)).toBe(37);
    expect(await countDataLines(withoutEnd, newline)).toBe(37);
  });

  it('counts 0 for a header-only or empty file', async () => {
    expect(await countDataLines(temp.write(`${TRAFFIC_HEADER}\n`), '\n')).toBe(0);
    expect(await countDataLines(temp.write(TRAFFIC_HEADER), '\n')).toBe(0);
    expect(await countDataLines(temp.write(''), '\n')).toBe(0);
  });

  it('counts every row of a file spanning many read chunks', async () => {
    const rows = 120_000;
    const path = temp.write(trafficCsv(trafficRows(rows)));
    expect(await countDataLines(path, '\n')).toBe(rows);
  });

  it('never undercounts: a quoted multi-line field makes it an upper bound', async () => {
    const text = `${TRAFFIC_HEADER}\n12:00:00 AM,1,Monday,1,1,1,1,4,"low\nstill low"\n12:15:00 AM,1,Monday,1,1,1,1,4,low\n`;
    expect(await countDataLines(temp.write(text), '\n')).toBeGreaterThanOrEqual(2);
  });

  it('rejects when aborted', async () => {
    const abort = new AbortController();
    abort.abort();
    await expect(countDataLines(temp.write(trafficCsv(trafficRows(10))), '\n', abort.signal)).rejects.toThrow();
  });
});
