/**
 * Splits SQL text into tokens the way SQLite's own tokenizer does, so the write guard sees the
 * same keywords and names SQLite will, and an error's `near "X"` can be found again. It does not
 * parse: that stays SQLite's job.
 */

export interface SqlToken {
  kind: 'word' | 'quoted' | 'string' | 'number' | 'punct' | 'param';
  text: string;
  /** identifier value: unquoted, de-doubled; for words the text itself */
  value: string;
  from: number;
  to: number;
}

const TWO_CHAR_OPERATORS = new Set(['||', '<=', '>=', '<>', '!=', '==', '<<', '>>', '->']);

// SQLite's whitespace is exactly these five; anything else (a no-break space too) is part of a name.
function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function isHexDigit(c: string): boolean {
  return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/** SQLite treats every non-ASCII character as a letter of a name. */
function isNameStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c > '\x7f';
}

function isNamePart(c: string): boolean {
  return isNameStart(c) || isDigit(c) || c === '$';
}

/** Reads a run of digits allowing SQLite's `_` separators (1_000), which must sit between digits. */
function digitsEnd(sql: string, at: number, digit: (c: string) => boolean): number {
  let i = at;
  while (i < sql.length) {
    const c = sql.charAt(i);
    if (digit(c) || (c === '_' && i > at && digit(sql.charAt(i + 1)))) i++;
    else break;
  }
  return i;
}

function numberEnd(sql: string, start: number): number {
  let i = start;
  if (sql.charAt(i) === '0' && (sql.charAt(i + 1) === 'x' || sql.charAt(i + 1) === 'X') && isHexDigit(sql.charAt(i + 2))) {
    i = digitsEnd(sql, i + 2, isHexDigit);
  } else {
    i = digitsEnd(sql, i, isDigit);
    if (sql.charAt(i) === '.') i = digitsEnd(sql, i + 1, isDigit);
    const e = sql.charAt(i);
    if (e === 'e' || e === 'E') {
      const sign = sql.charAt(i + 1) === '+' || sql.charAt(i + 1) === '-' ? 1 : 0;
      if (isDigit(sql.charAt(i + 1 + sign))) i = digitsEnd(sql, i + 1 + sign, isDigit);
    }
  }
  // SQLite swallows letters glued to a number into one bad token ("1abc"); its error quotes all of it.
  while (i < sql.length && isNamePart(sql.charAt(i))) i++;
  return i;
}

/**
 * A delimited token starting at `start` (the opening character). With `doubled`, two closing
 * characters stand for one. Unterminated: runs to the end, and SQLite reports the error.
 */
function delimited(sql: string, start: number, close: string, doubled: boolean): { end: number; value: string } {
  let value = '';
  let i = start + 1;
  for (;;) {
    const at = sql.indexOf(close, i);
    if (at < 0) return { end: sql.length, value: value + sql.slice(i) };
    value += sql.slice(i, at);
    if (doubled && sql.charAt(at + 1) === close) {
      value += close;
      i = at + 2;
    } else return { end: at + 1, value };
  }
}

/** `$name`, `:name`, `@name`, `#name`, with SQLite's Tcl-style `::` and `(…)` suffixes. */
function namedParamEnd(sql: string, start: number): number {
  let i = start + 1;
  while (i < sql.length) {
    const c = sql.charAt(i);
    if (isNamePart(c)) i++;
    else if (c === ':' && sql.charAt(i + 1) === ':') i += 2;
    else if (c === '(' && i > start + 1) {
      const close = sql.indexOf(')', i);
      const space = /[ \t\n\f\r]/.exec(sql.slice(i, close < 0 ? undefined : close));
      // SQLite gives up on the whole token here; ending at the '(' keeps the rest readable.
      if (close < 0 || space) break;
      i = close + 1;
      break;
    } else break;
  }
  return i;
}

export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  const push = (kind: SqlToken['kind'], from: number, to: number, value?: string): void => {
    const text = sql.slice(from, to);
    tokens.push({ kind, text, value: value ?? text, from, to });
  };
  let i = 0;
  while (i < sql.length) {
    const c = sql.charAt(i);
    const next = sql.charAt(i + 1);
    if (isSpace(c)) {
      i++;
    } else if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i + 2);
      i = end < 0 ? sql.length : end + 1;
    } else if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (c === "'") {
      const { end, value } = delimited(sql, i, "'", true);
      push('string', i, end, value);
      i = end;
    } else if ((c === 'x' || c === 'X') && next === "'") {
      const { end, value } = delimited(sql, i + 1, "'", false);
      push('string', i, end, value);
      i = end;
    } else if (c === '"' || c === '`' || c === '[') {
      const { end, value } = delimited(sql, i, c === '[' ? ']' : c, c !== '[');
      push('quoted', i, end, value);
      i = end;
    } else if (isNameStart(c)) {
      let end = i + 1;
      while (end < sql.length && isNamePart(sql.charAt(end))) end++;
      push('word', i, end);
      i = end;
    } else if (isDigit(c) || (c === '.' && isDigit(next))) {
      const end = numberEnd(sql, i);
      push('number', i, end);
      i = end;
    } else if (c === '?') {
      let end = i + 1;
      while (isDigit(sql.charAt(end))) end++;
      push('param', i, end);
      i = end;
    } else if ((c === ':' || c === '@' || c === '$' || c === '#') && isNamePart(next)) {
      const end = namedParamEnd(sql, i);
      push('param', i, end);
      i = end;
    } else {
      const length = sql.startsWith('->>', i) ? 3 : TWO_CHAR_OPERATORS.has(c + next) ? 2 : 1;
      push('punct', i, i + length);
      i += length;
    }
  }
  return tokens;
}
