/**
 * The SQL console's window statements, which SQLite does not know, so the console hands them here
 * first (isWindowStatement):
 *
 *   CREATE WINDOW traffic_15min AS TUMBLE 15 MINUTES
 *   CREATE WINDOW traffic_hourly AS HOP 1 HOUR EVERY 15 MINUTES [LATENESS 30 MINUTES] [EMIT CHANGES | EMIT FINAL]
 *     [MEASURES Total, "Car Count"]
 *   DROP WINDOW traffic_hourly
 *
 * Keywords in any case; units SECOND(S), MINUTE(S), HOUR(S), DAY(S); LATENESS, EMIT and MEASURES
 * in any order, each at most once; a trailing semicolon allowed. The defaults are no lateness, EMIT
 * FINAL (Spark's and ksqlDB's "emit when closed") and every measure column. Measure names are
 * checked against the schema when the window is made (recordLayout), not here: the parser does
 * not know the file. A mistake is reported with the span of the
 * token at fault (from/to, offsets into the text, like the console's SQLite errors) so the editor
 * can underline it.
 */
import { LIVE_TABLE } from '../../../shared/sql/sqlContract';
import { SQLITE_KEYWORDS } from '../../../shared/sql/sqlIdentifiers';
import { MAX_WINDOW_MS, MAX_WINDOWS_PER_ROW, TIME_UNIT_MS, type EmitMode, type TimeUnit, type WindowSpec } from '../../../shared/windows/windowContract';

export type WindowStatement = { kind: 'create'; spec: WindowSpec } | { kind: 'drop'; name: string };

export interface WindowStatementError {
  message: string;
  from: number;
  to: number;
}

export type WindowStatementResult = { ok: true; statement: WindowStatement } | { ok: false; error: WindowStatementError };

/** True when the text is meant as a window statement (so the console does not send it to SQLite). */
export function isWindowStatement(sql: string): boolean {
  return /^\s*(create|drop)\s+window\b/i.test(stripLeadingComments(sql));
}

function stripLeadingComments(sql: string): string {
  return sql.replace(/^(\s*--[^\n]*(\n|$))+/, '');
}

interface Token {
  kind: 'word' | 'number' | 'quoted' | 'comma' | 'semicolon' | 'end';
  text: string;
  from: number;
  to: number;
}

class StatementError extends Error {
  constructor(
    message: string,
    readonly from: number,
    readonly to: number,
  ) {
    super(message);
  }
}

const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /[0-9]+(\.[0-9]*)?/y;
const SPACE = /(\s+|--[^\n]*)/y;

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  const match = (pattern: RegExp): string | null => {
    pattern.lastIndex = at;
    const found = pattern.exec(sql);
    return found ? found[0] : null;
  };
  while (at < sql.length) {
    const space = match(SPACE);
    if (space !== null) {
      at += space.length;
      continue;
    }
    const word = match(WORD);
    if (word !== null) {
      tokens.push({ kind: 'word', text: word, from: at, to: at + word.length });
      at += word.length;
      continue;
    }
    const number = match(NUMBER);
    if (number !== null) {
      if (number.includes('.')) throw new StatementError(`Whole numbers only: ${number} — use a smaller unit (90 MINUTES, not 1.5 HOURS).`, at, at + number.length);
      tokens.push({ kind: 'number', text: number, from: at, to: at + number.length });
      at += number.length;
      continue;
    }
    const char = sql[at] as string;
    if (char === ';') {
      tokens.push({ kind: 'semicolon', text: ';', from: at, to: at + 1 });
      at++;
      continue;
    }
    if (char === ',') {
      tokens.push({ kind: 'comma', text: ',', from: at, to: at + 1 });
      at++;
      continue;
    }
    if (char === '"') {
      // A quoted name, SQL's way: "" inside stands for one ".
      let end = at + 1;
      let name = '';
      for (;;) {
        const close = sql.indexOf('"', end);
        if (close < 0) throw new StatementError('This quoted name is not closed.', at, sql.length);
        name += sql.slice(end, close);
        if (sql[close + 1] !== '"') {
          end = close + 1;
          break;
        }
        name += '"';
        end = close + 2;
      }
      tokens.push({ kind: 'quoted', text: name, from: at, to: end });
      at = end;
      continue;
    }
    throw new StatementError(`Unexpected ${JSON.stringify(char)}.`, at, at + 1);
  }
  tokens.push({ kind: 'end', text: '', from: sql.length, to: sql.length });
  return tokens;
}

const UNITS: Record<string, TimeUnit> = {
  second: 'second',
  seconds: 'second',
  minute: 'minute',
  minutes: 'minute',
  hour: 'hour',
  hours: 'hour',
  day: 'day',
  days: 'day',
};

const shown = (token: Token): string => (token.kind === 'end' ? 'the end' : JSON.stringify(token.text));

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  private get token(): Token {
    return this.tokens[this.at] as Token;
  }

  private fail(message: string, token = this.token): never {
    throw new StatementError(message, token.from, token.to);
  }

  private isWord(word: string): boolean {
    return this.token.kind === 'word' && this.token.text.toLowerCase() === word;
  }

  private expectWord(word: string, after: string): Token {
    if (!this.isWord(word)) this.fail(`Expected ${word.toUpperCase()} ${after}, found ${shown(this.token)}.`);
    return this.tokens[this.at++] as Token;
  }

  statement(): WindowStatement {
    let statement: WindowStatement;
    if (this.isWord('create')) {
      this.at++;
      this.expectWord('window', 'after CREATE');
      statement = this.create();
    } else if (this.isWord('drop')) {
      this.at++;
      this.expectWord('window', 'after DROP');
      statement = { kind: 'drop', name: this.name() };
    } else this.fail(`Expected CREATE WINDOW or DROP WINDOW, found ${shown(this.token)}.`);
    if (this.token.kind === 'semicolon') this.at++;
    if (this.token.kind !== 'end') this.fail(`Unexpected ${shown(this.token)} after the end of the statement.`);
    return statement;
  }

  private name(): string {
    const token = this.token;
    if (token.kind === 'quoted') this.fail('Window names are bare SQL names (letters, digits and _), without quotes.');
    if (token.kind !== 'word') this.fail(`Expected the window's name, found ${shown(token)}.`);
    if (SQLITE_KEYWORDS.has(token.text.toUpperCase())) this.fail(`${token.text} is an SQL keyword; choose another name for the window.`);
    if (token.text.toLowerCase().startsWith('sqlite_')) this.fail('Names starting with sqlite_ are reserved by SQLite.');
    if (token.text.toLowerCase() === LIVE_TABLE) this.fail(`${LIVE_TABLE} is the live table's name; choose another name for the window.`);
    if (token.text.length > 128) this.fail('Window names are at most 128 characters.');
    this.at++;
    return token.text;
  }

  /** A positive (or, for lateness, zero) whole number and a unit; returns ms and the span for later errors. */
  private duration(what: string, zeroAllowed: boolean): { ms: number; from: number; to: number } {
    const number = this.token;
    if (number.kind !== 'number') this.fail(`Expected ${what} (a number and a unit, e.g. 15 MINUTES), found ${shown(number)}.`);
    const value = Number(number.text);
    if (value === 0 && !zeroAllowed) this.fail(`The ${what} must be more than 0.`);
    this.at++;
    const unitToken = this.token;
    const unit = unitToken.kind === 'word' ? UNITS[unitToken.text.toLowerCase()] : undefined;
    if (unit === undefined) this.fail(`Expected a unit after ${number.text} (SECONDS, MINUTES, HOURS or DAYS), found ${shown(unitToken)}.`);
    this.at++;
    const ms = value * TIME_UNIT_MS[unit];
    if (ms > MAX_WINDOW_MS) throw new StatementError(`The ${what} can be at most 31 days.`, number.from, unitToken.to);
    return { ms, from: number.from, to: unitToken.to };
  }

  /** Column names, bare or "quoted", separated by commas. */
  private measureList(): string[] {
    const names: string[] = [];
    for (;;) {
      const token = this.token;
      if (token.kind !== 'word' && token.kind !== 'quoted') this.fail(`Expected a measure's column name, found ${shown(token)}.`);
      if (names.includes(token.text)) this.fail(`${token.text} is listed twice.`);
      names.push(token.text);
      this.at++;
      if (this.token.kind !== 'comma') return names;
      this.at++;
    }
  }

  private create(): WindowStatement {
    const name = this.name();
    this.expectWord('as', "after the window's name");
    let kind: WindowSpec['kind'];
    if (this.isWord('tumble')) kind = 'tumble';
    else if (this.isWord('hop')) kind = 'hop';
    else this.fail(`Expected TUMBLE or HOP, found ${shown(this.token)}.`);
    this.at++;
    const size = this.duration('window size', false);
    let hop = size;
    if (kind === 'hop') {
      this.expectWord('every', 'and the hop after the window size (HOP 1 HOUR EVERY 15 MINUTES)');
      hop = this.duration('hop', false);
      if (hop.ms > size.ms) throw new StatementError('The hop cannot be longer than the window (windows would leave gaps).', hop.from, hop.to);
      if (size.ms % hop.ms !== 0) throw new StatementError('The window size must be a whole multiple of the hop (e.g. HOP 1 HOUR EVERY 15 MINUTES).', hop.from, hop.to);
      if (size.ms / hop.ms > MAX_WINDOWS_PER_ROW) throw new StatementError(`A row may fall in at most ${MAX_WINDOWS_PER_ROW} windows; use a longer hop.`, hop.from, hop.to);
    } else if (this.isWord('every')) this.fail('A tumbling window hops by its own size; use HOP … EVERY … for a sliding one.');
    let latenessMs: number | null = null;
    let emit: EmitMode | null = null;
    let measures: string[] | null = null;
    while (this.token.kind === 'word') {
      if (this.isWord('lateness')) {
        if (latenessMs !== null) this.fail('LATENESS is given twice.');
        this.at++;
        latenessMs = this.duration('lateness', true).ms;
      } else if (this.isWord('emit')) {
        if (emit !== null) this.fail('EMIT is given twice.');
        this.at++;
        if (this.isWord('changes')) emit = 'changes';
        else if (this.isWord('final')) emit = 'final';
        else this.fail(`Expected CHANGES or FINAL after EMIT, found ${shown(this.token)}.`);
        this.at++;
      } else if (this.isWord('measures')) {
        if (measures !== null) this.fail('MEASURES is given twice.');
        this.at++;
        measures = this.measureList();
      } else this.fail(`Expected LATENESS, EMIT, MEASURES or the end, found ${shown(this.token)}.`);
    }
    return {
      kind: 'create',
      spec: { name, kind, sizeMs: size.ms, hopMs: hop.ms, latenessMs: latenessMs ?? 0, emit: emit ?? 'final', measures },
    };
  }
}

export function parseWindowStatement(sql: string): WindowStatementResult {
  try {
    return { ok: true, statement: new Parser(tokenize(sql)).statement() };
  } catch (error) {
    if (error instanceof StatementError) return { ok: false, error: { message: error.message, from: error.from, to: error.to } };
    throw error;
  }
}
