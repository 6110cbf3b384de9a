/**
 * Splits a file into byte ranges for a parallel scan. Each boundary is moved forward to just after
 * a line-break byte, so it is very likely where a row starts; "very likely" because a quoted field
 * may hold that line break. The scan verifies every boundary against the row before it and reads
 * a segment again from the true row start when a guess was wrong (see scanFile).
 */
import { open, type FileHandle } from 'node:fs/promises';
import type { CsvDialect } from '../csvDialect';

export interface ByteSegment {
  start: number;
  end: number;
}

const PROBE_BYTES = 64 * 1024;

/** The last byte of a line break: LF for `\n` and `\r\n`, CR for `\r`. */
export function lineBreakByte(newline: CsvDialect['newline']): number {
  return newline === '\r' ? 0x0d : 0x0a;
}

/** The first offset at or after `from` that follows a line-break byte; `size` when none does. */
async function nextLineStart(handle: FileHandle, from: number, size: number, breakByte: number): Promise<number> {
  const buffer = Buffer.alloc(PROBE_BYTES);
  // A line break ending at from - 1 makes `from` itself a line start.
  for (let at = Math.max(0, from - 1); at < size; at += PROBE_BYTES) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(PROBE_BYTES, size - at), at);
    if (bytesRead === 0) break;
    const index = buffer.subarray(0, bytesRead).indexOf(breakByte);
    if (index !== -1) return at + index + 1;
  }
  return size;
}

/** Up to `count` consecutive, non-empty segments covering [0, size); fewer when lines are long. */
export async function planSegments(path: string, size: number, newline: CsvDialect['newline'], count: number): Promise<ByteSegment[]> {
  if (count <= 1 || size === 0) return [{ start: 0, end: size }];
  const breakByte = lineBreakByte(newline);
  const handle = await open(path, 'r');
  const starts = [0];
  try {
    for (let k = 1; k < count; k++) {
      const start = await nextLineStart(handle, Math.floor((size * k) / count), size, breakByte);
      // A line longer than a whole segment pushes a boundary onto (or past) the next one.
      if (start > (starts[starts.length - 1] as number) && start < size) starts.push(start);
    }
  } finally {
    await handle.close();
  }
  return starts.map((start, k) => ({ start, end: starts[k + 1] ?? size }));
}
