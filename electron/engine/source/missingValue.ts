/**
 * How exports write "no value" in a numeric column besides an empty cell: pandas writes `nan`, SQL
 * dumps `NULL`, portals and spreadsheets `-`, `n/a`, `NA`, and Excel its error values (`#N/A`,
 * `#VALUE!`); traffic software marks a movement or lane that does not exist with `*` (Synchro's
 * turning-movement exports). A missing speed is no reason to lose the row's volume, so these read as empty cells.
 * Checked only where a number failed to parse, so the common case costs nothing.
 */
const MISSING = /^(nan|null|none|nil|na|n\/a|n\.a\.|missing|-{1,3}|\*{1,3}|[–—]|\.|#n\/a|#value!|#div\/0!|#ref!|#num!|#null!)$/i;

export function isMissingValue(text: string): boolean {
  return MISSING.test(text.trim());
}
