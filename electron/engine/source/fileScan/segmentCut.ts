/**
 * Where a segment ends. Its reader yields rows block by block, each block starting at a row
 * boundary it knows (the block's checkpoint); the block that holds the segment's end is parsed once
 * more from that boundary up to the end, to learn whether a row ends exactly there and, if so, on
 * which line the next row starts. Parsing is papaparse's, as in the reader, so both agree.
 */
import { open } from 'node:fs/promises';
import { createBlockParser } from '../blockParser';
import type { CsvDialect } from '../csvDialect';

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
    let pending = '';
    let at = from;
    while (at < to) {
      // A chunk may end inside a UTF-8 character: its first bytes are read again with the next.
      const { bytesRead } = await handle.read(buffer, 0, Math.min(CHUNK_BYTES, to - at), at);
      if (bytesRead === 0) return null;
      let usable = bytesRead;
      if (at + bytesRead < to) usable -= incompleteUtf8Tail(buffer.subarray(0, bytesRead));
      let text = buffer.toString('utf8', 0, usable);
      if (at === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1); // the BOM is no row
      at += usable;
      const block = pending + text;
      const result = parse(block, false);
      for (const fields of result.rows) line += 1 + countChar(fields.join(''), lineBreak);
      pending = block.slice(result.cursor);
      if (pending.length > MAX_ROW_CHARS) return null;
    }
    return pending === '' ? line : null;
  } finally {
    await handle.close();
  }
}

/** Bytes at the end of a chunk that start a UTF-8 character finished only by the next chunk. */
function incompleteUtf8Tail(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}
