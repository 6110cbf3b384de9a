/**
 * Event times are epoch ms of the file's wall clock (zone-less times, and times written with their
 * local offset, are kept as written, as UTC), so they are shown in UTC: the numbers the user sees
 * are the numbers in their file.
 */
const pad = (value: number): string => String(value).padStart(2, '0');

export function formatEventTime(ms: number, withSeconds = true): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '–';
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${withSeconds ? `:${pad(d.getUTCSeconds())}` : ''}`;
  return `${date} ${time}`;
}

export function formatDurationSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${pad(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${pad(Math.floor((s % 3600) / 60))} min`;
}
