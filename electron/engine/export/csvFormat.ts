/**
 * CSV as RFC 4180 writes it, for every file the app exports: a field is quoted only when it must
 * be, so plain values stay plain and any CSV reader gets back exactly the text that went in.
 */
import type { CellValue } from '../../../shared/records';

// Leading or trailing blanks are quoted too: many readers trim unquoted fields.
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvField(value: CellValue): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly CellValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : ',') + csvField(values[i] ?? null);
  return `${line}\r\n`;
}

/**
 * Text a spreadsheet would run as a formula (a leading =, +, - or @) gets a leading ' so it is
 * shown instead. For files meant for spreadsheets (the rejected-rows log); a data export keeps the
 * value as it is, or reading the file back would not give the same data.
 */
export function defuseFormula(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}
