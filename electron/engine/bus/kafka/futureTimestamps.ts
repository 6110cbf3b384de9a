/**
 * Rows whose event time lies ahead of now (a forecast, a scenario, a synthetic file running past
 * today). Apache Kafka 4 refuses a message stamped more than `log.message.timestamp.after.max.ms`
 * ahead of the broker's clock (one hour by default), and the whole batch with it, so a replay of
 * such a file stalled for ever. Such a row is stamped with the time it is sent instead, and its own
 * time travels in a header that the app's consumer reads back as the message's timestamp.
 */
export const EVENT_TIME_HEADER = 'traffic-monitor-time';

/** Well inside the broker's default hour, so a clock a little ahead on either side does not matter. */
export const MAX_AHEAD_MS = 10 * 60_000;

/** The timestamp a broker will take for a row stamped `ms`, sent at `nowMs`; null when `ms` is fine as it is. */
export function stampAhead(ms: number, nowMs: number): number | null {
  return ms > nowMs + MAX_AHEAD_MS ? nowMs : null;
}

/** The row's own time from the header, taking the header out so the row's headers are as produced. */
export function takeEventTime(headers: Record<string, string>): number | null {
  const value = headers[EVENT_TIME_HEADER];
  if (value === undefined) return null;
  Reflect.deleteProperty(headers, EVENT_TIME_HEADER);
  const ms = Number(value);
  return Number.isFinite(ms) ? ms : null;
}
