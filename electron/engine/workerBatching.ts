/**
 * How the engine batches rows for the workers that keep their own copy of the stream (the SQL live
 * table, the prediction model): per-batch costs (posting, cloning, a transaction) vanish per row,
 * while a batch stays small enough to clone in well under a frame; rows that arrive slowly still
 * go out this soon.
 */
export const WORKER_BATCH_ROWS = 8192;
export const WORKER_FLUSH_MS = 100;
