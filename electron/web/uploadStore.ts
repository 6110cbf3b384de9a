/**
 * Files the browser uploads are streamed to disk (never buffered whole), so a 1 GB upload costs
 * no memory, and then opened by path like any other file.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';

export function safeUploadName(name: string): string {
  const base = basename(name.replace(/\\/g, '/')).replace(/[^\w.\- ()]/g, '_').slice(0, 120);
  return base === '' || base === '.' || base === '..' ? 'upload.csv' : base;
}

export async function saveUpload(request: IncomingMessage, uploadDir: string, name: string): Promise<string> {
  await mkdir(uploadDir, { recursive: true });
  // A folder per upload keeps the user's file name (shown in the app) and never overwrites.
  const target = join(await mkdtemp(join(uploadDir, 'upload-')), safeUploadName(name));
  await pipeline(request, createWriteStream(target));
  return target;
}
