/**
 * Splits a file into byte ranges for a parallel scan. Each boundary is moved forward to just after
 * a line break, so it is very likely where a row starts; "very likely" because a quoted field
 * may hold that line break. The scan verifies every boundary against the row before it and reads
 * a segment again from the true row start when a guess was wrong (see scanFile).
 */
import { open, type FileHandle } from 'node:fs/promises';
import type { CsvDialect } from '../csvDialect';
import { textCodecFor } from '../textCodec';

export interface ByteSegment {
  start: number;
  end: number;
}

const PROBE_BYTES = 64 * 1024;

/** The last character of a line break (LF for `\n` and `\r\n`, CR for `\r`) as the file writes it: one code unit. */
export function lineBreakBytes(dialect: Pick<CsvDialect, 'newline' | 'encoding'>): Buffer {
  return textCodecFor(dialect.encoding).encode(dialect.newline === '\r' ? '\r' : '\n');
}

/**
 * The first offset at or after `from` that follows a line break; `size` when none does. In UTF-16
 * the break's bytes count only where a code unit starts (an even offset): 0A 00 may also be the
 * end of one character and the start of the next.
 */
async function nextLineStart(handle: FileHandle, from: number, size: number, lineBreak: Buffer): Promise<number> {
  const width = lineBreak.length;
  const buffer = Buffer.alloc(PROBE_BYTES); // a multiple of every width, so reads start on a unit
  // A line break ending at `from` (rounded up to a unit) makes it a line start itself.
  for (let at = Math.max(0, Math.ceil(from / width) * width - width); at < size; at += PROBE_BYTES) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(PROBE_BYTES, size - at), at);
    if (bytesRead === 0) break;
    const probe = buffer.subarray(0, bytesRead);
    for (let index = probe.indexOf(lineBreak); index !== -1; index = probe.indexOf(lineBreak, index + 1)) {
      if (index % width === 0) return at + index + width;
    }
  }
  return size;
}

/** Up to `count` consecutive, non-empty segments covering [0, size); fewer when lines are long. */
export async function planSegments(
  path: string,
  size: number,
  dialect: Pick<CsvDialect, 'newline' | 'encoding'>,
  count: number,
): Promise<ByteSegment[]> {
  if (count <= 1 || size === 0) return [{ start: 0, end: size }];
  const lineBreak = lineBreakBytes(dialect);
  const handle = await open(path, 'r');
  const starts = [0];
  try {
    for (let k = 1; k < count; k++) {
      const start = await nextLineStart(handle, Math.floor((size * k) / count), size, lineBreak);
      // A line longer than a whole segment pushes a boundary onto (or past) the next one.
      if (start > (starts[starts.length - 1] as number) && start < size) starts.push(start);
    }
  } finally {
    await handle.close();
  }
  return starts.map((start, k) => ({ start, end: starts[k + 1] ?? size }));
}
