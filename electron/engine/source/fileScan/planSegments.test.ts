import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { TempDir, trafficCsv, trafficRows } from '../../testing/trafficFixture';
import { planSegments } from './planSegments';

const temp = new TempDir();
afterAll(() => temp.cleanup());

describe('planSegments', () => {
  it.each([
    ['LF', '\n' as const, 0x0a],
    ['CRLF', '\r\n' as const, 0x0a],
    ['CR', '\r' as const, 0x0d],
  ])('cuts a file into contiguous segments that each start after a line break (%s)', async (_name, newline, breakByte) => {
    const path = temp.write(trafficCsv(trafficRows(500), { newline }));
    const bytes = readFileSync(path);
    const segments = await planSegments(path, bytes.length, newline, 4);
    expect(segments).toHaveLength(4);
    expect(segments[0]?.start).toBe(0);
    expect(segments.at(-1)?.end).toBe(bytes.length);
    segments.forEach((segment, k) => {
      expect(segment.end).toBeGreaterThan(segment.start);
      if (k > 0) {
        expect(segment.start).toBe(segments[k - 1]?.end);
        expect(bytes[segment.start - 1]).toBe(breakByte);
        // The first line break at or after the even cut: no earlier one is skipped.
        const cut = Math.floor((bytes.length * k) / 4);
        expect(bytes.subarray(cut, segment.start - 1).includes(breakByte)).toBe(false);
      }
    });
  });

  it('keeps a cut that already falls at a line start', async () => {
    const path = temp.write('ab\ncd\n'); // 6 bytes: the cut at 3 is right after the first LF
    expect(await planSegments(path, 6, '\n', 2)).toEqual([
      { start: 0, end: 3 },
      { start: 3, end: 6 },
    ]);
  });

  it('plans fewer segments when lines are longer than a segment', async () => {
    const path = temp.write(`header\n${'x'.repeat(1000)}\nshort\n`);
    const size = readFileSync(path).length;
    const segments = await planSegments(path, size, '\n', 8);
    // Every cut from 1/8 to 7/8 lands in the long line, so all move to the line after it.
    expect(segments).toEqual([
      { start: 0, end: 1008 },
      { start: 1008, end: size },
    ]);
  });

  it('plans one segment when asked for one, or for an empty file', async () => {
    const path = temp.write(trafficCsv(trafficRows(10)));
    expect(await planSegments(path, 100, '\n', 1)).toEqual([{ start: 0, end: 100 }]);
    expect(await planSegments(temp.write(''), 0, '\n', 4)).toEqual([{ start: 0, end: 0 }]);
  });
});
