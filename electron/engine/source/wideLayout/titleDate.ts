/**
 * The one day a file is about, when it is written only in a title line or a header cell (Münster's
 * detector exports name their first column `Name  /  Date: 2015_01_01`, one file a day, with a
 * column per hour and no date column). Only a date that cannot be misread counts: year first
 * (`2015-01-01`, `2015_01_01`, `2015.01.01`, `2015/01/01`) or day first with dots (`01.01.2015`,
 * the way German, Austrian and Swiss exports write it). Two different dates (a period "from … to …")
 * name no single day.
 */

const YEAR_FIRST = /(?<!\d)((?:19|20)\d\d)[-_./](\d{1,2})[-_./](\d{1,2})(?!\d)/g;
const DAY_FIRST_DOTS = /(?<!\d)(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?!\d)/g;

export interface TitleDate {
  /** The day as `YYYY-MM-DD`. */
  iso: string;
  /** Where it was read, for the note. */
  source: string;
}

function isoDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** The single day the texts name, or null when they name none or more than one. */
export function findTitleDate(texts: readonly string[]): TitleDate | null {
  const found = new Map<string, string>();
  for (const text of texts) {
    for (const match of text.matchAll(YEAR_FIRST)) {
      const iso = isoDay(Number(match[1]), Number(match[2]), Number(match[3]));
      if (iso && !found.has(iso)) found.set(iso, text);
    }
    for (const match of text.matchAll(DAY_FIRST_DOTS)) {
      const iso = isoDay(Number(match[3]), Number(match[2]), Number(match[1]));
      if (iso && !found.has(iso)) found.set(iso, text);
    }
  }
  if (found.size !== 1) return null;
  const [[iso, source]] = [...found] as [[string, string]];
  return { iso, source: source.trim() };
}
