/**
 * How the bytes of a file in one encoding become text, and how many bytes a piece of that text
 * took in the file. The readers keep byte offsets (progress, checkpoints, seek, the scan's
 * segments) from text they have decoded, so they ask the codec, never Buffer.byteLength.
 *
 * - UTF-8 keeps Node's StringDecoder, the path measured in the benchmark. Its offsets are exact for
 *   valid text; an invalid byte decodes to U+FFFD (3 bytes again), which rejects its row anyway.
 * - Windows-1252 is one byte per character, so bytes = characters. It is decoded as WHATWG defines
 *   it (what browsers do): a superset of ISO-8859-1, and its five undefined bytes (0x81, 0x8D, 0x8F,
 *   0x90, 0x9D) become the C1 controls of the same number, as in Latin-1. So no byte is invalid:
 *   a Latin-1 export loses nothing, and an odd control character is kept, not a reason to drop a row.
 * - UTF-16 (LE, BE) is two bytes per code unit, also for a broken one: a lone surrogate decodes to
 *   one U+FFFD, a unit for a unit. Only an odd last byte of a file breaks the rule, at its very end.
 *
 * Node 20's TextDecoder decodes 'windows-1252' as Latin-1 (0x80 as U+0080, not €) when called
 * without `stream`, and correctly with it; every decode here streams (codec tests pin this).
 */
import { StringDecoder } from 'node:string_decoder';
import { TextDecoder } from 'node:util';
import { FILE_ENCODING_LABELS, type FileEncoding } from '../../../shared/encoding';
import { incompleteUtf8Tail } from './csvText';

/** Turns a file's chunks into text, holding back the bytes of a character the next chunk finishes. */
export interface ChunkDecoder {
  write(chunk: Buffer): string;
  /** Bytes held back after the last write (they start the next chunk's text). */
  readonly held: number;
  /** What is still held, at the end of the file. */
  end(): string;
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
  /** Why a row holding U+FFFD is rejected; null when no byte is invalid in this encoding. */
  readonly invalidReason: string | null;
}

class Utf8ChunkDecoder implements ChunkDecoder {
  private readonly decoder = new StringDecoder('utf8');
  held = 0;

  write(chunk: Buffer): string {
    this.held = incompleteUtf8Tail(chunk);
    return this.decoder.write(chunk);
  }

  end(): string {
    this.held = 0;
    return this.decoder.end();
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

  write(chunk: Buffer): string {
    const text = this.decoder.decode(chunk, { stream: true });
    this.held += chunk.length - text.length * this.bytesPerUnit;
    return text;
  }

  end(): string {
    this.held = 0;
    return this.decoder.decode();
  }
}

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

const WINDOWS_1252: TextCodec = {
  encoding: 'windows-1252',
  label: FILE_ENCODING_LABELS['windows-1252'],
  unitBytes: 1,
  byteLength: (text) => text.length,
  newDecoder: () => new FixedWidthChunkDecoder('windows-1252', 1),
  // Only ASCII characters are asked for (line breaks, delimiters): the same byte in Latin-1.
  encode: (char) => Buffer.from(char, 'latin1'),
  invalidReason: null,
};

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

const CODECS: Record<FileEncoding, TextCodec> = {
  'utf-8': UTF8,
  'windows-1252': WINDOWS_1252,
  'utf-16le': utf16('utf-16le'),
  'utf-16be': utf16('utf-16be'),
};

export function textCodecFor(encoding: FileEncoding): TextCodec {
  return CODECS[encoding];
}

/** All of `bytes` as text (a whole block, not a stream). */
export function decodeBytes(codec: TextCodec, bytes: Buffer): string {
  const decoder = codec.newDecoder();
  return decoder.write(bytes) + decoder.end();
}
