/**
 * papaparse's low-level parser, typed: parses one block of text and says where the last complete
 * row ended, so the caller can carry the rest over to the next block (as papaparse's own streamer
 * does). The sniffer and the streaming reader both parse through this.
 */
import Papa from 'papaparse';
import type { CsvDialect } from './csvDialect';

export interface BlockParseError {
  code?: string;
  row?: number;
  message: string;
}

export interface BlockParseResult {
  rows: string[][];
  errors: BlockParseError[];
  /** Characters of the input consumed by complete rows. */
  cursor: number;
}

export type BlockParser = (text: string, isLast: boolean) => BlockParseResult;

export interface BlockParserOptions extends Pick<CsvDialect, 'delimiter' | 'newline'> {
  /** Fields a row of this file has (the header's), when known: lets a broken quote be resynchronised. */
  fieldCount?: number;
}

export function createBlockParser(dialect: BlockParserOptions): BlockParser {
  const parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline });
  return (text, isLast) => {
    const result = parser.parse(text, 0, !isLast) as { data: string[][]; errors: BlockParseError[]; meta: { cursor: number } };
    return { rows: result.data, errors: result.errors, cursor: result.meta.cursor };
  };
}
