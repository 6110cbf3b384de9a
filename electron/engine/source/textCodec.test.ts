import { describe, expect, it } from 'vitest';
import type { FILE_ENCODINGS } from '../../../shared/encoding';
import { decodeBytes, INVALID_BYTES_MARK, shownText, textCodecFor } from './textCodec';

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

  it('decodes a lone surrogate to one invalid-bytes mark for its two bytes, so offsets stay exact, and names the encoding when rejecting', () => {
    const bytes = Buffer.from([0x41, 0x00, 0x00, 0xd8, 0x42, 0x00]); // A, a high surrogate with no low one, B
    const codec = textCodecFor('utf-16le');
    const text = decodeBytes(codec, bytes);
    expect(text).toBe(`A${INVALID_BYTES_MARK}B`);
    expect(shownText(text)).toBe('A\uFFFDB');
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

describe('textCodec: a U+FFFD written in the file is text, invalid bytes are marked', () => {
  const written = Buffer.from('37\uFFFD36\'37.8"N'); // as csv-spectrum's location_coordinates.csv writes it

  it('UTF-8: keeps a written U+FFFD, at every cut of the chunk', () => {
    for (let cut = 0; cut <= written.length; cut++) {
      expect(decodeInPieces('utf-8', written, [cut]).text).toBe('37\uFFFD36\'37.8"N');
    }
  });

  it('UTF-8: marks invalid bytes, also when a character is cut short by a chunk boundary', () => {
    const bytes = Buffer.concat([Buffer.from('ab'), Buffer.from([0xff]), Buffer.from('c'), Buffer.from([0xe2, 0x82]), Buffer.from(',d')]);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const { text } = decodeInPieces('utf-8', bytes, [cut]);
      expect(text.startsWith(`ab${INVALID_BYTES_MARK}c`)).toBe(true);
      expect(text.endsWith(`${INVALID_BYTES_MARK},d`)).toBe(true);
      expect(text).not.toContain('\uFFFD');
    }
  });

  it('UTF-8: a chunk holding both marks every U+FFFD in it (rejecting is the safe side), a later clean chunk keeps its own', () => {
    const decoder = textCodecFor('utf-8').newDecoder();
    expect(decoder.write(Buffer.concat([written, Buffer.from([0xff])]))).toBe(`37${INVALID_BYTES_MARK}36'37.8"N${INVALID_BYTES_MARK}`);
    expect(decoder.write(written)).toBe('37\uFFFD36\'37.8"N');
  });

  it('UTF-8: holds every byte of a character fed one byte at a time', () => {
    const { text, held } = decodeInPieces('utf-8', Buffer.from('a€b'), [1, 2, 3, 4]);
    expect(text).toBe('a€b');
    expect(held).toEqual([0, 1, 2, 0, 0]);
  });

  it('UTF-8: an unfinished character at the end of the file is marked', () => {
    expect(decodeBytes(textCodecFor('utf-8'), Buffer.from([0x61, 0xe2, 0x82]))).toBe(`a${INVALID_BYTES_MARK}`);
  });

  it.each(['utf-16le', 'utf-16be'] as const)('%s: keeps a written U+FFFD, marks a lone surrogate', (encoding) => {
    const swap = (bytes: Buffer): Buffer => (encoding === 'utf-16be' ? bytes.swap16() : bytes);
    const codec = textCodecFor(encoding);
    expect(decodeBytes(codec, swap(Buffer.from('37\uFFFD36', 'utf16le')))).toBe('37\uFFFD36');
    expect(decodeBytes(codec, swap(Buffer.from('37\uD83D36', 'utf16le')))).toBe(`37${INVALID_BYTES_MARK}36`);
    expect(decodeInPieces(encoding, swap(Buffer.from('a\uFFFDb', 'utf16le')), [3]).text).toBe('a\uFFFDb');
  });
});
