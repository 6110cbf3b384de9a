/**
 * Reads a file the app keeps or is pointed at for settings (a PEM certificate, a profile, a JSON
 * document in the data folder) with a size limit. `readFile` reads until the end: a TLS CA path set
 * to /dev/zero or to a 372 MB file filled the engine worker's heap and killed it. Here the file is
 * opened without blocking (a FIFO would otherwise wait for a writer forever), must be a regular file,
 * and at most limit + 1 bytes are read, so a file over the limit is refused having cost that much.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

export const MB = 1024 * 1024;

/** Why a file was refused, in words for a message ("… because it is larger than 1 MB"). */
export class CappedReadError extends Error {
  constructor(
    readonly reason: 'too-large' | 'not-a-file',
    message: string,
  ) {
    super(message);
    this.name = 'CappedReadError';
  }
}

export function sizeText(bytes: number): string {
  return bytes % MB === 0 ? `${bytes / MB} MB` : `${bytes.toLocaleString('en-US')} bytes`;
}

/** The file's bytes, at most `limitBytes`; anything else (larger, not a regular file, or the file system's error) throws. */
export async function readCappedFile(path: string, limitBytes: number): Promise<Buffer> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      const what = stats.isDirectory() ? 'a folder' : stats.isFIFO() ? 'a pipe' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : 'not a regular file';
      throw new CappedReadError('not-a-file', `it is ${what}, not a regular file`);
    }
    const tooLarge = (): CappedReadError => new CappedReadError('too-large', `it is larger than ${sizeText(limitBytes)}, the most read for such a file`);
    if (stats.size > limitBytes) throw tooLarge();
    // The file can grow while it is read: read up to one byte more than allowed to know.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(Math.max(stats.size + 1 - total, 64 * 1024), limitBytes + 1 - total);
      if (want <= 0) break;
      const chunk = Buffer.alloc(want);
      const { bytesRead } = await handle.read(chunk, 0, want, total);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    if (total > limitBytes) throw tooLarge();
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

export async function readCappedText(path: string, limitBytes: number): Promise<string> {
  return (await readCappedFile(path, limitBytes)).toString('utf8');
}
