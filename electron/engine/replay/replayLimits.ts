/**
 * When a replay stops by itself and how far away that is: the user's limits (a duration of active
 * replay, a number of rows) and, unless it loops, the end of the file. Pure: the session passes in
 * where the replay stands.
 */
import type { Pace, ReplayLimits } from '../../../shared/contract';

export const DEFAULT_LIMITS: ReplayLimits = { durationSeconds: null, rows: null, loop: false };

/** Where the replay stands, as the limits and the estimate need it. */
export interface ReplayStanding {
  limits: ReplayLimits;
  /** Time spent replaying (pauses left out). */
  activeMs: number;
  rowsAccepted: number;
}

/** What the estimate needs on top: the pace and how far through the file the replay is. */
export interface EtaInputs extends ReplayStanding {
  pace: Pace;
  /** Rows per second now. */
  rate: number;
  /** Event time of the last row produced, and the file's last event time in this loop (shifted). */
  eventTime: number | null;
  lastEventTime: number | null;
  /** Rows in the file (exact or estimated) and the row the replay has reached. */
  totalRows: number | null;
  position: number;
}

const formatDuration = (seconds: number): string => (seconds % 60 === 0 && seconds >= 60 ? `${seconds / 60} min` : `${seconds} s`);

/** Why producing must end now, or null to go on. */
export function limitReached({ limits, activeMs, rowsAccepted }: ReplayStanding): string | null {
  const { durationSeconds, rows } = limits;
  if (durationSeconds !== null && activeMs >= durationSeconds * 1000) return `Stopped after ${formatDuration(durationSeconds)}: the duration limit.`;
  if (rows !== null && rowsAccepted >= rows) return `Stopped after ${rows.toLocaleString('en-US')} rows: the row limit.`;
  return null;
}

/** How long producing may wait before the duration limit ends it (infinite without one). */
export function msUntilLimit({ limits, activeMs }: Pick<ReplayStanding, 'limits' | 'activeMs'>): number {
  return limits.durationSeconds === null ? Number.POSITIVE_INFINITY : limits.durationSeconds * 1000 - activeMs;
}

/** Seconds left at the current pace: the nearest of the file's end and the limits; null when unknown. */
export function etaSeconds(at: EtaInputs): number | null {
  const { limits, rate } = at;
  const estimates: number[] = [];
  if (limits.durationSeconds !== null) estimates.push(limits.durationSeconds - at.activeMs / 1000);
  if (limits.rows !== null && rate > 0) estimates.push((limits.rows - at.rowsAccepted) / rate);
  if (!limits.loop) {
    if (at.pace.mode === 'event' && at.eventTime !== null && at.lastEventTime !== null) {
      estimates.push((at.lastEventTime - at.eventTime) / at.pace.speed / 1000);
    } else if (at.totalRows !== null && rate > 0) {
      estimates.push((at.totalRows - at.position) / rate);
    }
  }
  return estimates.length > 0 ? Math.max(0, Math.min(...estimates)) : null;
}
