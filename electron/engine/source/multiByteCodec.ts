/**
 * Text in the East Asian code pages (EUC-KR / CP949, GB18030 / GBK, Big5, Shift_JIS): ASCII as it
 * is, other characters in two bytes (GB18030 also in four). Decoded with the WHATWG decoder (what
 * browsers do); the bytes a piece of text took are counted by encoding it again (iconv-lite), since
 * the readers keep byte offsets from the text they decoded (see textCodec.ts).
 *
 * Line breaks and delimiters are ASCII, and no byte of a two-byte character is a line break, so a
 * file can be cut after any line-break byte, as in UTF-8. What a chunk leaves unfinished is worked
 * out from the lead bytes, so the held bytes are exact for valid text.
 */
import iconv from 'iconv-lite';
import { TextDecoder } from 'node:util';
import type { MultiByteEncoding } from '../../../shared/encoding';

/** iconv-lite's name for each: the Windows code page the WHATWG decoder reads. */
const ICONV_NAME: Record<MultiByteEncoding, string> = {
  'euc-kr': 'cp949',
  gb18030: 'gb18030',
  big5: 'cp950',
  shift_jis: 'shift_jis',
};

/** Bytes `text` takes in `encoding` (a character it cannot hold counts as the one byte written for it). */
export function multiByteLength(encoding: MultiByteEncoding, text: string): number {
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i++) if (text.charCodeAt(i) > 0x7f) ascii = false;
  return ascii ? text.length : iconv.encode(text, ICONV_NAME[encoding]).length;
}

/** Bytes of the character a byte starts (1 for ASCII and single-byte kana), given the byte after it. */
function characterBytes(encoding: MultiByteEncoding, lead: number, next: number | undefined): number {
  if (lead < 0x80) return 1;
  if (encoding === 'shift_jis') return lead >= 0xa1 && lead <= 0xdf ? 1 : 2;
  if (lead === 0x80 || lead === 0xff) return 1; // not a lead byte: decoded as one invalid byte
  if (encoding === 'gb18030' && next !== undefined && next >= 0x30 && next <= 0x39) return 4;
  // A GB18030 lead byte at the very end might start a four-byte character: two is the least it needs.
  return 2;
}

/** A streaming decoder: how many bytes of the last chunk wait for the next (a character cut in two). */
export class MultiByteChunkDecoder {
  private readonly decoder: TextDecoder;
  held = 0;
  private heldBytes: Buffer = Buffer.alloc(0);

  constructor(private readonly encoding: MultiByteEncoding) {
    this.decoder = new TextDecoder(encoding);
  }

  write(chunk: Buffer): string {
    const text = this.decoder.decode(chunk, { stream: true });
    const bytes = this.heldBytes.length > 0 ? Buffer.concat([this.heldBytes, chunk]) : chunk;
    let at = 0;
    while (at < bytes.length) {
      const size = characterBytes(this.encoding, bytes[at] as number, bytes[at + 1]);
      if (at + size > bytes.length) break;
      at += size;
    }
    this.held = bytes.length - at;
    this.heldBytes = this.held > 0 ? Buffer.from(bytes.subarray(at)) : Buffer.alloc(0);
    return text;
  }

  end(): string {
    this.held = 0;
    this.heldBytes = Buffer.alloc(0);
    return this.decoder.decode();
  }
}
