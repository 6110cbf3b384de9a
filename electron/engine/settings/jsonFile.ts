/**
 * A small JSON document on disk that is read once and rewritten whole: missing means empty, corrupt
 * means empty with the bad file kept beside it as `.bak` (the user's data is never silently
 * destroyed), and writes go to a temporary file renamed into place so a crash mid-write leaves the
 * previous version intact.
 */
import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { CappedReadError, MB, readCappedText } from './cappedFile';
import { handledElsewhere, logFailure } from '../supervision';

export interface JsonFileOptions {
  /** File mode for new files, e.g. 0o600 for secrets. */
  mode?: number;
}

/** The largest of these documents (the SQL history: 200 queries of up to 100,000 characters) stays well below. */
export const JSON_FILE_MAX_BYTES = 64 * MB;

export async function readJsonFile<T>(path: string, schema: z.ZodType<T>, empty: T): Promise<T> {
  let text: string | null;
  try {
    text = await readCappedText(path, JSON_FILE_MAX_BYTES);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return empty;
    // Too large, or not a file at all: not one of ours, so kept aside like a corrupt one.
    if (!(error instanceof CappedReadError)) throw error;
    text = null;
  }
  let parsed: z.ZodSafeParseResult<T> | null = null;
  try {
    parsed = text === null ? null : schema.safeParse(JSON.parse(text));
  } catch {
    parsed = null;
  }
  if (parsed?.success) return parsed.data;
  // Unreadable as ours: keep it for the user (or a later version of the app) and start afresh.
  await rename(path, `${path}.bak`).catch(logFailure('settings', `could not keep the unreadable ${path} as ${path}.bak`));
  return empty;
}

/** Serialises writes per file so the last call always wins on disk. */
export class JsonFileWriter {
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly options: JsonFileOptions = {},
  ) {}

  write(value: unknown): Promise<void> {
    const text = `${JSON.stringify(value, null, 2)}\n`;
    const { path } = this;
    const mode = this.options.mode;
    const write = this.writing.then(async () => {
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.tmp`;
      await writeFile(temporary, text, mode === undefined ? {} : { mode });
      // writeFile's mode applies only when it creates the file; a leftover temporary keeps its own.
      if (mode !== undefined) await chmod(temporary, mode);
      await rename(temporary, path);
    });
    this.writing = write.catch(handledElsewhere); // one failed write must not block the next
    return write;
  }
}
