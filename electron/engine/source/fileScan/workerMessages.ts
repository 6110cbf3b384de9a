/** What a file scan worker posts back: the segment's summary, or why it failed. */
import type { SegmentSummary } from './segment';

export type FromScanWorker = { ok: true; summary: SegmentSummary } | { ok: false; message: string };
