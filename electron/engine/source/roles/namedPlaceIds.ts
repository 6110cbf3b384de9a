/**
 * Whole-number ids under a name that says it identifies a place (`id_centrale`, `Štev. odseka`)
 * in a file with a row or two per place: yearly averages per station, a map of road sections.
 * Such a column holds far more distinct numbers than a reading would be allowed, yet its numbers
 * are places. Two signs tell them from readings without the one-per-time-slot step:
 * - codes written with leading zeros (`0030`, `0199`, beside a few `N0361`): nobody pads a
 *   count, a section code is;
 * - ids that each come back, but a few times at most in a time slot (a row per direction and a
 *   row for both), as the stations of yearly averages do; a reading repeats its common values
 *   many times in a slot, a record id never comes back.
 */
/** Rows a place may have per slot (directions × lanes, and their sum); more is a reading or a category. */
export const MAX_ROWS_PER_PLACE = 8;

const WHOLE_NUMBER = /^[+-]?\d+$/;
const ZERO_PADDED = /^0\d+$/;
/** A code: digits, perhaps with a letter prefix or suffix (`N0361`, `0350A`). */
const CODE = /^[A-Za-z]{0,3}\d+[A-Za-z]{0,3}$/;
/** Rows per id, at least: places come back (a row per direction, per year). */
const MIN_ROWS_PER_ID = 2;

function present(values: readonly string[]): string[] {
  return values.map((value) => value.trim()).filter((value) => value !== '');
}

/** Codes of digits, some written with leading zeros: codes, not amounts. */
export function zeroPaddedCodes(values: readonly string[]): boolean {
  const seen = present(values);
  return seen.length > 0 && seen.every((value) => CODE.test(value)) && seen.some((value) => ZERO_PADDED.test(value));
}

/** Whole numbers each at most a few times in any time slot (`slots`: each row's time text), and each twice or more on average. */
export function idsComingBackPerSlot(values: readonly string[], slots: readonly string[]): boolean {
  const perId = new Map<string, Map<string, number>>();
  let rows = 0;
  for (let i = 0; i < values.length; i++) {
    const value = (values[i] as string).trim();
    const slot = slots[i] ?? '';
    if (value === '' || slot === '') continue;
    if (!WHOLE_NUMBER.test(value)) return false;
    let counts = perId.get(value);
    if (!counts) perId.set(value, (counts = new Map()));
    const count = (counts.get(slot) ?? 0) + 1;
    if (count > MAX_ROWS_PER_PLACE) return false;
    counts.set(slot, count);
    rows++;
  }
  return perId.size >= 2 && rows >= perId.size * MIN_ROWS_PER_ID;
}
