/**
 * The live table keeps a time column as the file writes it (`6/9/2017 9:00`, `02.01.2023`, an
 * hour `13`), so the rows read as in the file; the parsed event time is `_time`. SQLite compares
 * that text as text: `SELECT max(DateTime)` on M/D/YYYY answers "6/9/2017 9:00" while the data
 * runs to 6/30, a wrong answer that looks right. A statement that takes max or min of such a
 * column, orders by it or compares it with < > is refused, before SQLite runs it, with the reason
 * and `_time` to use instead. A time column written as ISO text (2017-06-30 23:00) sorts as time
 * and is left alone.
 */
import type { SqlError } from '../../../shared/sql/sqlContract';
import { LIVE_SYSTEM_COLUMNS } from '../../../shared/sql/sqlIdentifiers';
import { tokenizeSql, type SqlToken } from './sqlTokens';

/** A live-table time column and the first value it was given (the file's own text). */
export interface TextTimeColumn {
  name: string;
  example: string;
}

/** Text whose order is time order: a zero-padded ISO date, optionally with a clock and a zone. */
const SORTABLE_TIME = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** True when a time column's text sorts as its times do. */
export function sortsAsTime(text: string): boolean {
  return SORTABLE_TIME.test(text.trim());
}

const COMPARISONS = new Set(['<', '>', '<=', '>=']);
/** Words that end an ORDER BY list at its own depth. */
const AFTER_ORDER = new Set(['LIMIT', 'OFFSET', 'UNION', 'EXCEPT', 'INTERSECT', 'WINDOW']);

const isName = (token: SqlToken | undefined): token is SqlToken => token !== undefined && (token.kind === 'word' || token.kind === 'quoted');
const word = (token: SqlToken | undefined): string => (token?.kind === 'word' ? token.text.toUpperCase() : '');
const punct = (token: SqlToken | undefined, text: string): boolean => token?.kind === 'punct' && token.text === text;

/** Where each token is used in a way text order spoils: inside max(…)/min(…), an ORDER BY list, or beside < > <= >=. */
function orderedUses(tokens: readonly SqlToken[]): { index: number; use: string }[] {
  const uses: { index: number; use: string }[] = [];
  // Open max(/min( calls and ORDER BY lists, each remembered with the bracket depth it began at.
  const calls: { depth: number; use: string }[] = [];
  const orders: number[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as SqlToken;
    const upper = word(token);
    if ((upper === 'MAX' || upper === 'MIN') && punct(tokens[i + 1], '(')) {
      calls.push({ depth: depth + 1, use: `${token.text.toLowerCase()}()` });
      continue;
    }
    if (upper === 'ORDER' && word(tokens[i + 1]) === 'BY') {
      orders.push(depth);
      i++;
      continue;
    }
    if (punct(token, '(')) depth++;
    else if (punct(token, ')')) {
      while (calls.length > 0 && (calls[calls.length - 1] as { depth: number }).depth >= depth) calls.pop();
      while (orders.length > 0 && (orders[orders.length - 1] as number) >= depth) orders.pop();
      depth--;
    } else if (punct(token, ';') || (AFTER_ORDER.has(upper) && orders[orders.length - 1] === depth)) {
      if (punct(token, ';')) calls.length = 0;
      while (orders.length > 0 && (orders[orders.length - 1] as number) >= depth) orders.pop();
    }
    if (!isName(token) || punct(tokens[i + 1], '.') || punct(tokens[i + 1], '(')) continue;
    const call = calls[calls.length - 1];
    if (call !== undefined && call.depth <= depth) uses.push({ index: i, use: call.use });
    else if (orders.length > 0) uses.push({ index: i, use: 'ORDER BY' });
    else if (COMPARISONS.has(tokens[i + 1]?.text ?? '') || COMPARISONS.has(tokens[i - 1]?.text ?? '') || word(tokens[i + 1]) === 'BETWEEN') {
      uses.push({ index: i, use: 'a < > comparison' });
    }
  }
  return uses;
}

/** The refusal for `sql`, or null when it orders no text time column. */
export function timeTextMisuse(sql: string, columns: readonly TextTimeColumn[]): SqlError | null {
  const textColumns = columns.filter((column) => !sortsAsTime(column.example));
  if (textColumns.length === 0) return null;
  const tokens = tokenizeSql(sql);
  for (const { index, use } of orderedUses(tokens)) {
    const token = tokens[index] as SqlToken;
    const column = textColumns.find((candidate) => candidate.name.toLowerCase() === token.value.toLowerCase());
    if (column === undefined) continue;
    const time = LIVE_SYSTEM_COLUMNS.time;
    return {
      message:
        `"${column.name}" holds the file's own text (as "${column.example}"), which SQLite orders as text, not as time: ` +
        `${use} on it would give a wrong answer. Use ${time}, the event time as 'YYYY-MM-DD HH:MM:SS' (e.g. max(${time}), ORDER BY ${time}, ${time} >= '2017-06-01').`,
      position: { from: token.from, to: token.to },
    };
  }
  return null;
}
