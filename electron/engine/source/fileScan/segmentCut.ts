/**
 * Where a segment ends. Its reader yields rows block by block, each block starting at a row
 * boundary it knows (the block's checkpoint); the block that holds the segment's end is parsed once
 * more from that boundary up to the end, to learn whether a row ends exactly there and, if so, on
 * which line the next row starts. Parsing is papaparse's, as in the reader, so both agree.
 */
import { open } from 'node:fs/promises';
import { createBlockParser } from '../blockParser';
import type { CsvDialect } from '../csvDialect';
import { textCodecFor } from '../textCodec';

const CHUNK_BYTES = 1024 * 1024;
/** The reader's own limit for one row; past it the reader resynchronises, so no verdict here. */
const MAX_ROW_CHARS = 1024 * 1024;

function countChar(text: string, char: string): number {
  let count = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) count++;
  return count;
}

/**
 * Parses bytes [from, to) of the file, `from` being a row boundary on line `line`. The line on which
 * the row starting at `to` begins when a row ends exactly at `to`; null when a row (or a quoted
 * field) runs on past it.
 */
export async function lineAtRowBoundary(
  path: string,
  dialect: CsvDialect,
  columns: readonly string[],
  from: number,
  line: number,
  to: number,
): Promise<number | null> {
  const parse = createBlockParser({ ...dialect, columns });
  const lineBreak = dialect.newline === '\r' ? '\r' : '\n';
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK_BYTES);
    const decoder = textCodecFor(dialect.encoding).newDecoder();
    let pending = '';
    let at = from;
    while (at < to) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(CHUNK_BYTES, to - at), at);
      if (bytesRead === 0) return null;
      // A chunk may end inside a character: the decoder holds its first bytes for the next.
      let text = decoder.write(buffer.subarray(0, bytesRead));
      if (at === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1); // the BOM is no row
      at += bytesRead;
      const block = pending + text;
      const result = parse(block, false);
      for (const fields of result.rows) line += 1 + countChar(fields.join(''), lineBreak);
      pending = block.slice(result.cursor);
      if (pending.length > MAX_ROW_CHARS) return null;
    }
    // Bytes still held: `to` falls inside a character, so no row ends there.
    return pending === '' && decoder.held === 0 ? line : null;
  } finally {
    await handle.close();
  }
}
