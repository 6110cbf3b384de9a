/**
 * Text written as a spreadsheet formula, `="0015"`: exports that must keep a value's leading zeros
 * through Excel (a time of day `0015`, a site code `00123`) write it so, and Excel shows `0015`.
 * Read as it stands, the time column was text that repeated per slot and became the location, and
 * every 15-minute row fell on midnight. A file that writes any cell so is read with every such cell
 * as the text inside (`""` inside it a quote), in every reader (the dialect says so).
 */

/** True for `="…"`: an equals sign, then a quoted text and nothing after it. */
export function isExcelText(field: string): boolean {
  const last = field.length - 1;
  return last >= 2 && field.charCodeAt(0) === 61 /* = */ && field.charCodeAt(1) === 34 /* " */ && field.charCodeAt(last) === 34;
}

export function unwrapExcelText(field: string): string {
  return isExcelText(field) ? field.slice(2, -1).replaceAll('""', '"') : field;
}

/** Unwraps every such cell of `rows`, in place. */
export function unwrapExcelTextRows(rows: string[][]): void {
  for (const row of rows) for (let i = 0; i < row.length; i++) row[i] = unwrapExcelText(row[i] as string);
}
