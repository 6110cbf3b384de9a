import { describe, expect, it } from 'vitest';
import type { FILE_ENCODINGS } from '../../../shared/encoding';
import { decodeBytes, textCodecFor } from './textCodec';

const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, byte) => byte));

/** Feeds `bytes` to a fresh decoder in pieces cut at `cuts`; the text and the bytes held after each piece. */
function decodeInPieces(encoding: (typeof FILE_ENCODINGS)[number], bytes: Buffer, cuts: readonly number[]): { text: string; held: number[] } {
  const decoder = textCodecFor(encoding).newDecoder();
  let text = '';
  const held: number[] = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    text += decoder.write(bytes.subarray(from, cut));
    held.push(decoder.held);
    from = cut;
  }
  return { text: text + decoder.end(), held };
}

describe('textCodec: Windows-1252', () => {
  const codec = textCodecFor('windows-1252');

  it('decodes 0x80-0x9F as Windows-1252 (€, curly quotes), not as Latin-1 controls, whatever the chunk size', () => {
    for (const cuts of [[], [1], [0x80], [0x81, 0x82, 0x83]]) {
      const { text } = decodeInPieces('windows-1252', ALL_BYTES, cuts);
      expect(text.charAt(0x80)).toBe('€');
      expect(text.charAt(0x93)).toBe('\u201c');
      expect(text.charAt(0x9f)).toBe('Ÿ');
    }
  });

  it('reads the five undefined bytes as the C1 controls of the same number (WHATWG, as Latin-1 does): no byte is invalid', () => {
    const text = decodeBytes(codec, ALL_BYTES);
    expect(text).toHaveLength(256);
    for (const byte of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) expect(text.charCodeAt(byte)).toBe(byte);
    expect(text).not.toContain('\uFFFD');
    expect(codec.invalidReason).toBeNull();
  });

  it('agrees with Latin-1 on every byte outside 0x80-0x9F (ISO-8859-1 files read as they were written)', () => {
    const text = decodeBytes(codec, ALL_BYTES);
    const latin1 = ALL_BYTES.toString('latin1');
    for (let byte = 0; byte < 256; byte++) if (byte < 0x80 || byte > 0x9f) expect(text.charCodeAt(byte)).toBe(latin1.charCodeAt(byte));
  });

  it('counts one byte per character and holds nothing back', () => {
    const { text, held } = decodeInPieces('windows-1252', Buffer.from('Straße;Zürich\n', 'latin1'), [3, 5]);
    expect(codec.byteLength(text)).toBe(14);
    expect(held).toEqual([0, 0, 0]);
  });
});

describe('textCodec: UTF-16', () => {
  const sample = '\ufeffOrt;Zähler\nK😀ln;7\n';

  it.each(['utf-16le', 'utf-16be'] as const)('%s: decodes at every cut, holding back an odd byte or half a surrogate pair', (encoding) => {
    const le = Buffer.from(sample, 'utf16le');
    const bytes = encoding === 'utf-16be' ? Buffer.from(le).swap16() : le;
    for (let cut = 0; cut <= bytes.length; cut++) {
      const { text, held } = decodeInPieces(encoding, bytes, [cut]);
      expect(text).toBe(sample); // the mark stays, as U+FEFF: the readers drop it and count its bytes
      // Bytes taken = bytes given - bytes held = 2 × code units of text.
      const first = textCodecFor(encoding).newDecoder();
      const firstText = first.write(bytes.subarray(0, cut));
      expect(cut - first.held).toBe(textCodecFor(encoding).byteLength(firstText));
      expect(held.at(-1)).toBe(0);
    }
  });

  it('decodes a lone surrogate to one U+FFFD for its two bytes, so offsets stay exact, and names the encoding when rejecting', () => {
    const bytes = Buffer.from([0x41, 0x00, 0x00, 0xd8, 0x42, 0x00]); // A, a high surrogate with no low one, B
    const codec = textCodecFor('utf-16le');
    const text = decodeBytes(codec, bytes);
    expect(text).toBe('A\uFFFDB');
    expect(codec.byteLength(text)).toBe(bytes.length);
    expect(codec.invalidReason).toMatch(/^invalid UTF-16 LE/);
  });

  it('writes a line break as one code unit in the byte order of the file', () => {
    expect([...textCodecFor('utf-16le').encode('\n')]).toEqual([0x0a, 0x00]);
    expect([...textCodecFor('utf-16be').encode('\n')]).toEqual([0x00, 0x0a]);
    expect([...textCodecFor('utf-8').encode('\r')]).toEqual([0x0d]);
    expect([...textCodecFor('windows-1252').encode('\n')]).toEqual([0x0a]);
  });
});

describe('textCodec: UTF-8', () => {
  it('holds back a character cut by the end of a chunk and counts bytes as UTF-8', () => {
    const bytes = Buffer.from('Zürich\n');
    const { text, held } = decodeInPieces('utf-8', bytes, [2]);
    expect(text).toBe('Zürich\n');
    expect(held).toEqual([1, 0]);
    expect(textCodecFor('utf-8').byteLength(text)).toBe(bytes.length);
    expect(textCodecFor('utf-8').invalidReason).toMatch(/^invalid UTF-8/);
  });
});
