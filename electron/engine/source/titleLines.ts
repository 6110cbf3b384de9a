/**
 * Title lines above the header: report exports and open-data portals often write a few lines
 * before the table (`Traffic counts report`, `Area: City centre`, `Generated: 2025-03-14`, a blank
 * line). Taking the first of them for the header loses every column, so the header is found where
 * the table starts: the first line as wide as the table's rows, after lines that are clearly
 * narrower (at most half as many delimiters), or narrower and set apart from it by a blank line.
 *
 * A file whose header is only a little narrower than its rows (a trailing delimiter on data lines)
 * keeps its first line as the header: only lines this much narrower than the table count as titles.
 */
import { countOutsideQuotes, DELIMITER_CANDIDATES } from './csvDialect';

/** More lines than this above the table is no title block. */
const MAX_TITLE_LINES = 30;
/** Lines looked at: enough to see the table's width below a title block. */
const SAMPLE_LINES = 80;
/** The table's width must hold for this share of the lines below the header. */
const CONSISTENT_SHARE = 0.8;

/** The most common value, and the share of `values` holding it. */
function mode(values: readonly number[]): { value: number; share: number } {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = { value: 0, count: 0 };
  for (const [value, count] of counts) if (count > best.count) best = { value, count };
  return { value: best.value, share: values.length === 0 ? 0 : best.count / values.length };
}

/**
 * The index in `lines` of the header line: 0 unless title lines precede the table. `lines` are
 * the first block's physical lines (blank ones included).
 */
export function findHeaderLine(lines: readonly string[]): number {
  const sample: { index: number; line: string }[] = [];
  for (let index = 0; index < lines.length && sample.length < SAMPLE_LINES; index++) {
    const line = lines[index] as string;
    if (line.trim() !== '') sample.push({ index, line });
  }
  const countsBy = DELIMITER_CANDIDATES.map((delimiter) => sample.map(({ line }) => countOutsideQuotes(line, delimiter)));
  // The first line already spans the table under some delimiter: it is the header (a decimal
  // comma in a `;` file makes the comma look like a wider table that starts one line down).
  for (const counts of countsBy) {
    const width = mode(counts);
    if (width.value > 0 && counts[0] === width.value && width.share >= CONSISTENT_SHARE) return 0;
  }
  let header = 0;
  let widest = 0;
  for (const counts of countsBy) {
    // The table's width, from the lines below where any title block could end.
    const body = counts.slice(Math.min(MAX_TITLE_LINES, Math.floor(counts.length / 2)));
    const width = mode(body);
    if (width.value === 0 || width.share < CONSISTENT_SHARE) continue;
    let first = counts.indexOf(width.value);
    // Data lines that end with a delimiter are one wider than their header (Synchro's turning
    // movement export: two title lines, then `DATE,…,WBR` over rows ending in `,`).
    // The line right above (no blank line between: a blank line sets a title apart) is the header.
    const adjacent = first > 0 && (sample[first] as { index: number }).index === (sample[first - 1] as { index: number }).index + 1;
    if (adjacent && counts[first - 1] === width.value - 1) first--;
    if (first <= 0 || first > MAX_TITLE_LINES) continue;
    const above = counts.slice(0, first);
    // A blank line between them sets the lines above apart however wide they are, short of the
    // table's width (Eco-Counter's `Period,"Aug 14, 2025 … -> Sep 8, 2025 …",` over a 4-field table).
    const setApart = (sample[first] as { index: number }).index > (sample[first - 1] as { index: number }).index + 1;
    if (!above.every((before) => before * 2 <= width.value || (setApart && before < width.value))) continue;
    if (width.value > widest) {
      widest = width.value;
      header = (sample[first] as { index: number }).index;
    }
  }
  return header;
}
