/**
 * How the engine stops what the SQL worker is busy with. A worker inside a long SQLite step reads
 * no messages, so the request goes through shared memory the worker checks while it runs (from
 * the live view's check function and its own row loop). Jobs are numbered in the order the engine
 * sends them; a stop covers every job of its kind up to the number given, so a newer stop never
 * un-stops an older job still running.
 */
export type StopKind = 'query' | 'export';

const SLOTS: Record<StopKind, number> = { query: 0, export: 1 };

export class StopFlags {
  private readonly flags: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * 2)) {
    this.flags = new Int32Array(buffer);
  }

  /** Engine side: every job of `kind` numbered `upTo` or lower stops. */
  stop(kind: StopKind, upTo: number): void {
    const slot = SLOTS[kind];
    if (Atomics.load(this.flags, slot) < upTo) Atomics.store(this.flags, slot, upTo);
  }

  /** Worker side. */
  isStopped(kind: StopKind, jobId: number): boolean {
    return Atomics.load(this.flags, SLOTS[kind]) >= jobId;
  }
}
