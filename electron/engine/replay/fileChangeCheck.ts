/**
 * A replay streams the file it opened; if something appends to it or cuts it meanwhile, the reader
 * simply reads what is there, so rows beyond the "exact" total appear, or the replay ends early and
 * looks finished. Comparing the size when opened and the modification time when the pass began with
 * what they are at the end of the pass is what tells the user the numbers describe a moving file.
 */
import { stat } from 'node:fs/promises';

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export async function stampOf(path: string): Promise<FileStamp | null> {
  try {
    const stats = await stat(path);
    return { size: stats.size, mtimeMs: stats.mtimeMs };
  } catch {
    return null; // gone: the reader reports that itself
  }
}

/** The message for a pass over a file that changed under it, or null when it did not. */
export function describeChange(openedSize: number, before: FileStamp | null, after: FileStamp | null): string | null {
  if (after === null) return null;
  if (after.size === openedSize && (before === null || after.mtimeMs === before.mtimeMs)) return null;
  const sizes = `${openedSize.toLocaleString('en-US')} bytes when opened, ${after.size.toLocaleString('en-US')} now`;
  return `The file changed while it was being read (${sizes}): the rows read are counted as read, and the total is what was read. Open the file again to replay it as it is now.`;
}
