import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { TempDir, trafficCsv, trafficRows } from '../../testing/trafficFixture';
import { planSegments } from './planSegments';

const UTF8_LF = { newline: '\n', encoding: 'utf-8' } as const;
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
    const segments = await planSegments(path, bytes.length, { newline, encoding: 'utf-8' }, 4);
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

  it.each([
    // U+0A41 U+0100 is 41 0A 00 01 in LE, and U+0100 U+0A41 is 01 00 0A 41 in BE: a line break's
    // bytes at an odd offset, inside two characters, where no line starts.
    ['utf-16le' as const, 'ੁĀ', Buffer.from([0x0a, 0x00])],
    ['utf-16be' as const, 'Āੁ', Buffer.from([0x00, 0x0a])],
  ])('in %s cuts only after a line break that starts on a code unit, never inside a character', async (encoding, trap, lineBreak) => {
    const lines = Array.from({ length: 400 }, (_, i) => `${trap.repeat(20)},${i}`);
    const le = Buffer.from(`\ufeffname,n\n${lines.join('\n')}\n`, 'utf16le');
    const bytes = encoding === 'utf-16be' ? le.swap16() : le;
    const path = temp.write(bytes);
    const segments = await planSegments(path, bytes.length, { newline: '\n', encoding }, 4);
    expect(segments).toHaveLength(4);
    for (const segment of segments.slice(1)) {
      expect(segment.start % 2).toBe(0);
      expect(bytes.subarray(segment.start - 2, segment.start)).toEqual(lineBreak);
    }
  });

  it('keeps a cut that already falls at a line start', async () => {
    const path = temp.write('ab\ncd\n'); // 6 bytes: the cut at 3 is right after the first LF
    expect(await planSegments(path, 6, UTF8_LF, 2)).toEqual([
      { start: 0, end: 3 },
      { start: 3, end: 6 },
    ]);
  });

  it('plans fewer segments when lines are longer than a segment', async () => {
    const path = temp.write(`header\n${'x'.repeat(1000)}\nshort\n`);
    const size = readFileSync(path).length;
    const segments = await planSegments(path, size, UTF8_LF, 8);
    // Every cut from 1/8 to 7/8 lands in the long line, so all move to the line after it.
    expect(segments).toEqual([
      { start: 0, end: 1008 },
      { start: 1008, end: size },
    ]);
  });

  it('plans one segment when asked for one, or for an empty file', async () => {
    const path = temp.write(trafficCsv(trafficRows(10)));
    expect(await planSegments(path, 100, UTF8_LF, 1)).toEqual([{ start: 0, end: 100 }]);
    expect(await planSegments(temp.write(''), 0, UTF8_LF, 4)).toEqual([{ start: 0, end: 0 }]);
  });
});
