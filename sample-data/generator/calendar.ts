/**
 * Calendar and time-label helpers for the CSV. Everything works in UTC so the
 * output never depends on the machine's time zone or DST switches.
 */

import { SLOTS_PER_DAY } from './trafficModel.js';

/** Index 0 = Monday, matching the model's weekday convention. */
export const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

export interface CalendarDay {
  readonly dayOfMonth: number;
  /** 0 = Monday … 6 = Sunday. */
  readonly weekday: number;
  readonly weekdayName: WeekdayName;
}

const MS_PER_DAY = 86_400_000;

/** Parses a strict `YYYY-MM-DD` and rejects impossible dates such as 2026-02-30. */
export function parseIsoDate(value: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const time = match === null ? Number.NaN : Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value) {
    throw new RangeError(`startDate must be a valid ISO date like 2026-10-01, got "${value}"`);
  }
  return time;
}

export function calendarDay(startUtcMs: number, dayIndex: number): CalendarDay {
  const date = new Date(startUtcMs + dayIndex * MS_PER_DAY);
  // getUTCDay() counts from Sunday; shift so Monday is 0.
  const weekday = (date.getUTCDay() + 6) % 7;
  return { dayOfMonth: date.getUTCDate(), weekday, weekdayName: WEEKDAY_NAMES[weekday] as WeekdayName };
}

/** `12:00:00 AM`, `1:15:00 PM` … — the 12-hour style of the original data set. */
export function formatSlotTime(slot: number): string {
  const minutesOfDay = slot * 15;
  const hour24 = Math.floor(minutesOfDay / 60);
  const minute = minutesOfDay % 60;
  const hour12 = hour24 % 12 === 0 ? 12 : hour24 % 12;
  const suffix = hour24 < 12 ? 'AM' : 'PM';
  return `${hour12}:${String(minute).padStart(2, '0')}:00 ${suffix}`;
}

export const SLOT_TIMES: readonly string[] = Array.from({ length: SLOTS_PER_DAY }, (_, slot) => formatSlotTime(slot));
