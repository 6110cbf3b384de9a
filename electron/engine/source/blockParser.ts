/**
 * papaparse's low-level parser, typed: parses one block of text and says where the last complete
 * row ended, so the caller can carry the rest over to the next block (as papaparse's own streamer
 * does). The sniffer and the streaming reader both parse through this.
 *
 * It also resynchronises a broken quote. A field that opens a quote and never closes it (`…,"note`)
 * runs on into the next lines until some later quote closes it, and papaparse returns one record
 * made of several lines: a good row after the broken one would be lost inside it. When the columns
 * are known and such a multi-line record has the wrong number of fields, only its first line is
 * the broken row; parsing starts again on the next line.
 */
import Papa from 'papaparse';
import type { CsvDialect } from './csvDialect';
import { unwrapExcelTextRows } from './excelText';
import { fitsWidth } from './rowWidth';

export interface BlockParseError {
  code?: string;
  row?: number;
  /** Why the row is rejected, in plain words for the user. */
  message: string;
}

export interface BlockParseResult {
  rows: string[][];
  errors: BlockParseError[];
  /** Characters of the input consumed by complete rows. */
  cursor: number;
}

export type BlockParser = (text: string, isLast: boolean) => BlockParseResult;

export interface BlockParserOptions extends Pick<CsvDialect, 'delimiter' | 'newline' | 'excelText'> {
  /** The file's column names, when known: a broken quote is then resynchronised and named by column. */
  columns?: readonly string[];
}

interface PapaError {
  code?: string;
  row?: number;
  message: string;
}

type PapaParse = (text: string, ignoreLastRow: boolean, preview?: number) => { rows: string[][]; errors: PapaError[]; cursor: number };

function papaParser(dialect: Pick<CsvDialect, 'delimiter' | 'newline'>): PapaParse {
  const parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline });
  return (text, ignoreLastRow, preview) => {
    const active = preview === undefined ? parser : new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline, preview });
    const result = active.parse(text, 0, ignoreLastRow) as { data: string[][]; errors: PapaError[]; meta: { cursor: number } };
    return { rows: result.data, errors: result.errors, cursor: result.meta.cursor };
  };
}

function columnLabel(columns: readonly string[] | undefined, index: number): string {
  const name = columns?.[index];
  return name === undefined ? `column ${index + 1}` : `column ${JSON.stringify(name)}`;
}

/** papaparse's wording, said as a user would understand it. */
function plainReason(error: PapaError, fields: readonly string[] | undefined, columns: readonly string[] | undefined): string {
  if (error.code === 'MissingQuotes') {
    return `unclosed quote in ${columnLabel(columns, Math.max(0, (fields?.length ?? 1) - 1))}: the quoted field never closes`;
  }
  if (error.code === 'InvalidQuotes') {
    return 'malformed quotes: text follows a closing quote (a quote inside a quoted field must be doubled, "")';
  }
  return `malformed quotes: ${error.message}`;
}

export function createBlockParser(options: BlockParserOptions): BlockParser {
  const papa = papaParser(options);
  const columns = options.columns;
  const newline = options.newline;
  const lineBreakChar = newline === '\r' ? '\r' : '\n';

  /**
   * A record that spans lines and is wrong: the wrong number of fields, or a quote error (a run-on
   * field ends at some later quote, usually with text after it). A legal multi-line field is
   * neither.
   */
  function suspect(fields: readonly string[], hasError: boolean): boolean {
    if (columns === undefined) return false;
    if (fitsWidth(fields, columns.length) && !hasError) return false;
    return fields.some((field) => field.includes(lineBreakChar));
  }

  /**
   * Whether the line after a suspect record's first line is a row of its own (the right number of
   * fields): then the quote swallowed good rows, and the first line alone is the broken row. A
   * ragged row holding a legal multi-line note continues with free text instead, and stays whole.
   */
  function swallowsRows(text: string, start: number): boolean {
    const lineEnd = text.indexOf(newline, start);
    if (lineEnd < 0) return false;
    const nextStart = lineEnd + newline.length;
    const nextEnd = text.indexOf(newline, nextStart);
    const nextLine = text.slice(nextStart, nextEnd < 0 ? text.length : nextEnd);
    const next = papa(nextLine, false).rows[0];
    return next !== undefined && columns !== undefined && fitsWidth(next, columns.length);
  }

  /** The first record that swallowed rows after a broken quote, and where it starts; null when none. */
  function brokenRecord(text: string, rows: readonly string[][], errors: readonly PapaError[]): { row: number; start: number } | null {
    const withErrors = new Set(errors.map((error) => error.row));
    for (let r = 0; r < rows.length; r++) {
      if (!suspect(rows[r] as string[], withErrors.has(r))) continue;
      // Where the record starts: after the rows before it (papaparse's preview stops there).
      const start = r === 0 ? 0 : papa(text, false, r).cursor;
      if (swallowsRows(text, start)) return { row: r, start };
    }
    return null;
  }

  function parse(text: string, isLast: boolean): BlockParseResult {
    const result = papa(text, !isLast);
    const plainErrors = (errors: readonly PapaError[], rows: readonly string[][]): BlockParseError[] =>
      errors.map((error) => ({
        code: error.code,
        row: error.row,
        message: plainReason(error, error.row === undefined ? undefined : rows[error.row], columns),
      }));
    const found = columns !== undefined && text.includes('"') ? brokenRecord(text, result.rows, result.errors) : null;
    if (found === null) return { rows: result.rows, errors: plainErrors(result.errors, result.rows), cursor: result.cursor };

    const { row: broken, start } = found;
    const lineEnd = text.indexOf(newline, start);
    const brokenLine = text.slice(start, lineEnd);
    const brokenFields = papa(brokenLine, false).rows[0] ?? [brokenLine];
    const restStart = lineEnd + newline.length;
    const rest = parse(text.slice(restStart), isLast);
    const before = result.rows.slice(0, broken);
    const beforeErrors = plainErrors(
      result.errors.filter((error) => error.row !== undefined && error.row < broken),
      result.rows,
    );
    return {
      rows: [...before, brokenFields, ...rest.rows],
      errors: [
        ...beforeErrors,
        { code: 'UnclosedQuote', row: broken, message: `unclosed quote in ${columnLabel(columns, brokenFields.length - 1)}: the quoted field runs into the next line` },
        ...rest.errors.map((error) => ({ ...error, row: error.row === undefined ? undefined : error.row + broken + 1 })),
      ],
      cursor: restStart + rest.cursor,
    };
  }

  if (!options.excelText) return parse;
  return (text, isLast) => {
    const result = parse(text, isLast);
    unwrapExcelTextRows(result.rows);
    return result;
  };
}
