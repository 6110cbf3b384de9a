/**
 * Decides, before SQLite sees it, whether a statement typed in the console may run. The live table
 * is a view over the app's own storage: users read it, build their own tables from it, and change
 * those; they never change the live table, never reach the storage behind it, and never touch the
 * transactions the ingest runs in. This only recognises the statements it must refuse (by their
 * leading keywords and target names); everything else goes to SQLite, which reports its own errors.
 */
import { LIVE_TABLE, type SqlError } from '../../../shared/sql/sqlContract';
import { quoteIdentifier } from '../../../shared/sql/sqlIdentifiers';
import { tokenizeSql, type SqlToken } from './sqlTokens';

export type GuardVerdict = { ok: true; kind: 'read' | 'write' } | { ok: false; error: SqlError };

export interface GuardOptions {
  /** the live table (a view in the db) users may read but never change */
  protectedNames: readonly string[];
  /** internal objects users may not even mention */
  hiddenNames: readonly string[];
  /**
   * Of protectedNames, the declared windows' tables (CREATE WINDOW): the app fills them, so they are
   * read-only like the live table, and changed with DROP WINDOW / CREATE WINDOW instead.
   */
  windowNames?: readonly string[];
}

type Span = { from: number; to: number };

/** Pragmas that only report; with `=` any pragma would change a setting, so `=` is refused. */
const READ_ONLY_PRAGMAS = new Set([
  'table_info',
  'table_xinfo',
  'table_list',
  'index_list',
  'index_info',
  'function_list',
  'compile_options',
  'database_list',
  'foreign_key_list',
]);

const TRANSACTION_KEYWORDS = new Set(['BEGIN', 'COMMIT', 'END', 'ROLLBACK', 'SAVEPOINT', 'RELEASE']);
const CONFLICT_ACTIONS = new Set(['ROLLBACK', 'ABORT', 'REPLACE', 'FAIL', 'IGNORE']);

const READ: GuardVerdict = { ok: true, kind: 'read' };
const WRITE: GuardVerdict = { ok: true, kind: 'write' };

function refuse(message: string, position: Span | null): GuardVerdict {
  return { ok: false, error: { message, position } };
}

function spanOf(first: SqlToken, last: SqlToken = first): Span {
  return { from: first.from, to: last.to };
}

function keyword(token: SqlToken | undefined): string {
  return token?.kind === 'word' ? token.text.toUpperCase() : '';
}

function isPunct(token: SqlToken | undefined, text: string): boolean {
  return token?.kind === 'punct' && token.text === text;
}

/** Names may be written bare, quoted, bracketed, or even as 'strings' (SQLite accepts those as names). */
function isNameToken(token: SqlToken | undefined): token is SqlToken {
  return token !== undefined && (token.kind === 'word' || token.kind === 'quoted' || token.kind === 'string');
}

interface ObjectName {
  /** The object's own name, without its schema. */
  name: string;
  span: Span;
  /** Index of the token after the name. */
  next: number;
}

/** `name` or `schema.name` at `at`; the schema is not checked (ATTACH is refused, so only main and temp exist). */
function objectNameAt(tokens: readonly SqlToken[], at: number): ObjectName | null {
  const first = tokens[at];
  if (!isNameToken(first)) return null;
  const last = tokens[at + 2];
  if (isPunct(tokens[at + 1], '.') && isNameToken(last)) return { name: last.value, span: spanOf(first, last), next: at + 3 };
  return { name: first.value, span: spanOf(first), next: at + 1 };
}

/** Index after the parenthesis that closes the one at `at` (or the end). */
function skipParens(tokens: readonly SqlToken[], at: number): number {
  let depth = 0;
  for (let i = at; i < tokens.length; i++) {
    if (isPunct(tokens[i], '(')) depth++;
    else if (isPunct(tokens[i], ')') && --depth === 0) return i + 1;
  }
  return tokens.length;
}

function isTriggerStart(tokens: readonly SqlToken[]): boolean {
  let i = 0;
  if (keyword(tokens[i]) === 'EXPLAIN') i += keyword(tokens[i + 1]) === 'QUERY' ? 3 : 1;
  if (keyword(tokens[i]) !== 'CREATE') return false;
  i++;
  if (keyword(tokens[i]) === 'TEMP' || keyword(tokens[i]) === 'TEMPORARY') i++;
  return keyword(tokens[i]) === 'TRIGGER';
}

/**
 * Statements, split at `;` (tokens never hold a `;` inside strings or comments). A trigger's
 * BEGIN … END body holds `;` of its own, so the split waits for the END closing the body (CASE
 * … END inside it nests), which keeps the statement count in the message right.
 */
function splitStatements(tokens: readonly SqlToken[]): SqlToken[][] {
  const statements: SqlToken[][] = [];
  let current: SqlToken[] = [];
  let inBody = false;
  let caseDepth = 0;
  for (const token of tokens) {
    if (isPunct(token, ';') && !inBody) {
      if (current.length > 0) statements.push(current);
      current = [];
      continue;
    }
    const word = keyword(token);
    // A BEGIN that is not the statement's first word can only open a trigger's body.
    if (!inBody && word === 'BEGIN' && current.length > 0 && isTriggerStart(current)) {
      inBody = true;
      caseDepth = 0;
    } else if (inBody && word === 'CASE') caseDepth++;
    else if (inBody && word === 'END') {
      if (caseDepth > 0) caseDepth--;
      else inBody = false;
    }
    current.push(token);
  }
  if (current.length > 0) statements.push(current);
  return statements;
}

class Judge {
  private readonly protectedNames: Map<string, string>;
  private readonly hiddenNames: Map<string, string>;
  private readonly liveTable: string;
  private readonly windowNames: Set<string>;

  constructor(
    private readonly tokens: readonly SqlToken[],
    options: GuardOptions,
  ) {
    this.protectedNames = new Map(options.protectedNames.map((name) => [name.toLowerCase(), name]));
    this.hiddenNames = new Map(options.hiddenNames.map((name) => [name.toLowerCase(), name]));
    this.liveTable = options.protectedNames[0] ?? LIVE_TABLE;
    this.windowNames = new Set((options.windowNames ?? []).map((name) => name.toLowerCase()));
  }

  private isWindow(name: string): boolean {
    return this.windowNames.has(name.toLowerCase());
  }

  private protectedName(name: ObjectName | null): string | undefined {
    return name ? this.protectedNames.get(name.name.toLowerCase()) : undefined;
  }

  private readOnly(verb: string, live: string, span: Span): GuardVerdict {
    if (this.isWindow(live)) {
      return refuse(
        `${verb} would change the window table "${live}", which the app fills as rows arrive; it is read-only. ` +
          `Redefine it with DROP WINDOW ${live} and CREATE WINDOW …, or copy it with CREATE TABLE … AS SELECT … FROM ${quoteIdentifier(live)}.`,
        span,
      );
    }
    return refuse(
      `${verb} would change the live table "${live}"; it is read-only. ` +
        `Create your own table with CREATE TABLE … AS SELECT … FROM ${quoteIdentifier(live)} and change that.`,
      span,
    );
  }

  /**
   * Any mention of an internal object, wherever it stands. A string literal counts when it holds
   * the name: SQLite accepts 'strings' as names, and pragma functions take names as strings.
   */
  hiddenMention(): GuardVerdict | null {
    for (const token of this.tokens) {
      let hidden: string | undefined;
      if (token.kind === 'word' || token.kind === 'quoted') hidden = this.hiddenNames.get(token.value.toLowerCase());
      else if (token.kind === 'string') {
        const value = token.value.toLowerCase();
        for (const [lower, name] of this.hiddenNames) if (value.includes(lower)) hidden = name;
      }
      if (hidden !== undefined) return refuse(`"${hidden}" is internal; query "${this.liveTable}" instead.`, spanOf(token));
    }
    return null;
  }

  /** The statement from token `at`; EXPLAIN runs nothing, but a refused statement stays refused when explained. */
  statement(at: number): GuardVerdict {
    let i = at;
    // A loop, not recursion: SQLite rejects a repeated EXPLAIN, but a long text of them must not exhaust the stack.
    while (keyword(this.tokens[i]) === 'EXPLAIN') i += keyword(this.tokens[i + 1]) === 'QUERY' && keyword(this.tokens[i + 2]) === 'PLAN' ? 3 : 1;
    const verdict = this.unexplained(i);
    return i > at && verdict.ok ? READ : verdict;
  }

  private unexplained(at: number): GuardVerdict {
    const first = this.tokens[at];
    // SELECT, VALUES, or something SQLite will reject with its own message.
    if (first?.kind !== 'word') return READ;
    const word = first.text.toUpperCase();
    switch (word) {
      case 'WITH':
        return this.withStatement(at);
      case 'INSERT':
      case 'REPLACE':
      case 'UPDATE':
      case 'DELETE':
        return this.change(at);
      case 'DROP':
        return this.drop(at);
      case 'ALTER':
        return this.alter(at);
      case 'CREATE':
        return this.create(at, first);
      case 'PRAGMA':
        return this.pragma(at, first);
      case 'ATTACH':
      case 'DETACH':
        return refuse(`${word} is not allowed: the console works on the in-memory live table only.`, spanOf(first));
      case 'VACUUM':
        return refuse('VACUUM is not allowed: it rebuilds the whole in-memory database and would stall the live table.', spanOf(first));
      case 'REINDEX':
        return refuse("REINDEX is not allowed: it rebuilds the app's indexes and would stall the live table.", spanOf(first));
      case 'ANALYZE':
        return WRITE;
      default:
        if (!TRANSACTION_KEYWORDS.has(word)) return READ;
        return refuse(
          `${word} is not allowed: the app manages transactions itself while it adds rows to the live table; each statement runs on its own.`,
          spanOf(first),
        );
    }
  }

  /** WITH [RECURSIVE] name [(columns)] AS [NOT] [MATERIALIZED] (…), … then the statement itself. */
  private withStatement(at: number): GuardVerdict {
    const main = this.afterCommonTables(at) ?? this.firstTopLevelStatementWord(at);
    if (main === null) return READ;
    const word = keyword(this.tokens[main]);
    return word === 'INSERT' || word === 'REPLACE' || word === 'UPDATE' || word === 'DELETE' ? this.change(main) : READ;
  }

  private afterCommonTables(at: number): number | null {
    const tokens = this.tokens;
    let i = at + 1;
    if (keyword(tokens[i]) === 'RECURSIVE') i++;
    for (;;) {
      if (!isNameToken(tokens[i])) return null;
      i++;
      if (isPunct(tokens[i], '(')) i = skipParens(tokens, i);
      if (keyword(tokens[i]) !== 'AS') return null;
      i++;
      if (keyword(tokens[i]) === 'NOT') i++;
      if (keyword(tokens[i]) === 'MATERIALIZED') i++;
      if (!isPunct(tokens[i], '(')) return null;
      i = skipParens(tokens, i);
      if (!isPunct(tokens[i], ',')) return i;
      i++;
    }
  }

  /** For a WITH clause too odd to follow (SQLite will reject it): the first statement word outside parentheses. */
  private firstTopLevelStatementWord(at: number): number | null {
    let depth = 0;
    for (let i = at + 1; i < this.tokens.length; i++) {
      const token = this.tokens[i];
      if (isPunct(token, '(')) depth++;
      else if (isPunct(token, ')')) depth--;
      else if (depth === 0 && ['SELECT', 'VALUES', 'INSERT', 'REPLACE', 'UPDATE', 'DELETE'].includes(keyword(token))) return i;
    }
    return null;
  }

  /** INSERT [OR action] INTO t, REPLACE INTO t, UPDATE [OR action] t, DELETE FROM t. */
  private change(at: number): GuardVerdict {
    const verb = keyword(this.tokens[at]);
    let i = at + 1;
    if ((verb === 'INSERT' || verb === 'UPDATE') && keyword(this.tokens[i]) === 'OR' && CONFLICT_ACTIONS.has(keyword(this.tokens[i + 1]))) i += 2;
    if (verb === 'INSERT' || verb === 'REPLACE') {
      if (keyword(this.tokens[i]) !== 'INTO') return WRITE;
      i++;
    } else if (verb === 'DELETE') {
      if (keyword(this.tokens[i]) !== 'FROM') return WRITE;
      i++;
    }
    const target = objectNameAt(this.tokens, i);
    const live = this.protectedName(target);
    return live !== undefined && target ? this.readOnly(verb, live, target.span) : WRITE;
  }

  /** DROP TABLE|VIEW|INDEX|TRIGGER [IF EXISTS] name. */
  private drop(at: number): GuardVerdict {
    const kind = keyword(this.tokens[at + 1]);
    let i = at + 2;
    if (keyword(this.tokens[i]) === 'IF' && keyword(this.tokens[i + 1]) === 'EXISTS') i += 2;
    const target = objectNameAt(this.tokens, i);
    const live = this.protectedName(target);
    if (live === undefined || !target) return WRITE;
    if (this.isWindow(live)) {
      return refuse(`DROP ${kind} cannot remove the window table "${live}"; use DROP WINDOW ${live}, which removes the window and its table.`, target.span);
    }
    return kind === 'TABLE' || kind === 'VIEW'
      ? refuse(`DROP ${kind} would remove the live table "${live}"; it is read-only.`, target.span)
      : refuse(`DROP ${kind} "${target.name}" is not allowed: the name belongs to the live table, which is read-only.`, target.span);
  }

  /** ALTER TABLE name …, including a RENAME TO that would take the live table's name. */
  private alter(at: number): GuardVerdict {
    if (keyword(this.tokens[at + 1]) !== 'TABLE') return WRITE;
    const target = objectNameAt(this.tokens, at + 2);
    if (!target) return WRITE;
    const live = this.protectedName(target);
    if (live !== undefined) return this.readOnly('ALTER TABLE', live, target.span);
    if (keyword(this.tokens[target.next]) === 'RENAME' && keyword(this.tokens[target.next + 1]) === 'TO') {
      const renamed = objectNameAt(this.tokens, target.next + 2);
      const taken = this.protectedName(renamed);
      if (taken !== undefined && renamed) return this.nameTaken('ALTER TABLE … RENAME TO', taken, 'table', renamed.span);
    }
    return WRITE;
  }

  private nameTaken(verb: string, live: string, what: string, span: Span): GuardVerdict {
    if (this.isWindow(live)) return refuse(`${verb} cannot use the name "${live}": it is a window's table. Pick another name for your ${what}.`, span);
    // In the temp schema such an object would even hide the live table from every later query.
    return refuse(`${verb} cannot use the name "${live}": it is the live table's name. Pick another name for your ${what}.`, span);
  }

  /** CREATE [TEMP] [UNIQUE|VIRTUAL] TABLE|VIEW|INDEX|TRIGGER [IF NOT EXISTS] name … */
  private create(at: number, createToken: SqlToken): GuardVerdict {
    const tokens = this.tokens;
    let i = at + 1;
    if (keyword(tokens[i]) === 'TEMP' || keyword(tokens[i]) === 'TEMPORARY') i++;
    if (keyword(tokens[i]) === 'UNIQUE' || keyword(tokens[i]) === 'VIRTUAL') i++;
    const kindToken = tokens[i];
    const kind = keyword(kindToken);
    if (kind === 'TRIGGER' && kindToken) {
      return refuse(
        'CREATE TRIGGER is not allowed: a trigger runs hidden statements that could change the live table behind your back.',
        spanOf(createToken, kindToken),
      );
    }
    if (kind !== 'TABLE' && kind !== 'VIEW' && kind !== 'INDEX') return WRITE;
    i++;
    if (keyword(tokens[i]) === 'IF' && keyword(tokens[i + 1]) === 'NOT' && keyword(tokens[i + 2]) === 'EXISTS') i += 3;
    const name = objectNameAt(tokens, i);
    if (!name) return WRITE;
    const taken = this.protectedName(name);
    if (taken !== undefined) return this.nameTaken(`CREATE ${kind}`, taken, kind.toLowerCase(), name.span);
    if (kind === 'INDEX' && keyword(tokens[name.next]) === 'ON') {
      const table = objectNameAt(tokens, name.next + 1);
      const live = this.protectedName(table);
      if (live !== undefined && table && this.isWindow(live)) {
        return refuse(`CREATE INDEX cannot be used on the window table "${live}": the app remakes it on every replay. Copy it with CREATE TABLE … AS SELECT … and index that.`, table.span);
      }
      if (live !== undefined && table) {
        return refuse(
          `CREATE INDEX cannot be used on the live table "${live}": it is a view, and SQLite cannot index a view. ` +
            `Create your own table with CREATE TABLE … AS SELECT … FROM ${quoteIdentifier(live)} and index that.`,
          table.span,
        );
      }
    }
    return WRITE;
  }

  /** PRAGMA [schema.]name [(argument)]: only the read-only ones, and never with `= value`. */
  private pragma(at: number, pragmaToken: SqlToken): GuardVerdict {
    const name = objectNameAt(this.tokens, at + 1);
    if (!name) return refuse('PRAGMA needs a name; the console only runs read-only pragmas such as table_info.', spanOf(pragmaToken));
    const pragma = name.name.toLowerCase();
    const allowed = [...READ_ONLY_PRAGMAS].join(', ');
    if (!READ_ONLY_PRAGMAS.has(pragma)) {
      return refuse(`PRAGMA ${name.name} is not allowed: the console only runs read-only pragmas (${allowed}).`, name.span);
    }
    const assign = this.tokens.slice(name.next).find((token) => isPunct(token, '=') || isPunct(token, '=='));
    if (assign) {
      return refuse(`PRAGMA ${name.name} = … is not allowed: the console cannot change settings; use PRAGMA ${name.name}(…) to read.`, spanOf(assign));
    }
    return READ;
  }
}

export function checkStatement(sql: string, options: GuardOptions): GuardVerdict {
  const statements = splitStatements(tokenizeSql(sql));
  const [first, second] = statements;
  if (!first) return refuse('Type a query first.', null);
  const secondStart = second?.[0];
  const secondEnd = second?.[second.length - 1];
  if (secondStart && secondEnd) {
    return refuse(`Run one statement at a time: this text has ${statements.length} statements.`, spanOf(secondStart, secondEnd));
  }
  const judge = new Judge(first, options);
  return judge.hiddenMention() ?? judge.statement(0);
}
