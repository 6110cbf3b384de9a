/**
 * Whether a time column's zones are applied or its clock is read as written.
 *
 * Traffic is a thing of the local clock: the morning peak is at 08:00 in Paris whatever the offset
 * beside it says, and a typical-day profile, a heatmap or an hourly window must put it there. So a
 * column that writes local times with their offset (`2024-01-04T22:00:00+01:00`, `+02:00` in
 * summer, `+05:30`, `CEST`) is read as the clock it writes, like a zone-less file: the user sees
 * the numbers in their file. Only a column that mixes UTC times (`Z`, `UTC`) with local offsets is
 * converted to UTC instants: rows of one moment written by different systems (one in UTC, one in
 * local time) must then meet. `+00:00` is an offset like any other (London writes it in winter).
 */
import type { ZoneReading } from '../../../../shared/schema';
import { writtenZone, type TimeFormat } from './timeFormats';

export interface ZoneChoice {
  reading: ZoneReading;
  /** The distinct offsets the samples write, as `+01:00`, in the order first seen. */
  offsets: string[];
}

/** How `samples` (a column read in `format`) write their zones; null when none writes a local offset. */
export function chooseZoneReading(format: TimeFormat, samples: readonly string[]): ZoneChoice | null {
  let utc = false;
  const offsets: string[] = [];
  for (const sample of samples) {
    const zone = writtenZone(format, sample.trim());
    if (zone === null || zone.kind === 'none') continue;
    if (zone.kind === 'utc') {
      utc = true;
      continue;
    }
    const text = offsetText(zone.offsetMs);
    if (!offsets.includes(text)) offsets.push(text);
  }
  if (offsets.length === 0) return null;
  return { reading: utc ? 'utc' : 'as-written', offsets };
}

function offsetText(offsetMs: number): string {
  const minutes = Math.abs(Math.round(offsetMs / 60_000));
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
