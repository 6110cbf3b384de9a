/**
 * Files the browser uploads are streamed to disk (never buffered whole), so a 1 GB upload costs
 * no memory, and then opened by path like any other file. The store also decides how long a copy
 * lives: an upload over the size limit or cut off is removed at once, one replaced by a newer
 * upload for the same use (the open CSV, the road network, …) is removed once nothing uses it, and
 * one that a command named and then did not take (a binary file, an empty one, a CSV that is not
 * one) is removed when that command ends: the page uploads afresh for every try, so a user who
 * tries a few wrong multi-gigabyte files does not fill the disk until the host stops. An upload no
 * command ever names (the tab was closed between the upload and the open) is removed after
 * UNCLAIMED_UPLOAD_MS. The disk and the list of issued paths stay as small as what is in use.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { basename, dirname, join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A traffic file of a year of many sensors can run to gigabytes; this refuses only the absurd. */
export const DEFAULT_MAX_UPLOAD_MB = 20 * 1024;
const BYTES_PER_MB = 1024 * 1024;
/** The page names an upload in the command it sends the moment the upload ends; ten minutes is far past any such wait. */
export const UNCLAIMED_UPLOAD_MS = 10 * 60_000;

export function safeUploadName(name: string): string {
  const base = basename(name.replace(/\\/g, '/')).replace(/[^\w.\- ()]/g, '_').slice(0, 120);
  return base === '' || base === '.' || base === '..' ? 'upload.csv' : base;
}

/** "20 GB" rather than "20480 MB", so the message reads as the user would say it. */
export function describeMegabytes(megabytes: number): string {
  return megabytes >= 1024 && megabytes % 1024 === 0 ? `${megabytes / 1024} GB` : `${megabytes} MB`;
}

export class UploadTooLargeError extends Error {
  constructor(maxMegabytes: number) {
    super(`The file is larger than the upload limit of ${describeMegabytes(maxMegabytes)} (set with --max-upload-mb or TRAFFIC_MONITOR_MAX_UPLOAD_MB).`);
  }
}

/** Passes bytes through until more than `maxBytes` have come, then fails the pipeline. */
function byteLimit(maxBytes: number, error: () => Error): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > maxBytes) callback(error());
      else callback(null, chunk);
    },
  });
}

export class UploadStore {
  /** Paths this store gave out and has not removed: the only paths a client's command may name. */
  private readonly issued = new Set<string>();
  /** What each use (a command name) last opened; an upload no use holds any more is removed. */
  private readonly held = new Map<string, string>();
  /** Commands in flight that name each upload: none of them may lose its file while it runs. */
  private readonly named = new Map<string, number>();

  constructor(
    private readonly folder: string,
    private readonly maxMegabytes: number,
    private readonly unclaimedMs = UNCLAIMED_UPLOAD_MS,
  ) {}

  isIssued(path: string): boolean {
    return this.issued.has(path);
  }

  /**
   * Streams the request body to a new file and returns its path. Throws UploadTooLargeError (before
   * reading, when Content-Length says so) or the stream's error; either way nothing stays on disk.
   */
  async save(request: IncomingMessage, name: string): Promise<string> {
    const maxBytes = this.maxMegabytes * BYTES_PER_MB;
    if (Number(request.headers['content-length'] ?? 0) > maxBytes) throw new UploadTooLargeError(this.maxMegabytes);
    await mkdir(this.folder, { recursive: true });
    // A folder per upload keeps the user's file name (shown in the app) and never overwrites.
    const target = join(await mkdtemp(join(this.folder, 'upload-')), safeUploadName(name));
    // A chunked upload declares no size: only counting the bytes can enforce the limit.
    const limiter = byteLimit(maxBytes, () => new UploadTooLargeError(this.maxMegabytes));
    // Piped by hand, not through pipeline(): a failed pipeline destroys its source, and destroying
    // the request would reset the connection before the 413 could tell the user why.
    const cutOff = (): void => {
      if (!request.complete) limiter.destroy(new Error('The upload was cut off before its end.'));
    };
    request.once('close', cutOff);
    request.pipe(limiter);
    try {
      await pipeline(limiter, createWriteStream(target));
    } catch (error) {
      request.unpipe(limiter);
      request.resume();
      await rm(dirname(target), { recursive: true, force: true });
      throw error;
    } finally {
      request.off('close', cutOff);
    }
    this.issued.add(target);
    // Unref'd: a host that is stopping does not wait for it (removeAll takes the file then).
    setTimeout(() => void this.removeIfUnclaimed(target), this.unclaimedMs).unref();
    return target;
  }

  /** Removes an upload that no use holds and no command names: one the page never came back for. */
  private async removeIfUnclaimed(path: string): Promise<void> {
    if (!this.issued.has(path) || this.named.has(path) || [...this.held.values()].includes(path)) return;
    await this.remove(path).catch((error: Error) => console.warn(`Could not remove an unclaimed upload: ${error.message}`));
  }

  /**
   * Records that `use` (a command that succeeded) now works on the upload at `path`, or on no upload
   * (null: the sample, say); the upload it worked on before is removed unless another use holds it.
   */
  async hold(use: string, path: string | null): Promise<void> {
    const previous = this.held.get(use);
    if (path === null) this.held.delete(use);
    else this.held.set(use, path);
    if (previous === undefined || previous === path) return;
    if ([...this.held.values()].includes(previous)) return;
    await this.remove(previous);
  }

  /** A command naming `path` goes to the engine; `commandEnded` must follow. */
  commandStarted(path: string): void {
    this.named.set(path, (this.named.get(path) ?? 0) + 1);
  }

  /**
   * A command naming `path` ended (after any `hold` for it). An upload that neither a use holds nor
   * another command in flight names was not taken, and the page never names it again: removed.
   */
  async commandEnded(path: string): Promise<void> {
    const left = (this.named.get(path) ?? 1) - 1;
    if (left > 0) {
      this.named.set(path, left);
      return;
    }
    this.named.delete(path);
    if (!this.issued.has(path) || [...this.held.values()].includes(path)) return;
    await this.remove(path);
  }

  /** Removes every upload and the folder; their paths mean nothing to a host that is stopping. */
  async removeAll(): Promise<void> {
    this.held.clear();
    await Promise.all([...this.issued].map((path) => this.remove(path)));
    // The folder is this host's alone (see uploadSweep.ts); an empty one left per start would pile up.
    await rm(this.folder, { recursive: true, force: true });
  }

  private async remove(path: string): Promise<void> {
    // Forget the capability first, so no command can reach a file that is going away.
    this.issued.delete(path);
    await rm(dirname(path), { recursive: true, force: true });
  }
}
