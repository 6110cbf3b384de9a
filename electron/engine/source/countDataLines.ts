/**
 * Counts line breaks by scanning bytes, which is many times faster than parsing, so the progress
 * bar can show an exact total early. Quoted multi-line fields make this an upper bound; the
 * replay's own count replaces it when the file has been read.
 */
import { createReadStream } from 'node:fs';

export async function countDataLines(path: string, newline: '\n' | '\r\n' | '\r', signal?: AbortSignal): Promise<number> {
  const breakByte = newline === '\r' ? 0x0d : 0x0a;
  let newlines = 0;
  let lastByte = breakByte;
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024, signal });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let index = chunk.indexOf(breakByte);
    while (index !== -1) {
      newlines++;
      index = chunk.indexOf(breakByte, index + 1);
    }
    if (chunk.length > 0) lastByte = chunk[chunk.length - 1] as number;
  }
  const lines = lastByte === breakByte ? newlines : newlines + 1;
  return Math.max(lines - 1, 0); // minus the header
}
