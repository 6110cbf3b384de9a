/**
 * Calendar features of an event time. Times without a zone are stored as UTC wall clock, so the
 * UTC fields are the local clock the data was recorded in. Time of day is cyclic (23:45 lies next
 * to 00:00) with two harmonics, because traffic has a morning and an evening peak; day of week is
 * cyclic plus a weekend flag, since Saturday and Sunday differ from the working days in kind, not
 * just by position in the week.
 */
export const DAY_MS = 86_400_000;

const TWO_PI = 2 * Math.PI;

/** Writes sin/cos of the time of day and of its second harmonic at out[at..at+3]. */
export function writeTimeOfDay(time: number, out: Float64Array, at: number): void {
  const fraction = (((time % DAY_MS) + DAY_MS) % DAY_MS) / DAY_MS;
  out[at] = Math.sin(TWO_PI * fraction);
  out[at + 1] = Math.cos(TWO_PI * fraction);
  out[at + 2] = Math.sin(2 * TWO_PI * fraction);
  out[at + 3] = Math.cos(2 * TWO_PI * fraction);
}

/** Writes sin/cos of the day of week and the weekend flag (1 on Saturday and Sunday) at out[at..at+2]. */
export function writeDayOfWeek(time: number, out: Float64Array, at: number): void {
  const day = utcDayOfWeek(time);
  out[at] = Math.sin((TWO_PI * day) / 7);
  out[at + 1] = Math.cos((TWO_PI * day) / 7);
  out[at + 2] = day === 0 || day === 6 ? 1 : 0;
}

/** new Date(time).getUTCDay() without a Date per row: 1970-01-01 was a Thursday (4). */
export function utcDayOfWeek(time: number): number {
  return (((Math.floor(time / DAY_MS) + 4) % 7) + 7) % 7;
}
