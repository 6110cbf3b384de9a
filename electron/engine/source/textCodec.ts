/**
 * How the bytes of a file in one encoding become text, and how many bytes a piece of that text
 * took in the file. The readers keep byte offsets (progress, checkpoints, seek, the scan's
 * segments) from text they have decoded, so they ask the codec, never Buffer.byteLength.
 *
 * - UTF-8 keeps Node's StringDecoder, the path measured in the benchmark. Its offsets are exact for
 *   valid text; invalid bytes decode to a mark counted as 3 bytes, and reject their row anyway.
 * - Windows-1252 is one byte per character, so bytes = characters. It is decoded as WHATWG defines
 *   it (what browsers do): a superset of ISO-8859-1, and its five undefined bytes (0x81, 0x8D, 0x8F,
 *   0x90, 0x9D) become the C1 controls of the same number, as in Latin-1. So no byte is invalid:
 *   a Latin-1 export loses nothing, and an odd control character is kept, not a reason to drop a row.
 * - UTF-16 (LE, BE) is two bytes per code unit, also for a broken one: a lone surrogate decodes to
 *   one mark, a unit for a unit. Only an odd last byte of a file breaks the rule, at its very end.
 * - The East Asian code pages (EUC-KR, GB18030, Big5, Shift_JIS) write one to four bytes a
 *   character: see multiByteCodec.ts. Their offsets are exact for valid text; an invalid byte
 *   rejects its row and may put the offsets after it a byte off.
 *
 * Node 20's TextDecoder decodes 'windows-1252' as Latin-1 (0x80 as U+0080, not €) when called
 * without `stream`, and correctly with it; every decode here streams (codec tests pin this).
 *
 * Bytes that are invalid in the encoding come out as INVALID_BYTES_MARK, not as U+FFFD: a file
 * may hold U+FFFD as a character of its own (csv-spectrum's location_coordinates.csv does), and
 * that row is good. Telling the two apart costs nothing for text without U+FFFD, which is nearly
 * all text; otherwise the chunk's bytes say whether it holds invalid ones, literal U+FFFD or both
 * (then every U+FFFD in it counts as invalid: rejecting is the safe side).
 */
import { isUtf8 } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import { TextDecoder } from 'node:util';
import { FILE_ENCODING_LABELS, type FileEncoding, type MultiByteEncoding } from '../../../shared/encoding';
import { incompleteUtf8Tail } from './csvText';
import { MultiByteChunkDecoder, multiByteLength } from './multiByteCodec';

/** Turns a file's chunks into text, holding back the bytes of a character the next chunk finishes. */
export interface ChunkDecoder {
  write(chunk: Buffer): string;
  /** Bytes held back after the last write (they start the next chunk's text). */
  readonly held: number;
  /** What is still held, at the end of the file. */
  end(): string;
}

/**
 * Stands for bytes invalid in the file's encoding. A lone low surrogate: decoding never yields one
 * (UTF-8 cannot encode surrogates; the UTF-16 decoder replaces a lone one), so it is never text.
 */
export const INVALID_BYTES_MARK = '\uDFFF';
const REPLACEMENT = '\uFFFD';
const EMPTY = Buffer.alloc(0);

/** Text for people: the invalid-bytes mark shown as U+FFFD, as every program shows such bytes. */
export function shownText(text: string): string {
  return text.includes(INVALID_BYTES_MARK) ? text.replaceAll(INVALID_BYTES_MARK, REPLACEMENT) : text;
}

export interface TextCodec {
  readonly encoding: FileEncoding;
  /** "UTF-8", "Windows-1252", …: for people. */
  readonly label: string;
  /** Bytes of the smallest unit: a cut of the file must fall on a multiple of it. */
  readonly unitBytes: 1 | 2;
  /** Bytes `text` took in the file. */
  byteLength(text: string): number;
  newDecoder(): ChunkDecoder;
  /** The bytes of one character (a line break, a delimiter) in this encoding. */
  encode(char: string): Buffer;
  /** Why a row holding INVALID_BYTES_MARK is rejected; null when no byte is invalid in this encoding. */
  readonly invalidReason: string | null;
}

/** Every U+FFFD in `text` as the invalid-bytes mark. */
const markAll = (text: string): string => text.replaceAll(REPLACEMENT, INVALID_BYTES_MARK);

class Utf8ChunkDecoder implements ChunkDecoder {
  private readonly decoder = new StringDecoder('utf8');
  held = 0;
  /** The bytes held back from the last chunk, which the next one finishes. */
  private heldBytes = EMPTY;

  write(chunk: Buffer): string {
    const before = this.heldBytes;
    const text = this.decoder.write(chunk);
    // A chunk shorter than a character may only continue the one held before it.
    const tail = chunk.length >= 4 || before.length === 0 ? chunk : Buffer.concat([before, chunk]);
    this.held = incompleteUtf8Tail(tail);
    this.heldBytes = this.held > 0 ? Buffer.from(tail.subarray(tail.length - this.held)) : EMPTY;
    if (!text.includes(REPLACEMENT)) return text;
    // Invalid bytes and a written U+FFFD in one chunk: every U+FFFD counts as invalid.
    return this.holdsInvalidBytes(before, chunk) ? markAll(text) : text;
  }

  /** Whether the bytes decoded by this write (the held ones first) are not all UTF-8. */
  private holdsInvalidBytes(before: Buffer, chunk: Buffer): boolean {
    let finishing = 0; // continuation bytes that finish the character held from the chunk before
    if (before.length > 0) while (finishing < Math.min(3, chunk.length) && ((chunk[finishing] as number) & 0xc0) === 0x80) finishing++;
    const boundary = Buffer.concat([before, chunk.subarray(0, finishing)]);
    return !isUtf8(boundary) || !isUtf8(chunk.subarray(finishing, chunk.length - this.held));
  }

  end(): string {
    this.held = 0;
    this.heldBytes = EMPTY;
    const text = this.decoder.end();
    return markAll(text); // anything left is a character the file never finished
  }
}

/** A WHATWG decoder whose every code unit of text came from `bytesPerUnit` bytes of the file. */
class FixedWidthChunkDecoder implements ChunkDecoder {
  private readonly decoder: TextDecoder;
  held = 0;

  constructor(
    encoding: FileEncoding,
    private readonly bytesPerUnit: number,
  ) {
    // The byte-order mark stays in the text (as U+FEFF) so its bytes count like any other's; the
    // readers drop it at the start of the file, as they do in UTF-8.
    this.decoder = new TextDecoder(encoding, { ignoreBOM: true });
  }

  /** The bytes held back, which the next write decodes first (kept for UTF-16's check below). */
  private heldBytes = EMPTY;

  write(chunk: Buffer): string {
    const before = this.heldBytes;
    const text = this.decoder.decode(chunk, { stream: true });
    this.held += chunk.length - text.length * this.bytesPerUnit;
    if (this.bytesPerUnit === 1) return text;
    const held = this.held;
    this.heldBytes = held === 0 ? EMPTY : Buffer.from(held <= chunk.length ? chunk.subarray(chunk.length - held) : Buffer.concat([before, chunk]).subarray(-held));
    if (!text.includes(REPLACEMENT)) return text;
    const decoded = Buffer.concat([before, chunk]);
    return utf16HoldsOnlyWrittenReplacements(this.decoder.encoding, decoded.subarray(0, decoded.length - held)) ? text : markAll(text);
  }

  end(): string {
    this.held = 0;
    this.heldBytes = EMPTY;
    return markAll(this.decoder.decode()); // a character the file never finished
  }
}

/** Whether whole UTF-16 code units hold U+FFFD written as such (FFFD) and no lone surrogate. */
function utf16HoldsOnlyWrittenReplacements(encoding: string, units: Buffer): boolean {
  const text = (encoding === 'utf-16be' ? Buffer.from(units).swap16() : units).toString('utf16le');
  return !LONE_SURROGATE.test(text) && text.includes(REPLACEMENT);
}
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function invalidReason(label: string): string {
  return `invalid ${label}: the row holds bytes that are not ${label} text (shown as \uFFFD); if the file is in another encoding, choose it in Edit roles`;
}

const UTF8: TextCodec = {
  encoding: 'utf-8',
  label: FILE_ENCODING_LABELS['utf-8'],
  unitBytes: 1,
  byteLength: (text) => Buffer.byteLength(text),
  newDecoder: () => new Utf8ChunkDecoder(),
  encode: (char) => Buffer.from(char, 'utf8'),
  invalidReason: invalidReason(FILE_ENCODING_LABELS['utf-8']),
};

/** A one-byte Windows code page: one character per byte (WHATWG maps its unused bytes to controls). */
function singleByte(encoding: 'windows-1252' | 'windows-1250'): TextCodec {
  return {
    encoding,
    label: FILE_ENCODING_LABELS[encoding],
    unitBytes: 1,
    byteLength: (text) => text.length,
    newDecoder: () => new FixedWidthChunkDecoder(encoding, 1),
    // Only ASCII characters are asked for (line breaks, delimiters): the same byte in Latin-1.
    encode: (char) => Buffer.from(char, 'latin1'),
    invalidReason: null,
  };
}

function utf16(encoding: 'utf-16le' | 'utf-16be'): TextCodec {
  const label = FILE_ENCODING_LABELS[encoding];
  return {
    encoding,
    label,
    unitBytes: 2,
    byteLength: (text) => text.length * 2,
    newDecoder: () => new FixedWidthChunkDecoder(encoding, 2),
    encode: (char) => {
      const bytes = Buffer.from(char, 'utf16le');
      return encoding === 'utf-16be' ? bytes.swap16() : bytes;
    },
    invalidReason: invalidReason(label),
  };
}

/** Decodes as multiByteCodec.ts does, with invalid bytes as the mark (no East Asian text writes U+FFFD itself). */
class MarkedMultiByteDecoder implements ChunkDecoder {
  private readonly inner: MultiByteChunkDecoder;

  constructor(encoding: MultiByteEncoding) {
    this.inner = new MultiByteChunkDecoder(encoding);
  }

  get held(): number {
    return this.inner.held;
  }

  write(chunk: Buffer): string {
    const text = this.inner.write(chunk);
    return text.includes(REPLACEMENT) ? markAll(text) : text;
  }

  end(): string {
    return markAll(this.inner.end());
  }
}

function multiByte(encoding: MultiByteEncoding): TextCodec {
  const label = FILE_ENCODING_LABELS[encoding];
  return {
    encoding,
    label,
    unitBytes: 1,
    byteLength: (text) => multiByteLength(encoding, text),
    newDecoder: () => new MarkedMultiByteDecoder(encoding),
    encode: (char) => Buffer.from(char, 'latin1'),
    invalidReason: invalidReason(label),
  };
}

const CODECS: Record<FileEncoding, TextCodec> = {
  'utf-8': UTF8,
  'windows-1252': singleByte('windows-1252'),
  'windows-1250': singleByte('windows-1250'),
  'utf-16le': utf16('utf-16le'),
  'utf-16be': utf16('utf-16be'),
  'euc-kr': multiByte('euc-kr'),
  gb18030: multiByte('gb18030'),
  big5: multiByte('big5'),
  shift_jis: multiByte('shift_jis'),
};

export function textCodecFor(encoding: FileEncoding): TextCodec {
  return CODECS[encoding];
}

/** All of `bytes` as text (a whole block, not a stream). */
export function decodeBytes(codec: TextCodec, bytes: Buffer): string {
  const decoder = codec.newDecoder();
  return decoder.write(bytes) + decoder.end();
}
