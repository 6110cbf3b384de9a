/**
 * SQLite's error messages name the token or object they are about, not where it is. These find it
 * again in the text (so the editor can underline it), and add one plain hint for the mistakes
 * people new to SQLite make most.
 */
import { LIVE_TABLE } from '../../../shared/sql/sqlContract';
import { quoteIdentifier } from '../../../shared/sql/sqlIdentifiers';
import { tokenizeSql, type SqlToken } from './sqlTokens';

type Span = { from: number; to: number };

const NEAR = /^near "([\s\S]*)": syntax error$/;
const UNRECOGNIZED = /^unrecognized token: "([\s\S]*)"$/;
const NAMED = /^(no such column|no such table|no such function|ambiguous column name): ([\s\S]+)$/;
const NO_COLUMN_NAMED = /^table ([\s\S]+) has no column named ([\s\S]+)$/;

function span(token: SqlToken): Span {
  return { from: token.from, to: token.to };
}

function isName(token: SqlToken | undefined): token is SqlToken {
  return token !== undefined && (token.kind === 'word' || token.kind === 'quoted');
}

function sameName(token: SqlToken | undefined, name: string): token is SqlToken {
  return isName(token) && token.value.toLowerCase() === name.toLowerCase();
}

/**
 * The first token naming `name`. SQLite writes a qualified name as `a.b`; a single quoted name may
 * hold dots too, so the whole is tried first, then the parts in a row, then the last part alone.
 */
function findName(tokens: readonly SqlToken[], name: string): Span | null {
  const whole = tokens.find((token) => sameName(token, name));
  if (whole) return span(whole);
  const parts = name.split('.');
  const last = parts[parts.length - 1] ?? name;
  if (parts.length > 1) {
    for (let i = 0; i + 2 * (parts.length - 1) < tokens.length; i++) {
      const matches = parts.every((part, k) => sameName(tokens[i + 2 * k], part) && (k === 0 || tokens[i + 2 * k - 1]?.text === '.'));
      const end = tokens[i + 2 * (parts.length - 1)];
      const start = tokens[i];
      if (matches && start && end) return { from: start.from, to: end.to };
    }
    const lastPart = tokens.find((token) => sameName(token, last));
    if (lastPart) return span(lastPart);
  }
  return null;
}

export function locateSqliteError(sql: string, message: string): { from: number; to: number } | null {
  const tokens = tokenizeSql(sql);
  const near = NEAR.exec(message);
  if (near) {
    const text = near[1] ?? '';
    const token = tokens.find((candidate) => candidate.text === text);
    if (token) return span(token);
    const at = text === '' ? -1 : sql.indexOf(text);
    return at < 0 ? null : { from: at, to: at + text.length };
  }
  const unrecognized = UNRECOGNIZED.exec(message);
  if (unrecognized) {
    // SQLite quotes the bad token as it stands; ours may have stopped earlier or later.
    const text = unrecognized[1] ?? '';
    const at = text === '' ? -1 : sql.indexOf(text);
    return at < 0 ? null : { from: at, to: at + text.length };
  }
  if (message === 'incomplete input') {
    const last = tokens[tokens.length - 1];
    return last ? span(last) : { from: sql.length, to: sql.length };
  }
  const named = NAMED.exec(message);
  if (named) return findName(tokens, named[2] ?? '');
  const noColumn = NO_COLUMN_NAMED.exec(message);
  if (noColumn) return findName(tokens, noColumn[2] ?? '');
  return null;
}

/** Functions people bring from other databases, and what SQLite offers instead (a Map: no inherited keys). */
const FUNCTION_HINTS = new Map<string, string>(
  Object.entries({
    year: "SQLite has no YEAR(); use strftime('%Y', _time).",
    month: "SQLite has no MONTH(); use strftime('%m', _time).",
    day: "SQLite has no DAY(); use strftime('%d', _time).",
    hour: "SQLite has no HOUR(); use strftime('%H', _time).",
    minute: "SQLite has no MINUTE(); use strftime('%M', _time).",
    dayofweek: "SQLite has no DAYOFWEEK(); use strftime('%w', _time) (0 is Sunday).",
    weekday: "SQLite has no WEEKDAY(); use strftime('%w', _time) (0 is Sunday).",
    date_trunc: "SQLite has no DATE_TRUNC(); use strftime, e.g. strftime('%Y-%m-%d %H:00:00', _time) for the hour.",
    now: "SQLite has no NOW(); use datetime('now').",
    getdate: "SQLite has no GETDATE(); use datetime('now').",
    datediff: 'SQLite has no DATEDIFF(); subtract julianday() values, e.g. julianday(a) - julianday(b) in days.',
    len: 'SQLite calls it length().',
    isnull: 'SQLite calls it ifnull().',
    nvl: 'SQLite calls it ifnull().',
    to_char: 'SQLite formats dates and times with strftime().',
  }),
);

/** Reduces a name to its letters and digits, so "Traffic_Situation" meets "Traffic Situation". */
function loose(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

const QUOTE_HINT = (column: string): string => `Column names with spaces need double quotes, e.g. ${quoteIdentifier(column)}.`;

function noSuchColumnHint(name: string, columns: readonly string[]): string | null {
  const dot = name.lastIndexOf('.');
  const bare = dot < 0 ? name : name.slice(dot + 1);
  const lower = bare.toLowerCase();
  // Case never matters to SQLite; an existing column reported missing means the prefix is wrong.
  if (dot >= 0 && !columns.some((column) => column.toLowerCase() === name.toLowerCase()) && columns.some((column) => column.toLowerCase() === lower)) {
    return `"${name.slice(0, dot)}" is not a table or alias in this query.`;
  }
  const spaced = columns.find((column) => /\s/.test(column) && column.toLowerCase().startsWith(`${lower} `));
  if (spaced) return QUOTE_HINT(spaced);
  const similar = columns.find((column) => column.toLowerCase() !== lower && loose(column) === loose(bare) && loose(bare) !== '');
  return similar ? `Did you mean ${quoteIdentifier(similar)}?` : null;
}

/** A column name with spaces typed bare shows up as its words in a row: SQLite trips over the second. */
function bareSpacedColumn(sql: string, columns: readonly string[]): string | null {
  const words = tokenizeSql(sql).map((token) => (token.kind === 'word' ? token.text.toLowerCase() : null));
  for (const column of columns) {
    const parts = column.toLowerCase().split(/\s+/).filter((part) => part !== '');
    if (parts.length < 2) continue;
    for (let i = 0; i + parts.length <= words.length; i++) if (parts.every((part, k) => words[i + k] === part)) return column;
  }
  return null;
}

function hintFor(message: string, sql: string, columns: readonly string[]): string | null {
  if (NEAR.test(message)) {
    const column = bareSpacedColumn(sql, columns);
    return column ? QUOTE_HINT(column) : null;
  }
  const named = NAMED.exec(message);
  if (!named) return null;
  const name = named[2] ?? '';
  switch (named[1]) {
    case 'no such column':
      return noSuchColumnHint(name, columns);
    case 'no such table':
      return name.toLowerCase() === LIVE_TABLE ? null : `The live table is "${LIVE_TABLE}".`;
    case 'no such function':
      return FUNCTION_HINTS.get(name.toLowerCase()) ?? null;
    case 'ambiguous column name': {
      const column = quoteIdentifier(name);
      return `More than one table in the query has a column ${column}; write table.${column} (or alias.${column}) to pick one.`;
    }
    default:
      return null;
  }
}

/** SQLite's message, plus one hint when it helps. */
export function explainSqliteError(message: string, sql: string, columns: readonly string[]): string {
  const hint = hintFor(message, sql, columns);
  return hint ? `${message}. ${hint}` : message;
}
