/** How a CSV file is written: found by sniffing its first block, used by the streaming reader. */
import type { FileEncoding } from '../../../shared/encoding';

export interface CsvDialect {
  delimiter: string;
  newline: '\n' | '\r\n' | '\r';
  /** The file starts with a byte-order mark of its encoding (its bytes count in offsets, not in text). */
  hasBom: boolean;
  encoding: FileEncoding;
  /** The first line is already data (a file written without a header): it is read as a row. */
  headerless?: boolean;
  /**
   * Where the header starts when title lines come before it (a report's name, the area, when it
   * was generated, as portals and report exports write): every reader starts there. Absent: byte 0, line 1.
   */
  headerAt?: HeaderPosition;
  /** Some cells are written as Excel text formulas (`="0015"`): every reader reads the text inside (excelText.ts). */
  excelText?: boolean;
}

export interface HeaderPosition {
  /** Byte offset in the file (a byte-order mark included). */
  byte: number;
  /** 1-based line number. */
  line: number;
}

/** Where a fresh read of the file starts: its header line. */
export function headerPosition(dialect: Pick<CsvDialect, 'headerAt'>): HeaderPosition {
  return dialect.headerAt ?? { byte: 0, line: 1 };
}

export const DELIMITER_CANDIDATES = [',', ';', '\t', '|'] as const;

export function detectNewline(text: string): CsvDialect['newline'] {
  const lf = text.indexOf('\n');
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n';
  if (lf >= 0) return '\n';
  return text.includes('\r') ? '\r' : '\n';
}

/** Counts a character outside double-quoted sections of one line. */
export function countOutsideQuotes(line: string, char: string): number {
  let count = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === char && !quoted) count++;
  }
  return count;
}

/**
 * Picks the delimiter that splits the first lines into the same, largest number of fields.
 * Consistency matters more than frequency: a decimal comma inside `;`-separated data would
 * otherwise win on count alone.
 */
export function detectDelimiter(lines: readonly string[]): string {
  const sample = lines.filter((line) => line.trim() !== '').slice(0, 20);
  let best: string = ',';
  let bestScore = -1;
  for (const candidate of DELIMITER_CANDIDATES) {
    const counts = sample.map((line) => countOutsideQuotes(line, candidate));
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const consistent = counts.filter((count) => count === header).length / counts.length;
    const score = consistent * 1000 + header;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
