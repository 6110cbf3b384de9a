/** How the Predictions panel writes its numbers: errors and coefficients of any magnitude, R², MAPE, z. */
import { formatEventTime } from '../../formatTime';
import { formatCount } from '../../format';

/** Shown for a figure the engine does not have yet (null). */
export const NO_VALUE = '—';

const large = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const significant = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });
const fixed3 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
const fixed1 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const scientific = new Intl.NumberFormat('en-US', { notation: 'scientific', maximumSignificantDigits: 3 });

/** A value in the target's units (or a coefficient): four significant digits, whole above 1,000. */
export function formatValue(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return NO_VALUE;
  const size = Math.abs(value);
  if (size >= 1000) return large.format(value);
  if (size !== 0 && size < 1e-4) return scientific.format(value);
  return significant.format(value);
}

export function formatR2(value: number | null): string {
  return value === null || !Number.isFinite(value) ? NO_VALUE : fixed3.format(value);
}

/** MAPE is a fraction of the actual value (0.123 → "12.3%"). */
export function formatMape(value: number | null): string {
  return value === null || !Number.isFinite(value) ? NO_VALUE : `${fixed1.format(value * 100)}%`;
}

export function formatZ(z: number): string {
  return `${z > 0 ? '+' : ''}${fixed1.format(z)}`;
}

/** An event time, or a row number when the data has no time (the engine then sends the row's sequence number). */
export function formatPointTime(time: number, hasTime: boolean): string {
  return hasTime ? formatEventTime(time) : `row ${formatCount(time)}`;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** Past this span the axis names days only, with the year: hours are no longer readable there. */
const DATES_ONLY_MS = 45 * 86_400_000;

/**
 * Tick labels for the time axis from `from` to `to` (UTC, like formatEventTime): the clock within
 * a day, the date too across days, the year as well once the axis spans months or crosses a new
 * year (10-08 alone cannot say which October).
 */
export function timeTick(from: number, to: number): (ms: number) => string {
  const span = to - from;
  const yearsDiffer = new Date(from).getUTCFullYear() !== new Date(to).getUTCFullYear();
  return (ms) => {
    const d = new Date(ms);
    if (Number.isNaN(d.getTime())) return '';
    const clock = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    const day = `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    if (span > DATES_ONLY_MS) return `${d.getUTCFullYear()}-${day}`;
    if (yearsDiffer) return `${d.getUTCFullYear()}-${day} ${clock}`;
    return span > 86_400_000 ? `${day} ${clock}` : clock;
  };
}

/** "3 s ago" for a wall-clock moment, given the current wall clock. */
export function formatAgo(at: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  return `${Math.floor(seconds / 3600)} h ago`;
}

/** Local wall-clock time of a refit (it happened on this machine, not in the data's time). */
export function formatClock(at: number): string {
  const d = new Date(at);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
