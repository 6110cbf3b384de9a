/**
 * Reading a column's header as words, so a word the rules look for is found where it stands as a
 * word and not inside another one: the weather word `dew` (dew point) is no part of `Sidewalk`,
 * `rain` no part of `train`, `ratio` no part of `duration`. The engine's measure choice and its
 * health checks both read names this way, so they cannot disagree on what a column is.
 */

/**
 * The words of a header, lower case: split at anything that is not a letter (spaces, `_`, `.`,
 * digits, punctuation) and where camelCase turns from a small letter to a capital (`DewPoint`).
 */
export function nameWords(name: string): string[] {
  return name
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => word !== '');
}

/** How a list of stems is looked for in a header. */
export interface WordStems {
  /** Long stems no unrelated word contains, found anywhere, so inside compounds too (`Lufttemperatur`, `avgspeed`). */
  anywhere?: readonly string[];
  /** Stems that must begin a word (`rain` in `rainfall`, not in `train`). */
  prefixes?: readonly string[];
  /** Words that must stand whole (`lat`, `v`, `mes`). */
  exact?: readonly string[];
}

/** True when the header holds one of the stems as `stems` says they are to be found. */
export function hasStem(name: string, stems: WordStems): boolean {
  const lower = name.toLowerCase();
  if ((stems.anywhere ?? []).some((stem) => lower.includes(stem))) return true;
  const words = nameWords(name);
  return words.some((word) => (stems.prefixes ?? []).some((stem) => word.startsWith(stem)) || (stems.exact ?? []).includes(word));
}

/**
 * A share of valid or observed data, a confidence or a quality mark (Berlin's `qualitaet` 0..1,
 * PeMS's `observed_percent`, `pct_observed`, `calidad`, `kwaliteit`, `valid`): sensor health, never
 * traffic, in the languages traffic data is published in.
 */
export const QUALITY_SHARE: WordStems = {
  anywhere: ['qualit', 'kwaliteit', 'calidad', 'confiden', 'percent', 'prozent', 'pourcent', 'porcentaje'],
  prefixes: ['valid', 'pct', 'gültig', 'gueltig', 'fiab', 'reliab', 'certainty'],
  // A detector's confidence in what it saw, as video counters name it (`ColorConf`, `type_conf`, `score`).
  exact: ['conf', 'score'],
};
