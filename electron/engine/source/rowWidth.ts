/**
 * A row's fields against the header's width. Many exporters end every data line with a delimiter
 * (`MQ_03290;80;166;…;59;`), or pad a line with a few: the fields past the header are then all
 * empty, and the row is whole. Read as written, every such row had one field too many and was
 * rejected: a whole file lost. Fields past the header that hold anything still make the row
 * ragged (rejected with its field count), since then nobody can say which value belongs where.
 */

/** True when `fields` is wider than `width` only by empty fields (a delimiter at the end of the line). */
export function hasEmptyExtraFields(fields: readonly string[], width: number): boolean {
  if (fields.length <= width) return false;
  for (let i = width; i < fields.length; i++) if ((fields[i] as string).trim() !== '') return false;
  return true;
}

/** The row cut to the header's width when all it has beyond it is empty; otherwise as it is. */
export function withoutEmptyExtraFields<T extends readonly string[]>(fields: T, width: number): T | string[] {
  return hasEmptyExtraFields(fields, width) ? fields.slice(0, width) : fields;
}

/** True when the row fits the header: as wide, or wider only by empty fields. */
export function fitsWidth(fields: readonly string[], width: number): boolean {
  return fields.length === width || hasEmptyExtraFields(fields, width);
}
