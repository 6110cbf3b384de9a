/**
 * A Windows-1252 copy of a generated traffic file, for measuring the parse of a file that is not
 * UTF-8: every junction id gains an "ü" (one byte, 0xFC), so no block of it is valid UTF-8 and the
 * engine detects Windows-1252, as it would for an agency's Latin-1 export of site names.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform, type TransformCallback } from 'node:stream';

/** The junction column is last: `,J07` at the end of each line becomes `,Jü07`. */
const JUNCTION_AT_LINE_END = /,J(?=\d+\r?\n)/g;

function accentJunctions(): Transform {
  let carried = ''; // a line cut by the chunk's end, finished by the next chunk
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      // Latin-1 maps every byte to the character of the same number: the generator writes ASCII.
      const text = carried + chunk.toString('latin1');
      const cut = text.lastIndexOf('\n') + 1;
      carried = text.slice(cut);
      done(null, Buffer.from(text.slice(0, cut).replace(JUNCTION_AT_LINE_END, ',J\u00fc'), 'latin1'));
    },
    flush(done: TransformCallback) {
      done(null, Buffer.from(carried, 'latin1'));
    },
  });
}

export async function writeWindows1252Copy(source: string, out: string): Promise<void> {
  await pipeline(createReadStream(source, { highWaterMark: 1024 * 1024 }), accentJunctions(), createWriteStream(out));
}
