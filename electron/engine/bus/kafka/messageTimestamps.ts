/**
 * The timestamp a row's message carries on Kafka. A broker judges messages by their timestamps:
 * Apache Kafka 4 refuses one stamped more than `log.message.timestamp.after.max.ms` ahead of its
 * clock (an hour by default), with its whole batch, and its time-based retention deletes a log
 * segment once the newest timestamp in it is older than `retention.ms` (a week by default). A
 * replay of a file from last month, stamped with its rows' own times, rolls segments as its times
 * advance and loses all but the newest to the next retention check, minutes after producing: gone
 * for every consumer, the app's own included, had it not read them yet.
 *
 * So a row is stamped with its own time only near now (a live feed relayed as it happens); any
 * other row is stamped with the time it is sent, as any producer that sets no timestamp does, and
 * its own time travels in a header that the app's consumer reads back as the message's timestamp.
 */
export const EVENT_TIME_HEADER = 'traffic-monitor-time';

/** Well inside the broker's default hour ahead, so a clock a little off on either side does not matter. */
export const MAX_AHEAD_MS = 10 * 60_000;
/** Far below any retention a cluster would keep rows for, and wide enough for a feed that arrives late. */
export const MAX_BEHIND_MS = 60 * 60_000;

/** The timestamp to send for a row stamped `ms`, sent at `nowMs`; null when `ms` itself is fine. */
export function sendStamp(ms: number, nowMs: number): number | null {
  return ms > nowMs + MAX_AHEAD_MS || ms < nowMs - MAX_BEHIND_MS ? nowMs : null;
}

/** The row's own time from the header, taking the header out so the row's headers are as produced. */
export function takeEventTime(headers: Record<string, string>): number | null {
  const value = headers[EVENT_TIME_HEADER];
  if (value === undefined) return null;
  Reflect.deleteProperty(headers, EVENT_TIME_HEADER);
  const ms = Number(value);
  return Number.isFinite(ms) ? ms : null;
}
