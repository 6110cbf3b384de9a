/**
 * The words the SQL panel shows about the live table and about a result. Pure, so the exact
 * phrasing (which the end-to-end tests and users read) is pinned by unit tests.
 */
import { SQL_KEPT_ROWS, SQL_MEMORY_CEILING_BYTES, type SqlTableView } from '../../../../shared/sql/sqlContract';
import { formatCount } from '../../format';

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** 310000 → "310k rows/s": the rate moves every update, so fewer digits flicker less. */
export function formatRate(rowsPerSecond: number): string {
  const rounded = Math.max(0, Math.round(rowsPerSecond));
  return `${compact.format(rounded).replace('K', 'k')} rows/s`;
}

export const rowsWord = (count: number): string => `${formatCount(count)} ${count === 1 ? 'row' : 'rows'}`;

const CEILING_TEXT = `${SQL_MEMORY_CEILING_BYTES / 1024 ** 3} GB of memory`;

/**
 * "traffic · 123,456 rows held · 10,000 evicted · 2,000 pending · 310k rows/s"; evictions the
 * memory ceiling forced are named, since retention alone would not explain them.
 */
export function tableStatusLine(view: SqlTableView): string {
  const forMemory = view.rowsEvictedForMemory > 0 ? ` (${formatCount(view.rowsEvictedForMemory)} to stay under ${CEILING_TEXT})` : '';
  return [
    view.table,
    `${formatCount(view.rowsHeld)} rows held`,
    `${formatCount(view.rowsEvicted)} evicted${forMemory}`,
    `${formatCount(view.rowsPending)} pending`,
    formatRate(view.ingestRowsPerSecond),
  ].join(' · ');
}

/** Null while the table is ready; otherwise what it is doing and why, in plain words. */
export function tableStateNote(view: SqlTableView): string | null {
  switch (view.state) {
    case 'ready':
      return null;
    case 'off':
      return view.message ?? 'off';
    case 'starting':
      return view.message ? `starting: ${view.message}` : 'starting…';
    case 'restarting':
      return view.message ? `restarting: ${view.message}` : 'restarting…';
    case 'failed':
      return view.message ? `failed: ${view.message}` : 'failed';
  }
}

/** 3240 → "3.2 s"; under a second in ms, since first pages usually come back that fast. */
export function formatElapsed(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

export interface ResultCounts {
  rowsCounted: number;
  complete: boolean;
  /** The engine stopped counting (cancelled, timed out, failed) before the end. */
  stopped: boolean;
  elapsedMs: number;
}

/**
 * "1,234 rows · 12 ms" once counted; "counting… 230,000 rows" while the engine still counts;
 * a note when more rows exist than are kept for scrolling.
 */
export function resultSummary(counts: ResultCounts): string {
  const elapsed = formatElapsed(counts.elapsedMs);
  if (!counts.complete && !counts.stopped) return `counting… ${rowsWord(counts.rowsCounted)} · first page in ${elapsed}`;
  const kept = counts.rowsCounted > SQL_KEPT_ROWS ? ` (first ${formatCount(SQL_KEPT_ROWS)} kept for scrolling; export for all)` : '';
  const stopped = counts.complete ? '' : ' (counting stopped)';
  return `${rowsWord(counts.rowsCounted)}${kept}${stopped} · ${elapsed}`;
}

/** "live · updated 0.4 s ago" */
export function liveAge(updatedAt: number | null, now: number): string {
  if (updatedAt === null) return 'live · waiting for the first update';
  const seconds = Math.max(0, now - updatedAt) / 1000;
  return `live · updated ${seconds < 60 ? `${seconds.toFixed(1)} s` : `${Math.floor(seconds / 60)} min`} ago`;
}
