/**
 * Checks on raw CSV text shared by the streaming reader and the whole-file scan, so both reject the
 * same rows for the same reasons.
 */

/** No real row is this long; a longer pending row means an unmatched quote swallowed the file. */
export const MAX_ROW_CHARS = 1024 * 1024;
/** Enough to fix a row by hand from the saved file; the on-screen list shows less. */
export const MAX_REJECTED_TEXT = 10_000;

export function countChar(text: string, char: string): number {
  let count = 0;
  let index = text.indexOf(char);
  while (index !== -1) {
    count++;
    index = text.indexOf(char, index + 1);
  }
  return count;
}

/** True when `text` holds an LF not preceded by CR: in a CRLF file it stays inside a field. */
export function hasBareLineFeed(text: string): boolean {
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i === 0 || text.charCodeAt(i - 1) !== 13) return true;
  }
  return false;
}

/** Bytes at the end of a chunk that start a UTF-8 character finished only by the next chunk. */
export function incompleteUtf8Tail(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: look further back for the lead
    // 0xF8-0xFF start nothing: the decoder turns such a byte into U+FFFD at once, holding nothing.
    const needed = byte >= 0xf8 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}
